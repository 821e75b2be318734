using NewsCompare.Core.Articles;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Comparison;

/// <summary>Two versions that name one speaker differently (surname only, a transliterated full name), one with a scare quote.</summary>
public sealed class QuotesBySpeakerSite : TestSite
{
    public string Ids { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        var surname = await Store.ArticleAsync(new Article
        {
            Headline = "Security council meets in Kazan", Outlet = "North Desk", Language = "en", Published = new DateOnly(2024, 10, 1),
            Paragraphs =
            [
                "The security council met in Kazan on Tuesday to discuss the border crossings.",
                "\"Our cooperation with the neighbours will only grow deeper this year,\" Patrushev said after the meeting.",
                "The ministry keeps describing the deployment as a \"special military operation\" in its statements.",
            ],
        });
        var full = await Store.ArticleAsync(new Article
        {
            Headline = "Kazan talks on the border", Outlet = "River Times", Language = "en", Published = new DateOnly(2024, 10, 1),
            Paragraphs =
            [
                "Nikolay Patrushev said: \"Our cooperation with the neighbours will only grow deeper this year, in trade, in energy and in security above all.\"",
                "The security council met in Kazan on Tuesday to discuss the border crossings.",
            ],
        });
        Ids = $"{surname.Id},{full.Id}";
    }
}

public sealed class QuotesBySpeakerPageTests(QuotesBySpeakerSite site) : IClassFixture<QuotesBySpeakerSite>
{
    [Fact]
    public async Task ShowsOneSpeakerUnderTheFullNameWhenOneOutletGivesOnlyTheSurname()
    {
        var page = await site.PageAsync($"/compare?ids={site.Ids}");

        var quotes = page.QuerySelector("[aria-labelledby=quotes-heading]")!;
        quotes.QuerySelectorAll("h3").Select(h => h.TextContent).Should().Equal("Nikolay Patrushev");
        var uses = quotes.QuerySelectorAll(".speaker-quotes > li > ul > li").Select(li => li.TextContent).ToList();
        uses.Should().HaveCount(2);
        uses[0].Should().Contain("North Desk").And.Contain("cut").And.Contain("names the speaker “Patrushev”");
        uses[1].Should().Contain("River Times").And.Contain("quoted").And.NotContain("names the speaker");
    }

    [Fact]
    public async Task LeavesAScareQuoteOutOfTheQuotesBySpeaker()
    {
        var page = await site.PageAsync($"/compare?ids={site.Ids}");

        page.QuerySelector("[aria-labelledby=quotes-heading]")!.TextContent.Should().NotContain("special military operation");
    }
}
