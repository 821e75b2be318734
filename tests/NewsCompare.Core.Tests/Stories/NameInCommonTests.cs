using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// The "a name in common" rule (docs/stories.md §2): two reports that both name people or places and share none of
/// them, nor a figure, are two events. Figures alone are no cast: two reports of one event often print different
/// counts, and a script without capitals (Arabic, Hebrew) gives an article no names but its figures.
/// </summary>
public sealed class NameInCommonTests
{
    // Two reports of two outlets, at a level any shared wording clears: only the rules decide.
    private static GroupingResult GroupPair(string language, string h1, string b1, string h2, string b2) =>
        StoryEngine.Group([new(1, h1, [b1], "outlet1", language, null), new(2, h2, [b2], "outlet2", language, null)],
            StoryEngineOptions.Default with { JoinThreshold = 0.05 });

    // Two reports of one day's count, each with its own figures and no name written as one.
    public static TheoryData<string, string, string, string, string> OneEventDifferentFigures => new()
    {
        {
            "ar", "تسجيل 191 إصابة جديدة بفيروس كورونا في المحافظة",
            "أعلنت وزارة الصحة اليوم تسجيل 191 إصابة جديدة بفيروس كورونا في المحافظة، وقالت الوزارة إن عدد حالات الشفاء بلغ 67 حالة.",
            "الصحة تعلن 34 إصابة جديدة بفيروس كورونا في المحافظة",
            "قالت وزارة الصحة في بيان إن المحافظة سجلت 34 إصابة جديدة بفيروس كورونا، فيما بلغ عدد حالات الشفاء 23 حالة."
        },
        {
            "he", "משרד הבריאות: 191 נדבקים חדשים בנגיף הקורונה בעיר",
            "משרד הבריאות דיווח היום על 191 נדבקים חדשים בנגיף הקורונה בעיר, ומספר המחלימים עלה ל-67.",
            "34 נדבקים חדשים בנגיף הקורונה בעיר",
            "לפי משרד הבריאות נרשמו בעיר 34 נדבקים חדשים בנגיף הקורונה, ומספר המחלימים עלה ל-23."
        },
        {
            "en", "Health ministry reports 191 new virus cases in the province",
            "The health ministry reported 191 new virus cases in the province today, and said recoveries had reached 67.",
            "Province records 34 new virus cases",
            "According to the health ministry the province recorded 34 new virus cases, while recoveries reached 23."
        },
    };

    [Theory]
    [MemberData(nameof(OneEventDifferentFigures))]
    public void ReportsWhoseOnlyNamesAreDifferentFiguresMayStillJoin(string language, string h1, string b1, string h2, string b2)
    {
        var result = GroupPair(language, h1, b1, h2, b2);

        result.Placements[1].Story.Should().Be(result.Placements[2].Story, "figures that differ are no other cast");
    }

    // Two events of one topic worded alike, each naming its own official and its own figures.
    public static TheoryData<string, string, string, string, string> TwoEventsTwoCasts => new()
    {
        {
            "en", "Council approves new bus depot",
            "The city council approved a new bus depot for 40 buses on the eastern ring road after a long debate, mayor Klaus Weber said.",
            "Council approves new bus depot",
            "The city council approved a new bus depot for 25 buses on the eastern ring road after a long debate, mayor Anna Schmidt said."
        },
        {
            "es", "El ayuntamiento aprueba una nueva cochera de autobuses",
            "El pleno del ayuntamiento aprobó tras un largo debate una nueva cochera para 40 autobuses en la ronda este, anunció el alcalde Luis Pérez.",
            "El ayuntamiento aprueba una nueva cochera de autobuses",
            "El pleno del ayuntamiento aprobó tras un largo debate una nueva cochera para 25 autobuses en la ronda este, anunció la alcaldesa Ana Gómez."
        },
        {
            "fr", "Le conseil municipal approuve un nouveau dépôt de bus",
            "Le conseil municipal a approuvé après un long débat un nouveau dépôt pour 40 bus sur la rocade est, a annoncé le maire Pierre Martin.",
            "Le conseil municipal approuve un nouveau dépôt de bus",
            "Le conseil municipal a approuvé après un long débat un nouveau dépôt pour 25 bus sur la rocade est, a annoncé la maire Claire Dubois."
        },
    };

    [Theory]
    [MemberData(nameof(TwoEventsTwoCasts))]
    public void ReportsNamingDifferentPeopleAndFiguresStayApart(string language, string h1, string b1, string h2, string b2)
    {
        var result = GroupPair(language, h1, b1, h2, b2);

        result.Placements[1].Story.Should().NotBe(result.Placements[2].Story, "each names its own official");
        result.Placements.Values.Should().Contain(p => p.Explanation.Breakdown != null && p.Explanation.Breakdown.Rule == ScoreBreakdown.OtherCast,
            "the report that opened a story says another cast turned it down");
    }
}
