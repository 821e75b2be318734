using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

public sealed class StoryEngineTests
{
    private static StoryArticle Article(long id, (string Headline, string Body) text, DateOnly? published = null, string? outlet = null, string? language = null) =>
        new(id, text.Headline, text.Body.Split("\n\n"), outlet ?? $"outlet{id}", language, published);

    private static List<HashSet<long>> Partition(GroupingResult result) => result.Stories.Select(s => s.Articles.ToHashSet()).ToList();

    private static IEnumerable<StoryArticle> Background(bool sameOfficials = false) =>
        Fixtures.Background(40).Concat(sameOfficials ? Fixtures.SameOfficialsElsewhere() : []).Select((t, i) => Article(1000 + i, t));

    [Fact]
    public void RecurringMeetingsMonthsApartWithTheSameQuoteStayApartWhenOneReportOfEachIsDated()
    {
        var articles = new List<StoryArticle>
        {
            Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1), new DateOnly(2023, 2, 21)), Article(3, Fixtures.FirstMeeting(2)),
            Article(4, Fixtures.SecondMeeting(0)), Article(5, Fixtures.SecondMeeting(1), new DateOnly(2023, 9, 19)),
        };
        articles.AddRange(Background(sameOfficials: true));

        var result = StoryEngine.Group(articles);
        int StoryOf(long id) => result.Placements[id].Story;

        new[] { 2L, 3L }.Select(StoryOf).Should().AllBeEquivalentTo(StoryOf(1));
        StoryOf(5).Should().Be(StoryOf(4));
        StoryOf(4).Should().NotBe(StoryOf(1), "the same officials and the same quote, seven months apart, are two events");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUndatedReportThatFitsADatedEventNoBetterThanTheTopicsOtherEventsDoStandsAlone(bool thirdFirst)
    {
        var third = Article(9, Fixtures.ThirdMeeting());
        var articles = new List<StoryArticle>
        {
            Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1), new DateOnly(2023, 2, 21)),
            Article(4, Fixtures.SecondMeeting(0)), Article(5, Fixtures.SecondMeeting(1), new DateOnly(2023, 9, 19)),
        };
        articles.Insert(thirdFirst ? 0 : articles.Count, third);
        articles.AddRange(Background(sameOfficials: true));

        var result = StoryEngine.Group(articles);
        int StoryOf(long id) => result.Placements[id].Story;

        StoryOf(1).Should().Be(StoryOf(2), "the undated Kazan report shares that meeting's places, deal and figures");
        StoryOf(4).Should().Be(StoryOf(5));
        StoryOf(9).Should().NotBe(StoryOf(1), "the Xiamen meeting shares only the topic's officials and line with the Kazan one").And.NotBe(StoryOf(4));
        result.Stories[StoryOf(9)].Related.Should().Contain(StoryOf(1), "it is coverage of the same topic");
    }

    [Fact]
    public void WithoutTheEventMarginTheUndatedThirdMeetingJoinsADatedOne()
    {
        // The fixture above is only a test of the margin if the other rules let the third meeting join.
        var articles = new List<StoryArticle>
        {
            Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1), new DateOnly(2023, 2, 21)),
            Article(4, Fixtures.SecondMeeting(0)), Article(5, Fixtures.SecondMeeting(1), new DateOnly(2023, 9, 19)),
            Article(9, Fixtures.ThirdMeeting()),
        };
        articles.AddRange(Background(sameOfficials: true));

        var result = StoryEngine.Group(articles, StoryEngineOptions.Default with { EventMargin = double.NegativeInfinity });

        result.Stories[result.Placements[9].Story].Articles.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void WordsOfTheLeadWeighMoreThanTheSameWordsInBackgroundParagraphs()
    {
        var counts = TermCounts.Count(Article(1, ("Port strike ends",
            "Dockers in Ostrava voted on Friday to end the harbour walkout.\n\nUnion leaders backed the deal.\n\n" +
            "Background: a walkout in Brno last year lasted weeks.\n\nThe Brno dispute was settled by arbitration.")));
        float Count(string word) => counts.Counts[TextSignals.Hash(word, true)];

        Count("ostrava").Should().BeGreaterThan(Count("brno"), "a place named once in the lead says more about the event than one named twice in the background");
    }

    [Fact]
    public void AFullStopAfterAnAbbreviationDoesNotHideTheNameThatFollows()
    {
        var counts = TermCounts.Count(Article(1, ("Creditors to be repaid", "Creditors of the collapsed Mt. Gox exchange will be repaid, Sen. Warren said.")));

        counts.Counts.Should().ContainKey(TextSignals.Hash("gox", true));
        counts.Counts.Should().ContainKey(TextSignals.Hash("warren", true));
    }

    [Fact]
    public void HeadlineWordsAlsoCountAsHeadlineTermsWhichBodyWordsDoNotGet()
    {
        var counts = TermCounts.Count(Article(1, ("Dockers end harbour strike", "Dockers in Ostrava voted on Friday to end the walkout.\n\nUnion leaders backed the deal.")));

        counts.Counts.Should().ContainKey(TextSignals.HeadlineHash("harbour"));
        counts.Counts.Should().ContainKey(TextSignals.HeadlineHash("strike"));
        counts.Counts.Should().NotContainKey(TextSignals.HeadlineHash("walkout"), "the word is only in the body");
        counts.Counts.Should().ContainKey(TextSignals.Hash("harbour", false), "the headline's words still count as words of the text");
        TextSignals.IsHeadlineTerm(TextSignals.Hash("harbour", false)).Should().BeFalse();
        TextSignals.IsHeadlineTerm(TextSignals.Hash("ostrava", true)).Should().BeFalse();
    }

    [Fact]
    public void AHeadlineOnlyItemGetsNoHeadlineTerms()
    {
        var counts = TermCounts.Count(new StoryArticle(1, "Dockers end harbour strike", [], "outlet1", "en", null));

        counts.Counts.Keys.Where(TextSignals.IsHeadlineTerm).Should().BeEmpty("with nothing but a headline there is nothing for it to stand apart from");
        counts.Counts.Should().ContainKey(TextSignals.Hash("harbour", false));
    }

    private static List<StoryArticle> PortDispute() =>
        Fixtures.PortDispute(second: false).Concat(Fixtures.PortDispute(second: true)).Select((t, i) => Article(i + 1, t))
            .Concat(Background()).ToList();

    [Fact]
    public void AStoryThatTookInANeighbouringEventThroughItsFirstReportIsSplitInTwo()
    {
        var result = StoryEngine.Group(PortDispute());
        int StoryOf(long id) => result.Placements[id].Story;

        StoryOf(2).Should().Be(StoryOf(1));
        StoryOf(4).Should().Be(StoryOf(3));
        StoryOf(3).Should().NotBe(StoryOf(1), "the end of the strike and the threat of a new one are two events");
        result.Stories[StoryOf(3)].Related.Should().Contain(StoryOf(1), "the halves are coverage of one dispute");
        result.Placements[4].Explanation.Method.Should().Be("matched");
        result.Placements[4].Explanation.SharedTerms.Should().Contain("cranes", "it names what it shares with its own half");
    }

    [Fact]
    public void WithoutTheSplitThePortDisputesTwoEventsAreOneStory()
    {
        // The fixture above is only a test of the split if greedy placement does merge the two events.
        var result = StoryEngine.Group(PortDispute(), StoryEngineOptions.Default with { SplitBelow = 0 });

        result.Placements[3].Story.Should().Be(result.Placements[1].Story);
        result.Placements[4].Story.Should().Be(result.Placements[1].Story);
    }

    [Fact]
    public void ManyReportsOfOneEventStayOneStory()
    {
        StoryArticle[] reports =
        [
            Article(1, ("Ostrava dockers end harbour strike after pay offer", Fixtures.PortDispute(false)[0].Body)),
            Article(2, ("Harbour strike over as Ostrava dockers accept nine percent", Fixtures.PortDispute(false)[1].Body)),
            Article(3, ("Ostrava strike ends", "Ostrava's dockers went back to work on Friday, ending a three-week strike, after union leader Jana Novak agreed a nine percent rise with the port authority.")),
            Article(4, ("Grain ships to move again as Ostrava strike ends", "Forty ships stuck at Ostrava will load grain from Monday after dockers ended their harbour strike on Friday.\n\nThe union accepted nine percent, Jana Novak said.")),
            Article(5, ("Port authority and union settle Ostrava strike", "The port authority settled with the dockers' union on Friday: a nine percent rise ends the Ostrava harbour strike, and night shifts return on Monday.")),
            Article(6, ("Oder canal grain exports resume after Ostrava deal", "Grain exports along the Oder canal will resume next week after Ostrava dockers accepted a pay offer on Friday, ending their strike, union leader Jana Novak said.")),
        ];

        var result = StoryEngine.Group([.. reports, .. Background()]);

        reports.Select(r => result.Placements[r.Id].Story).Distinct().Should().ContainSingle("every report tells the end of the same strike");
    }

    [Fact]
    public void AnExplanationNamesASharedFullNameOnceWithoutItsParts()
    {
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(2)), .. Background()]);
        var names = result.Placements[2].Explanation.SharedNames;

        names.Should().Contain("Dmitri Volkov").And.Contain("Lian Pei");
        names.Should().NotContain(["Dmitri", "Volkov", "Lian", "Pei"], "each is already said by the full name");
        names.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ReportsSharingTheTopicsWordsButNoNameAreDifferentEvents()
    {
        var result = StoryEngine.Group([
            Article(1, ("Exchange collapse hits bitcoin holders", "Customers of the collapsed Mt. Gox exchange lost their bitcoin savings, lawyers for the creditors said on Monday.")),
            Article(2, ("Exchange collapse hits bitcoin holders", "Customers of the collapsed FTX exchange lost their bitcoin savings, lawyers for the creditors said on Friday.")),
            .. Background()]);

        result.Placements[1].Story.Should().NotBe(result.Placements[2].Story, "Mt. Gox and FTX are two collapses, whatever the words they share");
    }

    [Fact]
    public void KnownDatesFarApartAreNeverOneStoryEvenForNearIdenticalText()
    {
        var text = Fixtures.FirstMeeting(0);
        var result = StoryEngine.Group([Article(1, text, new DateOnly(2023, 2, 21)), Article(2, text, new DateOnly(2023, 9, 19)), .. Background()]);

        result.Placements[1].Story.Should().NotBe(result.Placements[2].Story);
    }

    [Fact]
    public void UndatedArticleTakesTheStoryDateAsAnInferredDate()
    {
        var result = StoryEngine.Group([
            Article(1, Fixtures.FirstMeeting(0), new DateOnly(2023, 2, 21)), Article(2, Fixtures.FirstMeeting(1)),
            Article(3, Fixtures.SecondMeeting(0), new DateOnly(2023, 9, 19)), Article(4, Fixtures.SecondMeeting(1)), .. Background()]);

        result.Placements[2].Story.Should().Be(result.Placements[1].Story);
        result.Placements[2].InferredDate.Should().Be(new DateOnly(2023, 2, 21));
        result.Placements[4].InferredDate.Should().Be(new DateOnly(2023, 9, 19));
        result.Placements[1].InferredDate.Should().BeNull("a known date is never replaced");
    }

    [Fact]
    public void WireCopiesAreMarkedAsCopiesOfTheEarliestVersion()
    {
        var wire = Fixtures.FirstMeeting(0);
        var result = StoryEngine.Group([
            Article(1, wire, new DateOnly(2023, 2, 22), "mirror-a"),
            Article(2, wire, new DateOnly(2023, 2, 21), "wire"),
            Article(3, (wire.Headline, wire.Body + "\n\nRead more on our site."), new DateOnly(2023, 2, 22), "mirror-b"),
            Article(4, Fixtures.FirstMeeting(1), new DateOnly(2023, 2, 21)),
            .. Background()]);

        result.Placements[1].CopyOf.Should().Be(2);
        result.Placements[3].CopyOf.Should().Be(2);
        result.Placements[2].CopyOf.Should().BeNull();
        result.Placements[4].CopyOf.Should().BeNull("an independent report of the same event is not a copy");
        result.Stories[result.Placements[2].Story].IndependentCount.Should().Be(2);
    }

    [Fact]
    public void SpunRewriteIsMarkedAsACopyOfItsSource()
    {
        var (headline, body) = Fixtures.FirstMeeting(0);
        var spun = body.Replace("hosted", "welcomed", StringComparison.Ordinal).Replace("discussed", "talked about", StringComparison.Ordinal)
            .Replace("officials", "authorities", StringComparison.Ordinal).Replace("damaged", "harmed", StringComparison.Ordinal)
            .Replace("due to travel", "set to go", StringComparison.Ordinal).Replace("follow", "come after", StringComparison.Ordinal);
        var result = StoryEngine.Group([Article(1, (headline, body), new DateOnly(2023, 2, 21)), Article(2, ("Volkov welcomes Lian in Kazan before grain corridor talks", spun)), .. Background()]);

        result.Placements[2].Story.Should().Be(result.Placements[1].Story);
        result.Placements[2].CopyOf.Should().Be(1);
    }

    [Fact]
    public void ManyShortHeadlineOnlyItemsOnOneTopicStayApart()
    {
        string[] headlines =
        [
            "Bitcoin tops $70,000 for the first time", "El Salvador makes bitcoin legal tender", "Tesla buys $1.5 billion in bitcoin",
            "China bans bitcoin mining in Sichuan", "Bitcoin ETF approved by SEC regulators", "Mt. Gox creditors to receive bitcoin repayments",
            "Bitcoin halving cuts miner rewards to 3.125", "FTX collapse drags bitcoin below $16,000", "Ukraine accepts bitcoin donations for army",
            "Bitcoin energy use rivals Argentina, Cambridge study finds", "PayPal lets US users pay with bitcoin", "Bitcoin whale moves $1 billion after decade",
        ];
        var articles = headlines.Select((h, i) => new StoryArticle(i + 1, h, [], $"outlet{i}", "en", null)).ToList();

        var result = StoryEngine.Group(articles);

        result.Stories.Should().HaveCount(headlines.Length, "each headline reports a different event");
    }

    [Fact]
    public void PortugueseArticleNamingWangYiJoinsTheEnglishStoryOfTheSameEvent()
    {
        var english1 = ("Wang Yi meets Patrushev in Moscow", "Chinese diplomat Wang Yi met Nikolai Patrushev, secretary of Russia's Security Council, in Moscow on Tuesday. Wang Yi will meet Sergey Lavrov on Wednesday and may see Vladimir Putin.");
        var english2 = ("Patrushev tells Wang Yi Moscow and Beijing must stand together", "Nikolai Patrushev told visiting Wang Yi in Moscow that Russia backs China. Wang Yi is due to hold talks with Sergey Lavrov on Wednesday; a meeting with Vladimir Putin is possible.");
        var portuguese = ("Wang Yi se reúne com Patrushev em Moscou", "O diplomata chinês Wang Yi reuniu-se nesta terça-feira em Moscou com Nikolai Patrushev, secretário do Conselho de Segurança da Rússia. Wang Yi deve encontrar Sergey Lavrov na quarta-feira e talvez Vladimir Putin.");
        var result = StoryEngine.Group([Article(1, english1), Article(2, english2), Article(3, portuguese), .. Background()]);

        result.Placements[3].Story.Should().Be(result.Placements[1].Story);
        result.Placements[3].Explanation.SharedNames.Should().Contain("Wang Yi", "the report prints it so");
    }

    [Fact]
    public void EveryPlacementExplainsItselfWithSharedNamesAndAScore()
    {
        var result = StoryEngine.Group([Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1)), .. Background()]);

        var joined = result.Placements.Values.Single(p => p.ArticleId is 1 or 2 && p.Explanation.Method == "matched");
        joined.Explanation.Score.Should().BeGreaterThan(StoryEngineOptions.Default.JoinThreshold);
        joined.Explanation.SharedNames.Should().Contain(n => n.Contains("Lian", StringComparison.Ordinal) || n.Contains("Volkov", StringComparison.Ordinal));
    }

    /// <summary>Three events of one labour dispute and two meetings of one topic, among unrelated coverage; undated.</summary>
    private static List<(string Headline, string Body)> TwoTopics() =>
    [
        .. Fixtures.PortDispute(false), .. Fixtures.PortDispute(true),
        ("Ostrava strike ends", "Ostrava's dockers went back to work on Friday, ending a three-week strike, after union leader Jana Novak agreed a nine percent rise with the port authority."),
        Fixtures.FirstMeeting(0), Fixtures.FirstMeeting(1), Fixtures.FirstMeeting(2), Fixtures.SecondMeeting(0), Fixtures.SecondMeeting(1), Fixtures.ThirdMeeting(),
        .. Fixtures.Background(40),
    ];

    [Fact]
    public void AnUndatedReportAndItsCopyJoinTheirEventWhicheverCameFirst()
    {
        // The Kazan readout (2) and its copy (6), both undated, beside a dated report of each meeting. Placed next to
        // each other, the copy would hold the readout in a story of their own.
        (string, string) copy = (Fixtures.FirstMeeting(1).Headline + " again", Fixtures.FirstMeeting(1).Body);
        foreach (var (readout, again) in new[] { (2L, 6L), (6L, 2L) })
        {
            var articles = new List<StoryArticle>
            {
                Article(1, Fixtures.FirstMeeting(0), new DateOnly(2023, 2, 21)), Article(readout, Fixtures.FirstMeeting(1)), Article(3, Fixtures.FirstMeeting(2)),
                Article(4, Fixtures.SecondMeeting(0), new DateOnly(2023, 9, 19)), Article(5, Fixtures.SecondMeeting(1)), Article(again, copy),
            };
            articles.AddRange(Background(sameOfficials: true));

            var result = StoryEngine.Group(articles);
            int StoryOf(long id) => result.Placements[id].Story;

            new[] { 2L, 3L, 6L }.Select(StoryOf).Should().AllBeEquivalentTo(StoryOf(1), "the readout and its copy report the Kazan meeting");
            StoryOf(5).Should().Be(StoryOf(4)).And.NotBe(StoryOf(1));
            new[] { result.Placements[2].CopyOf, result.Placements[6].CopyOf }.Should().Contain(x => x == 2 || x == 6, "inside the story one is still marked as a copy of the other");
        }
    }

    [Fact]
    public void AFullGroupingGivesTheSameStoriesWhateverOrderTheArticlesCameIn()
    {
        var texts = TwoTopics();
        // Articles are numbered as they come in; stories and explanations are compared by text.
        (List<HashSet<string>> Stories, Dictionary<string, string> Why) GroupInOrder(int seed)
        {
            var order = Enumerable.Range(0, texts.Count).ToArray();
            new Random(seed).Shuffle(order);
            var result = StoryEngine.Group(order.Select((t, k) => Article(k + 1, texts[t])).ToList());
            string Headline(long id) => texts[order[id - 1]].Headline;
            return (result.Stories.Select(st => st.Articles.Select(Headline).ToHashSet()).ToList(),
                result.Placements.Values.ToDictionary(p => Headline(p.ArticleId), p => $"{p.Explanation.Method} {p.Explanation.Score}"));
        }

        var first = GroupInOrder(1);
        foreach (var seed in new[] { 2, 3, 4, 5 })
        {
            var other = GroupInOrder(seed);
            other.Stories.Should().BeEquivalentTo(first.Stories, $"order {seed} holds the same articles");
            other.Why.Should().Equal(first.Why, "the same report opens each story, and the others join it with the same scores");
        }
    }

    [Fact]
    public void TheFullestReportOpensTheStoryAndAOneLineItemJoinsIt()
    {
        // The one-line item came first; a full grouping still lets the fuller report found the story.
        var result = StoryEngine.Group([
            Article(1, ("Ostrava strike ends", "Ostrava's dockers ended their harbour strike on Friday, union leader Jana Novak said.")),
            Article(2, Fixtures.PortDispute(false)[0]), Article(3, Fixtures.PortDispute(false)[1]), .. Background()]);

        result.Placements[2].Explanation.Method.Should().Be("opened");
        result.Placements[1].Story.Should().Be(result.Placements[2].Story);
        result.Placements[1].Explanation.Method.Should().Be("matched");
    }

    [Fact]
    public void ImportOrderDoesNotChangeTheStoriesOfAFixture()
    {
        var articles = new List<StoryArticle>
        {
            Article(1, Fixtures.FirstMeeting(0)), Article(2, Fixtures.FirstMeeting(1)), Article(3, Fixtures.FirstMeeting(2)),
            Article(4, Fixtures.SecondMeeting(0)), Article(5, Fixtures.SecondMeeting(1)),
        };
        articles.AddRange(Background());
        // Ids follow the order articles come in, so coming in reversed means numbered in reverse.
        var reversed = articles.Select(a => a with { Id = 10_000 - a.Id }).ToList();
        var forward = Partition(StoryEngine.Group(articles));
        var backward = Partition(StoryEngine.Group(reversed)).Select(s => s.Select(id => 10_000 - id).ToHashSet()).ToList();

        backward.Should().BeEquivalentTo(forward);
    }
}
