using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Web.Startup;

/// <summary>
/// A read page or API answer that is rendered (not served from the page cache) opens the store's connection once and
/// keeps it for the request. Left to EF, each of the page's three to six statements takes the connection from the pool
/// and gives it back: on PostgreSQL every return makes Npgsql reset the session before the next statement (a batch of
/// reset statements on the server). PostgreSQL only: on SQLite a pooled connection opens without a round trip, the CPU per
/// request was the same either way, and 32 requests each holding a connection (and its page cache) through rendering
/// kept about 80 MB more memory.
/// </summary>
public static class ReadConnection
{
    /// <summary>After the page cache, so a page it serves takes no connection.</summary>
    public static WebApplication UseOneConnectionPerRead(this WebApplication app)
    {
        if (app.Services.GetRequiredService<StoreLocation>().Target.Provider != StoreProvider.Postgres) return app;
        app.Use(async (http, next) =>
        {
            if (!IsRead(http))
            {
                await next(http);
                return;
            }
            var db = http.RequestServices.GetRequiredService<NewsDb>();
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            try
            {
                await next(http);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        return app;
    }

    // The pages PageCaching keeps (each marked with its policy) and the JSON API's answers.
    private static bool IsRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.GetEndpoint() is { } endpoint
        && (endpoint.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PageCaching.Policy
            || http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase));
}
