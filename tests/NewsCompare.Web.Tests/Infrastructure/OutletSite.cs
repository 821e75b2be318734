using Microsoft.AspNetCore.Hosting;
using NewsCompare.Core.Articles;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>
/// The newsroom with a user's outlets file (describing two of its outlets and adding a state-controlled one) and a
/// story told by outlets the built-in registry describes: Press TV, the BBC, RFE/RL (a '/' in its name), the user's
/// State Herald, and a copy of Press TV's version that must not count as independent.
/// </summary>
public class OutletSite : NewsroomSite, IAsyncLifetime
{
    public string OutletsFile { get; } = Path.Combine(Path.GetTempPath(), $"nc-outlets-{Guid.NewGuid():N}.json");
    public Article PressTv { get; private set; } = null!;
    public Article Bbc { get; private set; } = null!;
    public Article Rferl { get; private set; } = null!;
    public Article StateHerald { get; private set; } = null!;
    public Article HarbourCopy { get; private set; } = null!;
    public long PipelineStory { get; private set; }

    public OutletSite() => File.WriteAllText(OutletsFile, """
        [
          {"name": "State Herald", "kind": "newspaper", "domains": ["stateherald.example"], "country": "BY", "language": "ru",
           "ownerType": "state-controlled", "owner": "The presidential administration.", "homepage": "https://stateherald.example",
           "source": "https://reference.example/state-herald"},
          {"name": "Daily Planet", "kind": "newspaper", "domains": ["planet.example"], "country": "US", "language": "en",
           "ownerType": "private", "owner": "The Kent family.", "homepage": "https://planet.example", "source": "https://reference.example/daily-planet"},
          {"name": "Harbour Times", "kind": "newspaper", "domains": ["harbourtimes.example"], "country": "NZ", "language": "en",
           "ownerType": "state-controlled", "owner": "The harbour board.", "homepage": "https://harbourtimes.example",
           "source": "https://reference.example/harbour-times"}
        ]
        """);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsCompare:Outlets", OutletsFile);
    }

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        PressTv = await Store.ArticleAsync("Pipeline deal signed in Tehran", "Press TV", new DateOnly(2024, 7, 1), "Iran and its neighbour signed a pipeline deal.");
        Bbc = await Store.ArticleAsync("Iran signs gas pipeline agreement", "BBC", new DateOnly(2024, 7, 1), "A gas pipeline agreement was signed on Monday.");
        Rferl = await Store.ArticleAsync("Pipeline pact draws criticism", "Radio Free Europe/Radio Liberty", new DateOnly(2024, 7, 2), "Critics said the pipeline pact lacks detail.");
        StateHerald = await Store.ArticleAsync("Historic pipeline accord", "State Herald", new DateOnly(2024, 7, 2), "Officials hailed a historic pipeline accord.");
        HarbourCopy = await Store.ArticleAsync("Pipeline deal signed in Tehran", "Harbour Times", new DateOnly(2024, 7, 3), "Iran and its neighbour signed a pipeline deal.");
        HarbourCopy.CopyOfArticleId = PressTv.Id;
        PipelineStory = (await Store.StoryAsync("Pipeline deal signed", PressTv, Bbc, Rferl, StateHerald, HarbourCopy)).Id;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(OutletsFile);
    }
}
