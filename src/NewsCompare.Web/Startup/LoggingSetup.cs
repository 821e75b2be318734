using Microsoft.AspNetCore.HttpLogging;
using Serilog;

namespace NewsCompare.Web.Startup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog behind Microsoft.Extensions.Logging: always the console, a daily rolling file when NewsCompare:LogFile
    /// is set, and anything else the "Serilog" section configures. Levels are Serilog's (Serilog:MinimumLevel and its
    /// Override per category): the Serilog provider takes every event and filters by them. Requests are logged by
    /// ASP.NET Core's HTTP logging.
    /// </summary>
    public static WebApplicationBuilder AddNewsLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        var file = builder.Configuration[$"{NewsCompareOptions.Section}:LogFile"];
        if (!string.IsNullOrWhiteSpace(file))
        {
            configuration.WriteTo.File(Path.Combine(builder.Environment.ContentRootPath, file),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }
}
