using Enact.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enact.Web.Hosting;

/// <summary>The local search index folder exists and can be written to.</summary>
public sealed class SearchIndexHealthCheck(DataDirectory data) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(data.IndexPath);
            var probe = Path.Combine(data.IndexPath, ".health");
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (IOException ex)
        {
            return HealthCheckResult.Unhealthy("The search index folder cannot be written.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            return HealthCheckResult.Unhealthy("The search index folder cannot be written.", ex);
        }
    }
}
