using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsCompare.Web.Reading;

namespace NewsCompare.Web.Startup;

/// <summary>
/// Rendered read pages and API answers kept in memory (ASP.NET Core output caching), one entry per address and
/// query string and store generation. The generation moves whenever anything commits to the store, from this process
/// or another (a command-line import into the same file), so a page is never served from before a change. Only
/// anonymous GETs are cached, and nothing that sets a cookie or asks not to be stored (a page carrying an
/// antiforgery token does both), so no one is handed another visitor's token or an editor's page.
/// </summary>
public static class PageCaching
{
    public const string Policy = "store-pages";

    /// <summary>The pages cached; every one is the same for every anonymous reader of the same address.</summary>
    private static readonly string[] Pages =
        ["/Index", "/Articles/Index", "/Articles/Article", "/Stories/Story", "/Outlets/Index", "/Outlets/Outlet", "/Compare"];

    public static IServiceCollection AddPageCaching(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<StoreGeneration>();
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<NewsCompareOptions>>((cache, settings) =>
        {
            cache.SizeLimit = Math.Max(1, settings.Value.PageCache.SizeMegabytes) * 1024L * 1024;
            cache.AddPolicy(Policy, new StorePagesPolicy(settings.Value.PageCache.Enabled));
        });
        services.AddOptions<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>().Configure(pages =>
        {
            foreach (var page in Pages)
                pages.Conventions.AddPageApplicationModelConvention(page, model =>
                    model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy }));
        });
        return services;
    }

    /// <summary>After authentication, so a signed-in editor is recognised and never served from the cache.</summary>
    public static WebApplication UsePageCaching(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    private sealed class StorePagesPolicy(bool enabled) : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var request = http.Request;
            var cacheable = enabled
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && http.User.Identity?.IsAuthenticated != true
                && !request.Headers.ContainsKey(HeaderNames.Authorization);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // Concurrent misses on one address wait for the first to render it instead of all rendering it.
            context.AllowLocking = true;
            if (!cacheable) return;

            var generation = await http.RequestServices.GetRequiredService<StoreGeneration>().CurrentAsync(cancellation);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["store"] = generation.ToString(CultureInfo.InvariantCulture);
            context.Tags.Add(StoreGeneration.CacheTag);
            context.ResponseExpirationTimeSpan = TimeSpan.FromHours(1);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK
                || response.Headers.ContainsKey(HeaderNames.SetCookie)
                || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}
