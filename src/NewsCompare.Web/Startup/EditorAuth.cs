using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace NewsCompare.Web.Startup;

/// <summary>Reading is public; changing the store needs a signed-in editor (cookie sign-in against the Editors table).</summary>
public static class EditorAuth
{
    public const string Policy = "Editor";
    public const string Role = "editor";
    public const string SignInLimit = "signin";
    public const string UploadLimit = "upload";

    public static IServiceCollection AddEditorAuth(this IServiceCollection services)
    {
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
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole(Role));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts are limited: reading the sign-in or upload form costs nothing.
            options.AddPolicy(SignInLimit, context => PostsOnly(context,
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Limits(context).SignInPerMinute));
            options.AddPolicy(UploadLimit, context => PostsOnly(context,
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown", Limits(context).UploadPerMinute));
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<NewsCompareOptions>>().Value.RateLimits;

    public static ClaimsPrincipal Principal(string userName) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, Role)],
            CookieAuthenticationDefaults.AuthenticationScheme));

    public static bool IsEditor(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true && user.IsInRole(Role);

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
