#!/usr/bin/env bash
# Benchmark of the case-study library: generate N case studies, import them, start the server on loopback, wait for
# the search index to catch up, then measure with wrk from outside the process. See bench/README.md.
# Usage: bash bench/run.sh [N ...]            (default: 10000 100000)
# Environment: DURATION (s, default 20), THREADS (2), CONNECTIONS (32), PORT (5099), OUT (bench/out),
#              INDEX_WAIT (s to wait for the index, default 1800), SEED (42)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES=("$@")
if [ "${#SIZES[@]}" -eq 0 ]; then SIZES=(10000 100000); fi
DURATION="${DURATION:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-5099}"
OUT="${OUT:-$ROOT/bench/out}"
INDEX_WAIT="${INDEX_WAIT:-1800}"
SEED="${SEED:-42}"
WEB_DLL="$ROOT/src/Enact.Web/bin/Release/net10.0/Enact.Web.dll"
GEN_DLL="$ROOT/bench/Enact.Bench.Generator/bin/Release/net10.0/Enact.Bench.Generator.dll"
BASE="http://127.0.0.1:$PORT"
# The query is in a different inflection from the injected phrases ("الحكومة الرقمية"): conjunction + plural.
QUERY="والحكومات الرقمية"
Q="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERY")"
PAGE_PATH="/ar/case-studies?q=$Q&country=LB"
API_PATH="/api/v1/case-studies?q=$Q&lang=ar&country=LB"
STATIC_PATH="/css/site.css"

log() { printf '[%s] load %s | %s\n' "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*" >&2; }

if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian"
    apt-get install -y wrk >/dev/null
fi

SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

mkdir -p "$OUT"
log "building the web app and the generator (Release)"
dotnet build src/Enact.Web/Enact.Web.csproj -c Release -v quiet -nologo >"$OUT/build-web.log"
dotnet build bench/Enact.Bench.Generator/Enact.Bench.Generator.csproj -c Release -v quiet -nologo >"$OUT/build-generator.log"

{
    echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB memory, dotnet $(dotnet --version), $(uname -sr)"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)"
    echo "wrk: -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency; query: $QUERY"
} >"$OUT/machine.txt"

# wrk URL NAME N: one measurement, appended to summary.tsv
measure() {
    local url="$1" name="$2" n="$3"
    local status size raw load note=""
    status="$(curl -s -o "$OUT/$name-$n.body" -w '%{http_code}' "$url")"
    size="$(stat -c %s "$OUT/$name-$n.body")"
    if [ "$status" != "200" ]; then
        log "$name: HTTP $status, not measured (pending)"
        printf '%s\t%s\t-\t-\t-\t-\t-\t%s\t-\tpending (HTTP %s)\n' "$n" "$name" "$size" "$status" >>"$OUT/summary.tsv"
        return 0
    fi
    # A search page without a highlighted match, or an API answer with no hits, did not search (e.g. the library
    # page's placeholder). The API's JSON escapes '<' as \u003C, so it is checked with jq.
    local searched=yes
    case "$name" in
        page*) grep -q '<mark>' "$OUT/$name-$n.body" || searched=no ;;
        api*) [ "$(jq -r '.total > 0 and .items[0].highlight != null' "$OUT/$name-$n.body")" = true ] || searched=no ;;
    esac
    if [ "$searched" = no ]; then
        note="no highlighted match in the answer: placeholder, pending"
        log "$name: $note"
    fi
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    raw="$OUT/wrk-$name-$n.txt"
    # The server's own CPU time (user + system, in clock ticks) around the run: CPU per request is the figure least
    # distorted by other work on a shared machine.
    local ticks0 ticks1 hz cpu
    hz="$(getconf CLK_TCK)"
    ticks0="$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$url" >"$raw"
    ticks1="$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")"
    local rps p50 p90 p99 non2xx
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$raw")"
    p50="$(awk '$1 == "50%" {print $2}' "$raw")"
    p90="$(awk '$1 == "90%" {print $2}' "$raw")"
    p99="$(awk '$1 == "99%" {print $2}' "$raw")"
    non2xx="$(awk '/Non-2xx/ {print $NF}' "$raw")"
    cpu="$(python3 -c "import sys; r=int(sys.argv[3]); print(round((int(sys.argv[2]) - int(sys.argv[1])) * 1000 / int(sys.argv[4]) / r, 3) if r else '-')" "$ticks0" "$ticks1" "$(awk '/requests in/ {print $1}' "$raw")" "$hz")"
    log "$name N=$n: $rps req/s, p50 $p50, p90 $p90, p99 $p99, CPU $cpu ms/req, $size bytes, non-2xx ${non2xx:-0}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "$rps" "$p50" "$p90" "$p99" "$cpu" "${non2xx:-0}" "$size" "$load" "$note" >>"$OUT/summary.tsv"
}

[ -f "$OUT/summary.tsv" ] || printf 'N\turl\treq/s\tp50\tp90\tp99\tCPU ms/req\tnon-2xx\tbytes\tload (1/5/15 min, before wrk)\tnote\n' >"$OUT/summary.tsv"
[ -f "$OUT/import.tsv" ] || printf 'N\tfile MiB\timport s\trecords/s\tindex catch-up s\tRSS after catch-up kB\tRSS after wrk kB\tpeak RSS kB\tload (1/5/15 min)\n' >"$OUT/import.tsv"

for N in "${SIZES[@]}"; do
    FILE="$OUT/case-studies-$N.json"
    if [ ! -s "$FILE" ]; then
        log "generating $N case studies"
        dotnet "$GEN_DLL" --count "$N" --out "$FILE" --seed "$SEED"
    fi
    DATA="$OUT/data-$N"
    if [ "${REUSE_DATA:-0}" = 1 ] && [ -s "$DATA/enact.db" ]; then
        # A data directory imported (and indexed) by an earlier run: measure the server only.
        log "reusing $DATA (REUSE_DATA=1): import not measured in this run"
        import_s="-"; import_rate="-"; import_load="-"
    else
        rm -rf "$DATA"
        mkdir -p "$DATA"
        # `import` expects a migrated database: create it first (not timed).
        log "migrating a fresh database in $DATA"
        ENACT_DATA_DIR="$DATA" Enact__DemoContent=false ASPNETCORE_ENVIRONMENT=Production \
            dotnet "$WEB_DLL" migrate </dev/null >"$OUT/migrate-$N.log" 2>&1 \
            || { log "migrate failed; see $OUT/migrate-$N.log"; exit 1; }
        log "importing $N case studies into $DATA"
        start=$(date +%s.%N)
        # The Debug log of the import gives each phase's time (read, checked, written) in import-N.log.
        ENACT_DATA_DIR="$DATA" Enact__DemoContent=false ASPNETCORE_ENVIRONMENT=Production \
            env 'Logging__LogLevel__Enact.Core.CaseStudies=Debug' \
            dotnet "$WEB_DLL" import case-studies "$FILE" </dev/null >"$OUT/import-$N.log" 2>&1 \
            || { log "import failed; see $OUT/import-$N.log"; exit 1; }
        end=$(date +%s.%N)
        import_s="$(python3 -c "print(round($end - $start, 1))")"
        import_rate="$(python3 -c "print(round($N / ($end - $start)))")"
        import_load="$(cut -d' ' -f1-3 /proc/loadavg)"
        log "import: $import_s s, $import_rate records/s"
    fi

    log "starting the server on $BASE"
    ENACT_DATA_DIR="$DATA" Enact__DemoContent=false ASPNETCORE_ENVIRONMENT=Production \
        dotnet "$WEB_DLL" --urls "$BASE" </dev/null >"$OUT/server-$N.log" 2>&1 &
    SERVER_PID=$!
    start=$(date +%s)
    total=-1
    for _ in $(seq 1 "$INDEX_WAIT"); do
        kill -0 "$SERVER_PID" 2>/dev/null || { log "the server stopped; see $OUT/server-$N.log"; exit 1; }
        total="$(curl -s --max-time 5 "$BASE/api/v1/case-studies?pageSize=1" | jq -r '.total // -1' 2>/dev/null || echo -1)"
        [ "$total" = "$N" ] && break
        sleep 1
    done
    catchup_s=$(( $(date +%s) - start ))
    if [ "$total" != "$N" ]; then
        log "the index has $total of $N after ${INDEX_WAIT}s; measuring anyway"
    fi
    log "index caught up ($total) after ${catchup_s}s (server start included)"
    sleep 2
    rss_idle="$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"

    if [ "${PREPARE_ONLY:-0}" = 1 ]; then
        # Import and index only (e.g. while the machine is busy); measure later with REUSE_DATA=1.
        printf '%s\t%s\t%s\t%s\t%s\t%s\t-\t%s\t%s\n' "$N" "-" "$import_s" "$import_rate" "$catchup_s" "$rss_idle" \
            "$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")" "$import_load" >>"$OUT/import.tsv"
        log "prepared $DATA (PREPARE_ONLY=1): not measured"
        stop_server
        continue
    fi
    measure "$BASE$PAGE_PATH" page "$N"
    measure "$BASE$API_PATH" api "$N"
    measure "$BASE$STATIC_PATH" static "$N"

    rss_after="$(awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status")"
    rss_peak="$(awk '/^VmHWM/ {print $2}' "/proc/$SERVER_PID/status")"
    size_mib="$(python3 -c "print(round($(stat -c %s "$FILE") / 1048576, 1))")"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$size_mib" "$import_s" "$import_rate" "$catchup_s" "$rss_idle" "$rss_after" "$rss_peak" "$import_load" >>"$OUT/import.tsv"
    log "RSS: $rss_idle kB after catch-up, $rss_after kB after wrk, peak $rss_peak kB"
    stop_server

    # The same URLs with both caches off (Search:ResultCacheMegabytes and Search:PageCacheMegabytes = 0): what every
    # search costs when it is not a repeat, e.g. the long tail of queries.
    log "restarting the server with the search caches off"
    ENACT_DATA_DIR="$DATA" Enact__DemoContent=false ASPNETCORE_ENVIRONMENT=Production \
        Search__ResultCacheMegabytes=0 Search__PageCacheMegabytes=0 \
        dotnet "$WEB_DLL" --urls "$BASE" </dev/null >"$OUT/server-$N-nocache.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        total="$(curl -s --max-time 5 "$BASE/api/v1/case-studies?pageSize=1" | jq -r '.total // -1' 2>/dev/null || echo -1)"
        [ "$total" = "$N" ] && break
        sleep 1
    done
    # Warm the JIT as the first server was warmed by its own catch-up and first runs.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$PAGE_PATH" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BASE$API_PATH" >/dev/null
    measure "$BASE$PAGE_PATH" page-nocache "$N"
    measure "$BASE$API_PATH" api-nocache "$N"
    CONNECTIONS_SAVED="$CONNECTIONS"; CONNECTIONS=2
    measure "$BASE$PAGE_PATH" page-nocache-c2 "$N"
    CONNECTIONS="$CONNECTIONS_SAVED"
    stop_server
done
log "done: $OUT/summary.tsv and $OUT/import.tsv"
