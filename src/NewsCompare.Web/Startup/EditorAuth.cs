using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using NewsCompare.Core.Data;
using NewsCompare.Core.Editors;

namespace NewsCompare.Web.Startup;

/// <summary>Reading is public; changing the store needs a signed-in editor (cookie sign-in against the Editors table).</summary>
public static class EditorAuth
{
    public const string Policy = "Editor";
    public const string Role = "editor";
    public const string SignInLimit = "signin";
    public const string UploadLimit = "upload";
    /// <summary>The claim holding the editor's security stamp at sign-in (see <see cref="Editor.SecurityStamp"/>).</summary>
    public const string StampClaim = "newscompare:stamp";

    public static IServiceCollection AddEditorAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // Instances behind one address share one key ring, or a cookie signed by one is refused by the next.
        if (configuration[$"{NewsCompareOptions.Section}:{nameof(NewsCompareOptions.KeysFolder)}"] is { Length: > 0 } keys)
            services.AddDataProtection().SetApplicationName("NewsCompare").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/signin";
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/account/signin";
                options.Cookie.Name = "newscompare.editor";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateStampAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(Role));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts are limited: reading the sign-in or upload form costs nothing. The limiter runs after
            // authentication and authorization, so an editor's posts count against the editor, and anonymous posts to
            // editor pages are turned away before they reach any bucket.
            options.AddPolicy(SignInLimit, context => PostsOnly(context, "address:" + Address(context), Limits(context).SignInPerMinute));
            options.AddPolicy(UploadLimit, context => PostsOnly(context,
                context.User.IsEditor() ? "editor:" + context.User.Identity!.Name : "address:" + Address(context), Limits(context).UploadPerMinute));
        });

        services.Configure<ForwardedHeadersOptions>(options => TrustProxies(options, configuration.GetSection($"{NewsCompareOptions.Section}:ForwardedHeaders")));
        return services;
    }

    /// <summary>
    /// Takes the client address (and scheme) from X-Forwarded-For/-Proto only when the request comes from a proxy
    /// listed in NewsCompare:ForwardedHeaders (KnownProxies: addresses; KnownNetworks: CIDR ranges). Nothing listed:
    /// the headers are ignored, so no client can choose its own address (and rate-limit bucket).
    /// </summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    private static void TrustProxies(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<NewsCompareOptions>>().Value.RateLimits;

    public static ClaimsPrincipal Principal(Editor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return new(new ClaimsIdentity([new Claim(ClaimTypes.Name, editor.UserName), new Claim(ClaimTypes.Role, Role),
            new Claim(StampClaim, editor.SecurityStamp)], CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static bool IsEditor(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Role);

    /// <summary>
    /// Each request's sign-in is checked against the store (one indexed lookup, only for requests that carry the
    /// cookie): a removed editor, or a stamp changed by sign-out or a new password, ends the sign-in at once.
    /// </summary>
    private static async Task ValidateStampAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<NewsDb>();
        var current = name is null ? null : await EditorAccounts.StampAsync(db, name, context.HttpContext.RequestAborted);
        if (current is not null && stamp is not null && string.Equals(current, stamp, StringComparison.Ordinal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    // Partitions are cached by key, so reads get a key of their own: sharing one would let the first request's
    // kind of limiter (none, for a read) decide for every later post from the same client.
    private static RateLimitPartition<string> PostsOnly(HttpContext context, string key, int perMinute) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter("post:" + key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, perMinute),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read");
}
