using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Enact.Core.Search;

/// <summary>
/// Runs in every instance: applies the indexing tasks after this instance's cursor every <see cref="PollInterval"/> (or
/// at once when nudged), so a published case study is searchable within two seconds, and an instance that was down
/// catches up when it starts. A first start without an index builds it. Every <see cref="IndexingOptions.PruneInterval"/>
/// it deletes the tasks older than <see cref="IndexingOptions.TaskRetention"/>.
/// </summary>
public sealed partial class IndexingWorker(IServiceScopeFactory scopes, IndexingSignal signal, IndexingOptions options, TimeProvider clock, ILogger<IndexingWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var delay = PollInterval;
        // The first pruning a little after start (not on the path of a first index build's start-up).
        var nextPrune = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(10, options.PruneInterval.TotalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int applied;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    applied = await scope.ServiceProvider.GetRequiredService<CaseStudyIndexer>().ApplyPendingAsync(stoppingToken);
                }
                while (applied > 0 && !stoppingToken.IsCancellationRequested);
                if (clock.GetUtcNow() >= nextPrune)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<CaseStudyIndexer>().PruneAsync(options.TaskRetention, stoppingToken);
                    nextPrune = clock.GetUtcNow() + options.PruneInterval;
                }
                delay = PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The worker must survive a database that is briefly unreachable; the error is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
            try
            {
                await signal.WaitAsync(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying indexing tasks failed; retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan delay);
}
