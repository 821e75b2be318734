using NewsCompare.Core.Data;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Metadata;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>Inferred dates with their source article, possibly mixed stories, and titles.</summary>
public sealed class StoryShapeTests
{
    private static readonly DateOnly February = new(2023, 2, 21);
    private static readonly DateOnly March = new(2023, 2, 23);
    private static readonly DateOnly September = new(2023, 9, 19);

    [SkippableTheory]
    [EveryStore]
    public async Task AnInferredDateNamesTheArticleItCameFromAndAStatedDateIsNeverReplaced(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) ids.Add(await store.AddAsync(h, b));
        var later = await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire", March);
        var earlier = await store.AddAsync(Fixtures.FirstMeeting(1).Headline, Fixtures.FirstMeeting(1).Body, "daily", February);
        var undated = await store.AddAsync(Fixtures.FirstMeeting(2).Headline, Fixtures.FirstMeeting(2).Body, "weekly");
        ids.AddRange([later, earlier, undated]);

        await StoryStore.AssignNewArticlesAsync(store.Db, ids);

        var u = await store.ArticleAsync(undated);
        (await store.ArticleAsync(earlier)).StoryId.Should().Be(u.StoryId);
        (u.Published, u.PublishedInferred, u.PublishedSource, u.PublishedFromArticleId).Should().Be((February, true, MetadataSources.Story, earlier));
        var l = await store.ArticleAsync(later);
        (l.Published, l.PublishedInferred, l.PublishedFromArticleId).Should().Be((March, false, (long?)null));
        u.StoryId.Should().Be(l.StoryId);
    }

    /// <summary>The two meetings in one story (grouped permissively, with splitting almost off).</summary>
    private static async Task<(long[] First, long[] Second, StoryEngineOptions Options)> MixedAsync(TestStore store)
    {
        var first = new[]
        {
            await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body, "wire", February),
            await store.AddAsync(Fixtures.FirstMeeting(1).Headline, Fixtures.FirstMeeting(1).Body, "daily"),
            await store.AddAsync(Fixtures.FirstMeeting(2).Headline, Fixtures.FirstMeeting(2).Body, "weekly"),
        };
        var second = new[]
        {
            await store.AddAsync(Fixtures.SecondMeeting(0).Headline, Fixtures.SecondMeeting(0).Body, "post", September),
            await store.AddAsync(Fixtures.SecondMeeting(1).Headline, Fixtures.SecondMeeting(1).Body, "herald"),
        };
        var options = new StoryEngineOptions { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000 };
        await new StoryStore(store.Db, options).AssignAsync([.. first, .. second]);
        return (first, second, options);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryOfTwoGroupsWithWordsOfTheirOwnIsFlaggedWithTheSplitAndLendsNoDates(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, _) = await MixedAsync(store);
        var storyId = (await store.ArticleAsync(first[0])).StoryId!.Value;
        (await store.ArticleAsync(second[0])).StoryId.Should().Be(storyId);

        var story = await store.Db.Stories.AsNoTracking().SingleAsync(s => s.Id == storyId);
        var split = ProposedSplit.Parse(story.MixedSplit);
        split.Should().NotBeNull();
        split!.Keep.Should().BeEquivalentTo(first);
        split.Move.Should().BeEquivalentTo(second);
        split.Cross.Should().BeLessThan(ProposedSplit.FlagBelow);
        foreach (var a in new[] { first[1], first[2], second[1] })
            (await store.ArticleAsync(a)).Published.Should().BeNull();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task ApplyingTheProposedSplitIsRecordedAsASplitAndEachHalfLendsItsOwnDate(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var (first, second, options) = await MixedAsync(store);
        var storyId = (await store.ArticleAsync(first[0])).StoryId!.Value;

        var created = await new StoryStore(store.Db, options).ApplyProposedSplitAsync(storyId, "two meetings");

        store.Db.ChangeTracker.Clear();
        foreach (var a in first) (await store.ArticleAsync(a)).StoryId.Should().Be(storyId);
        foreach (var a in second) (await store.ArticleAsync(a)).StoryId.Should().Be(created);
        (await store.ArticleAsync(first[2])).PublishedFromArticleId.Should().Be(first[0]);
        (await store.ArticleAsync(second[1])).Published.Should().Be(September);
        var correction = await store.Db.StoryCorrections.SingleAsync();
        (correction.Kind, correction.FromStoryId, correction.ToStoryId).Should().Be(("split", storyId, created));
        (await store.Db.Stories.Where(s => s.MixedSplit != null).CountAsync()).Should().Be(0);
        // Nothing is left to apply, and a regroup keeps what the editor decided.
        var again = () => new StoryStore(store.Db, options).ApplyProposedSplitAsync(storyId, "again");
        await again.Should().ThrowAsync<StoryCorrectionException>().WithMessage("*no proposed split*");
        await new StoryStore(store.Db, options).RegroupAsync();
        store.Db.ChangeTracker.Clear();
        (await store.ArticleAsync(second[0])).StoryId.Should().NotBe((await store.ArticleAsync(first[0])).StoryId);
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryOfOneEventIsNotFlagged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) ids.Add(await store.AddAsync(h, b));
        for (var i = 0; i < 3; i++) ids.Add(await store.AddAsync(Fixtures.FirstMeeting(i).Headline, Fixtures.FirstMeeting(i).Body, $"o{i}", February));
        ids.Add(await store.AddAsync(Fixtures.FirstMeeting(0).Headline, Fixtures.FirstMeeting(0).Body + "\n\nOfficials in Kazan confirmed the talks.", "o9"));

        await StoryStore.AssignNewArticlesAsync(store.Db, ids);

        (await store.Db.Stories.CountAsync(s => s.MixedSplit != null)).Should().Be(0);
    }

    [Fact]
    public void TheTitleIsTheHeadlineOfTheIndependentVersionMostLikeTheOthers()
    {
        static Dictionary<uint, float> V(params (uint Term, float Weight)[] terms)
        {
            var norm = (float)Math.Sqrt(terms.Sum(t => t.Weight * t.Weight));
            return terms.ToDictionary(t => t.Term, t => t.Weight / norm);
        }
        var members = new List<(long, string?, bool, Dictionary<uint, float>)>
        {
            (1, "An angle of its own", false, V((1, 1), (9, 3))),
            (2, "What they all report", false, V((1, 1), (2, 1), (3, 1))),
            (3, "A copy of what they all report", true, V((1, 1), (2, 1), (3, 1))),
            (4, "Much the same", false, V((1, 1), (2, 1))),
        };

        StoryTitles.Choose(members).Should().Be((2L, "What they all report", StoryTitles.Representative));
        StoryTitles.Choose(members.Where(m => m.Item1 != 2 && m.Item1 != 4).ToList()).Should().Be((1L, "An angle of its own", StoryTitles.Sole));
        StoryTitles.Choose([(5, " ", false, V((1, 1)))]).Should().BeNull();
    }

    [SkippableTheory]
    [EveryStore]
    public async Task AStoryRecordsWhichHeadlineItsTitleIsAndWhy(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var ids = new List<long>();
        foreach (var (h, b) in Fixtures.Background(30)) ids.Add(await store.AddAsync(h, b));
        var meeting = new List<long>();
        for (var i = 0; i < 3; i++) meeting.Add(await store.AddAsync(Fixtures.FirstMeeting(i).Headline, Fixtures.FirstMeeting(i).Body, $"o{i}"));

        await StoryStore.AssignNewArticlesAsync(store.Db, [.. ids, .. meeting]);

        var story = await store.Db.Stories.AsNoTracking().SingleAsync(s => s.Id == store.Db.Articles.Single(a => a.Id == meeting[0]).StoryId);
        story.TitleSource.Should().Be(StoryTitles.Representative);
        meeting.Should().Contain(story.TitleArticleId!.Value);
        story.Title.Should().Be((await store.ArticleAsync(story.TitleArticleId.Value)).Headline);
    }
}
