using Microsoft.AspNetCore.Hosting;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>The app with its log also written to a file the test reads.</summary>
public sealed class LoggingSite : TestSite
{
    public string LogFolder => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsCompare:LogFile", Path.Combine(LogFolder, "web.log"));
    }

    public string ReadLog()
    {
        var text = "";
        foreach (var file in Directory.GetFiles(LogFolder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            text += new StreamReader(stream).ReadToEnd();
        }
        return text;
    }
}

public sealed class RequestLogTests(LoggingSite site) : IClassFixture<LoggingSite>
{
    [Fact]
    public async Task EachRequestIsLoggedOnceWithItsStatusAndTime()
    {
        (await site.Reader().GetAsync("/articles?q=river")).EnsureSuccessStatusCode();
        (await site.Reader().GetAsync("/stories/987654")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        var lines = site.ReadLog().Split('\n');
        lines.Should().ContainSingle(l => l.Contains("HTTP GET /articles responded 200 in ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" ms", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.Contains("HTTP GET /stories/987654 responded 404 in ", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains("Request starting", StringComparison.Ordinal) || l.Contains("Executing endpoint", StringComparison.Ordinal),
            "the framework's own lines per request are not written");
    }
}
