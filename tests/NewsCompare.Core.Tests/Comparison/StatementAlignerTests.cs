using NewsCompare.Core.Comparison;

namespace NewsCompare.Core.Tests.Comparison;

/// <summary>
/// The aligner skips pairs by a bound and matches each pair of distinct texts once; these tests hold it to the plain
/// path: every pair of sentences of two versions matched in full, joined strongest first.
/// </summary>
public sealed class StatementAlignerTests
{
    // Versions of one event in four languages: agency copy carried word for word (twice in one version), rewordings,
    // a differing figure, clauses joined and split, and sentences with nothing in common.
    private static readonly (string Language, string[] Sentences)[] Versions =
    [
        ("en", [
            "A storm flooded the port of Varna on Monday, forcing 1,200 residents to leave their homes.",
            "Mayor Ivan Petrov said the damage would take months to repair.",
            "Rail services along the coast were suspended until Wednesday.",
            "Mayor Ivan Petrov said the damage would take months to repair.",
            "The weather service expects calmer seas by the weekend.",
            "Officials said repairs to the flooded harbour could last until the spring.",
            "Schools in the city stayed closed on Tuesday.",
        ]),
        ("en", [
            "Forcing 1,100 residents to leave their homes, a storm flooded the port of Varna on Monday.",
            "Mayor Ivan Petrov said the damage would take months to repair.",
            "According to Mayor Ivan Petrov, repairing the damage would take months, and the government has promised help.",
            "Rail services along the coast were suspended until Wednesday.",
            "Fishermen in Burgas pulled their boats out of the water.",
            "Repairing the harbour will take until spring, officials said.",
            "On Tuesday the city kept its schools shut.",
        ]),
        ("de", [
            "Ein Sturm hat am Montag den Hafen von Varna überflutet, 1.200 Bewohner mussten ihre Häuser verlassen.",
            "Bürgermeister Ivan Petrov sagte, die Reparatur der Schäden werde Monate dauern.",
            "Der Bahnverkehr an der Küste wurde bis Mittwoch eingestellt.",
            "Mayor Ivan Petrov said the damage would take months to repair.",
        ]),
        ("fr", [
            "Une tempête a inondé le port de Varna lundi, obligeant 1 200 habitants à quitter leurs maisons.",
            "Le maire Ivan Petrov a déclaré que la réparation des dégâts prendrait des mois.",
            "Le trafic ferroviaire le long de la côte a été suspendu jusqu'à mercredi.",
        ]),
        ("es", [
            "Una tormenta inundó el puerto de Varna el lunes y obligó a 1.200 vecinos a abandonar sus casas.",
            "El alcalde Ivan Petrov dijo que reparar los daños llevará meses.",
            "Rail services along the coast were suspended until Wednesday.",
        ]),
    ];

    [Fact]
    public void PruningAndMatchingEachTextOnceGiveThePlainPathsAlignment()
    {
        var all = Sentences();
        var matcher = StatementMatcher.Default;

        var alignment = StatementAligner.Align(all, Versions.Length, matcher);

        var plain = new List<(double Score, int A, int B)>();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                if (all[i].Version == all[j].Version) continue;
                var match = matcher.MatchAcrossVersions(all[i].Statement, all[j].Statement);
                alignment.Score(i, j).Should().Be(match.Same ? match.Score : 0, $"pair {i}-{j}: \"{all[i].Statement.Text}\" / \"{all[j].Statement.Text}\"");
                alignment.DifferingFigures(i, j).Should().Be(match.Same && match.DifferingFigures);
                if (match.Same) plain.Add((match.Score, i, j));
            }
        }
        plain.Should().HaveCountGreaterThan(5, "the versions share statements");
        plain.Should().Contain(p => all[p.A].Statement.Language != all[p.B].Statement.Language, "some are shared across languages");
        plain.Should().Contain(p => all[p.A].Statement.Text == all[p.B].Statement.Text, "some word for word");

        var groups = PlainGroups(all, plain);
        for (var i = 0; i < all.Count; i++)
            for (var j = i + 1; j < all.Count; j++)
                (alignment.GroupOf(i) == alignment.GroupOf(j)).Should().Be(groups[i] == groups[j], $"sentences {i} and {j}");
    }

    [Fact]
    public void SkipsOnlyPairsOfWhichNoClauseCouldPassTheMatchersGate()
    {
        var all = Sentences();
        var model = StatementMatcher.Default.Model.SameLanguage;
        static List<Statement> Parts(Statement s) => [.. s.Clauses.Append(s)];

        var skipped = 0;
        foreach (var a in all)
        {
            foreach (var b in all.Where(b => b.Index > a.Index && b.Statement.Language == a.Statement.Language))
            {
                var smallest = Parts(a.Statement).Min(c => c.StemIds.Length) + Parts(b.Statement).Min(c => c.StemIds.Length);
                if (!StatementAligner.CannotMatch(a.Statement, b.Statement, smallest, model.Gate)) continue;
                skipped++;
                foreach (var ca in Parts(a.Statement))
                    foreach (var cb in Parts(b.Statement))
                        StatementFeatures.Gate(ca, cb).Should().BeLessThan(model.Gate, $"\"{ca.Text}\" / \"{cb.Text}\"");
            }
        }
        skipped.Should().BeGreaterThan(20, "most pairs of a story's sentences are different statements");
    }

    [Fact]
    public void AWordForWordCopyInEveryVersionLinesUpWithOneSentenceOfEachOther()
    {
        var all = Sentences();

        var alignment = StatementAligner.Align(all, Versions.Length, StatementMatcher.Default);

        const string Copy = "Mayor Ivan Petrov said the damage would take months to repair.";
        var copies = all.Where(s => s.Statement.Text == Copy).ToList();
        copies.Should().HaveCount(4);
        // The first version carries it twice: one of its two copies joins the others, never both.
        var group = alignment.GroupOf(copies[2].Index);
        copies.Take(2).Count(c => alignment.GroupOf(c.Index) == group).Should().Be(1);
    }

    private static List<VersionComparer.Sentence> Sentences()
    {
        var all = Versions
            .SelectMany((v, vi) => v.Sentences.Select(text => new VersionComparer.Sentence(vi, 0, new Statement(text, v.Language, withClauses: true))))
            .ToList();
        for (var i = 0; i < all.Count; i++) all[i].Index = i;
        return all;
    }

    // Strongest pair first; a pair is joined unless its two groups already hold sentences of one version.
    private static int[] PlainGroups(List<VersionComparer.Sentence> all, List<(double Score, int A, int B)> pairs)
    {
        var members = all.Select(s => new List<int> { s.Index }).ToArray();
        var groupOf = all.Select(s => s.Index).ToArray();
        foreach (var (_, a, b) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            var (ga, gb) = (groupOf[a], groupOf[b]);
            if (ga == gb || members[ga].Any(x => members[gb].Any(y => all[x].Version == all[y].Version))) continue;
            var (keep, gone) = ga < gb ? (ga, gb) : (gb, ga);
            foreach (var x in members[gone]) groupOf[x] = keep;
            members[keep].AddRange(members[gone]);
            members[gone].Clear();
        }
        return groupOf;
    }
}
