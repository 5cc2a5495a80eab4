using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Enact.Core.Search;

/// <summary>
/// Settings of the indexing outbox (section <c>Search</c>): how long applied tasks are kept (every instance applies them
/// from its own cursor, so they must outlive the longest time an instance may be down without a full rebuild) and how
/// often each worker deletes older ones.
/// </summary>
public sealed class IndexingOptions
{
    public const string Section = "Search";

    /// <summary><c>Search:TaskRetention</c>: tasks older than this are deleted (default 7 days). An instance whose cursor is older than the oldest remaining task rebuilds its index.</summary>
    public TimeSpan TaskRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary><c>Search:PruneInterval</c>: how often the worker deletes old tasks (default 1 hour; the first time soon after start).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>Search:ResultCacheMegabytes</c>: memory for recent search results (default 64; 0 turns the cache off). Entries
    /// belong to one state of the index: a change to the index makes them unreachable, and they age out.
    /// </summary>
    public int ResultCacheMegabytes { get; set; } = 64;

    /// <summary>Reads the section (values as <c>d.hh:mm:ss</c>); missing values keep their defaults.</summary>
    public static IndexingOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new IndexingOptions();
        if (section[nameof(TaskRetention)] is { Length: > 0 } retention)
        {
            options.TaskRetention = TimeSpan.Parse(retention, CultureInfo.InvariantCulture);
        }
        if (section[nameof(PruneInterval)] is { Length: > 0 } interval)
        {
            options.PruneInterval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture);
        }
        if (section[nameof(ResultCacheMegabytes)] is { Length: > 0 } megabytes)
        {
            options.ResultCacheMegabytes = int.Parse(megabytes, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return options;
    }
}
