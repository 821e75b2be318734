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

/// <summary>A version whose quotes sit in sentences naming others, one speaker with a title joined by "of".</summary>
public sealed class SpeechVerbSite : TestSite
{
    public string Ids { get; private set; } = "";

    protected override async Task SeedAsync()
    {
        var quoting = await Store.ArticleAsync(new Article
        {
            Headline = "Blinken warns Beijing", Outlet = "North Desk", Language = "en", Published = new DateOnly(2024, 10, 1),
            Paragraphs =
            [
                "US Secretary of State Antony Blinken said that China could be \"considering providing lethal support\" to Moscow.",
                "Dmitry Peskov told reporters that Putin and Xi would discuss \"a plan for lasting peace in the region\" on Tuesday.",
            ],
        });
        var other = await Store.ArticleAsync(new Article
        {
            Headline = "Talks in Munich", Outlet = "River Times", Language = "en", Published = new DateOnly(2024, 10, 1),
            Paragraphs = ["The security conference in Munich ended on Sunday with talks on trade."],
        });
        Ids = $"{quoting.Id},{other.Id}";
    }
}

public sealed class SpeechVerbPageTests(SpeechVerbSite site) : IClassFixture<SpeechVerbSite>
{
    [Fact]
    public async Task HeadsEachQuoteWithTheSpeakersNameNotTheTitleOrAnotherNameOfItsSentence()
    {
        var page = await site.PageAsync($"/compare?ids={site.Ids}");

        page.QuerySelector("[aria-labelledby=quotes-heading]")!.QuerySelectorAll("h3").Select(h => h.TextContent)
            .Should().Equal("Antony Blinken", "Dmitry Peskov");
    }
}
