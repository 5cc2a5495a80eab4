using Enact.Core.Search;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Enact.Web.Hosting;

/// <summary>
/// Output caching of the public search answers: the library page (<c>/ar/case-studies</c>, <c>/en/case-studies</c>) and
/// the search API (<c>/api/v1/case-studies</c>), for people who are not signed in. An answer is kept per full URL and per
/// state of this instance's search index, so a change to the index is never hidden by it; entries expire after
/// <see cref="Lifetime"/>. Only 200 answers are kept. The culture cookie, which depends on the URL alone, may be part of
/// a kept answer; any other cookie prevents keeping it.
/// </summary>
public sealed class PublicSearchCache(SearchIndex index) : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly string[] SignedInCookies = [".Enact.Auth", ".Enact.External", "Identity."];

    public static bool Applies(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        var path = request.Path.Value;
        if (path is not ("/ar/case-studies" or "/en/case-studies" or "/api/v1/case-studies"))
        {
            return false;
        }
        if (request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            return false;
        }
        foreach (var cookie in request.Cookies.Keys)
        {
            foreach (var signedIn in SignedInCookies)
            {
                if (cookie.Contains(signedIn, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        return true;
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!Applies(context.HttpContext.Request))
        {
            return ValueTask.CompletedTask;
        }
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["index"] = index.CurrentState();
        context.ResponseExpirationTimeSpan = Lifetime;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }
        foreach (var cookie in response.Headers.SetCookie)
        {
            if (cookie is null || !cookie.StartsWith(CookieRequestCultureProvider.DefaultCookieName + "=", StringComparison.Ordinal))
            {
                context.AllowCacheStorage = false;
            }
        }
        return ValueTask.CompletedTask;
    }
}
