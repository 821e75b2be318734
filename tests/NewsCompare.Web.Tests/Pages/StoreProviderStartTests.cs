using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsCompare.Web.Tests.Pages;

/// <summary>How the app starts on a store configured by engine: a mistake stops it, saying why.</summary>
public sealed class StoreProviderStartTests
{
    [Fact]
    public void AnUnknownStoreProviderStopsTheStartNamingTheChoices()
    {
        using var app = App(("NewsCompare:Store:Provider", "oracle"));

        var start = () => app.CreateClient();

        Innermost(start.Should().Throw<Exception>().Which).Should().Contain("'oracle' is not a store provider: use sqlite or postgres");
    }

    private static WebApplicationFactory<Program> App(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("NewsCompare:SeedOnFirstStart", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    private static string Innermost(Exception e) => e.GetBaseException().Message;
}
