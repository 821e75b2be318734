using Serilog;

namespace NewsCompare.Web.Startup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog as the host's logger (Serilog.AspNetCore): always the console, a daily rolling file when
    /// NewsCompare:LogFile is set, and anything else the "Serilog" section configures (levels per category under
    /// Serilog:MinimumLevel). Requests are logged by <see cref="UseNewsRequestLogging"/>, one line each.
    /// </summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration[$"{NewsCompareOptions.Section}:LogFile"];
        var contentRoot = builder.Environment.ContentRootPath;
        // preserveStaticLogger: each host (and each test server) keeps its own logger instead of replacing Log.Logger.
        builder.Host.UseSerilog((context, services, configuration) =>
        {
            configuration.ReadFrom.Configuration(context.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            if (!string.IsNullOrWhiteSpace(file))
            {
                configuration.WriteTo.File(Path.Combine(contentRoot, file),
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request with method, path, status and time ("HTTP GET /stories/3 responded 200 in 1.2 ms"),
    /// in place of the framework's several lines; failed requests (5xx or an exception) are logged as errors, requests
    /// their client abandoned as 499.
    /// </summary>
    public static WebApplication UseNewsRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // The host's logger: without it the middleware writes to the static Log.Logger, which this app leaves unset.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information;
        });
        app.Use(EndAbandonedRequestsQuietly);
        return app;
    }

    /// <summary>
    /// A request whose client went away (a closed tab, a timed-out script) has its work cancelled, often as a database
    /// query cancelled. Nothing failed on the app's side and no one is left to answer, so it is logged as one line
    /// with status 499 (the client closed the request), not as a server error with a stack trace.
    /// </summary>
    internal static async Task EndAbandonedRequestsQuietly(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    }
}
