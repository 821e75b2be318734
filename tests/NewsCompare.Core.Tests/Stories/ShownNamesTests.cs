using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// An explanation lists as names only what the reports print as names: not a word they also write in lower case, not
/// a run of words that crosses a comma or a word in lower case, and a long name once rather than as its windows.
/// </summary>
public sealed class ShownNamesTests
{
    private static StoryArticle Article(long id, string headline, string body, string language) =>
        new(id, headline, body.Split("\n\n"), $"outlet{id}", language, null);

    private static IEnumerable<StoryArticle> Background() =>
        Fixtures.Background(40).Select((t, i) => new StoryArticle(1000 + i, t.Headline, t.Body.Split("\n\n"), $"outlet{1000 + i}", null, null));

    // The explanation of whichever of the two reports joined the other's story.
    private static StoryExplanation Joined(StoryArticle first, StoryArticle second)
    {
        var result = StoryEngine.Group([first, second, .. Background()]);
        result.Placements[second.Id].Story.Should().Be(result.Placements[first.Id].Story, "both report one event");
        return result.Placements[first.Id].Explanation.Method == "opened" ? result.Placements[second.Id].Explanation : result.Placements[first.Id].Explanation;
    }

    // Every word of a listed name but a connector ("Belt and Road") starts with a capital or is a figure.
    private static bool PrintedAsAName(string name) =>
        name.Split(' ').All(w => !char.IsLower(w[0]) || TextSignals.IsConnector(TextSignals.Normalise(w)));

    public static TheoryData<string, string, string, string, string, string> LowerCaseWords() => new()
    {
        {
            "en", "foreign",
            "Patrushev hosts Wang Yi for security talks in Moscow",
            "Nikolai Patrushev hosted Chinese Foreign Minister Wang Yi in Moscow on Tuesday for security talks. The two discussed foreign policy and the Belt and Road Initiative.\n\nPatrushev said foreign pressure on Russia and China was growing.",
            "Wang Yi meets Patrushev in Moscow",
            "Chinese Foreign Minister Wang Yi met Nikolai Patrushev in Moscow on Tuesday. They spoke about foreign policy and the Belt and Road Initiative, and about foreign pressure on both countries."
        },
        {
            "fr", "conseil",
            "Gaza : le Conseil de sécurité réuni à New York",
            "Le Conseil de sécurité de l'ONU s'est réuni mardi à New York sur Gaza. Antonio Guterres a demandé au conseil d'exiger un cessez-le-feu à Rafah.\n\nLe conseil doit voter jeudi, a précisé la présidence maltaise.",
            "Antonio Guterres demande un cessez-le-feu à Rafah",
            "Réuni mardi à New York, le Conseil de sécurité a entendu Antonio Guterres sur Gaza. Le secrétaire général a demandé au conseil d'exiger un cessez-le-feu à Rafah ; le conseil votera jeudi, selon la présidence maltaise."
        },
    };

    [Theory]
    [MemberData(nameof(LowerCaseWords))]
    public void AWordTheReportsAlsoWriteInLowerCaseIsListedAsAWordNotAsAName(string language, string word, string h1, string b1, string h2, string b2)
    {
        var why = Joined(Article(1, h1, b1, language), Article(2, h2, b2, language));

        why.SharedNames.Should().NotContain(n => string.Equals(n, word, StringComparison.OrdinalIgnoreCase));
        why.SharedTerms.Should().Contain(t => string.Equals(t, word, StringComparison.OrdinalIgnoreCase), "the reports do share it, as a word");
    }

    public static TheoryData<string, string, string, string, string> NameChains() => new()
    {
        {
            "en",
            "Patrushev hosts Wang Yi for talks in Moscow",
            "Nikolai Patrushev, the secretary of Russia's Security Council, hosted Wang Yi in Moscow on Tuesday. Security Council Secretary Nikolai Patrushev said the West wanted to contain Russia and China.",
            "Wang Yi meets Patrushev in Moscow",
            "Wang Yi met Nikolai Patrushev, the secretary of Russia's Security Council, in Moscow on Tuesday. Security Council Secretary Patrushev told Wang Yi that the West wanted to contain Russia and China."
        },
        {
            "es",
            "Sánchez recibe a Lula en la Moncloa",
            "Pedro Sánchez, presidente del Gobierno, recibió el martes en la Moncloa a Luiz Inácio Lula da Silva. El Presidente del Gobierno Pedro Sánchez y Lula firmaron diez acuerdos.",
            "Lula y Sánchez firman diez acuerdos en Madrid",
            "Luiz Inácio Lula da Silva y Pedro Sánchez, presidente del Gobierno, firmaron el martes en la Moncloa diez acuerdos. Lula agradeció al Presidente del Gobierno la acogida."
        },
    };

    [Theory]
    [MemberData(nameof(NameChains))]
    public void ARunOfNamesAcrossACommaOrAWordInLowerCaseIsNotListedAsAName(string language, string h1, string b1, string h2, string b2)
    {
        var why = Joined(Article(1, h1, b1, language), Article(2, h2, b2, language));

        why.SharedNames.Should().NotBeEmpty().And.OnlyContain(n => PrintedAsAName(n), "a name is printed with its capitals, its words side by side");
    }

    public static TheoryData<string, string, string, string, string, string> LongNames() => new()
    {
        {
            "en", "Foreign Minister Wang Yi",
            "Foreign Minister Wang Yi arrives in Moscow",
            "Chinese Foreign Minister Wang Yi arrived in Moscow on Tuesday for talks with Nikolai Patrushev on the Belt and Road Initiative.",
            "Patrushev receives Foreign Minister Wang Yi",
            "Nikolai Patrushev received Chinese Foreign Minister Wang Yi in Moscow on Tuesday; they discussed the Belt and Road Initiative."
        },
        {
            "tr", "Dışişleri Bakanı Hakan Fidan",
            "Dışişleri Bakanı Hakan Fidan Kahire'de",
            "Türkiye Dışişleri Bakanı Hakan Fidan salı günü Kahire'de Mısırlı mevkidaşı Bedr Abdulati ile Gazze'deki ateşkesi görüştü.",
            "Fidan ile Abdulati Kahire'de Gazze'yi görüştü",
            "Mısır Dışişleri Bakanı Bedr Abdulati, Kahire'de Türkiye Dışişleri Bakanı Hakan Fidan'ı ağırladı; iki bakan salı günü Gazze'deki ateşkesi ele aldı."
        },
    };

    [Theory]
    [MemberData(nameof(LongNames))]
    public void ALongNameSharedAsOverlappingWindowsIsListedOnceWhole(string language, string name, string h1, string b1, string h2, string b2)
    {
        var why = Joined(Article(1, h1, b1, language), Article(2, h2, b2, language));

        why.SharedNames.Should().Contain(name).And.NotContain(n => n != name && name.Contains(n, StringComparison.Ordinal) && n.Contains(' ', StringComparison.Ordinal));
    }
    public static TheoryData<string, string, string, string, string, string, string> PairedNames() => new()
    {
        {
            "en", "Russia and China", "Belt and Road",
            "Russia and China hold security talks in Moscow",
            "Russia and China held security talks in Moscow on Tuesday. Nikolai Patrushev said Russia backed China on Taiwan, and China thanked Russia for its support.\n\nThe talks also covered the Belt and Road Initiative.",
            "Patrushev hosts Wang Yi as Russia and China deepen ties",
            "Nikolai Patrushev hosted Wang Yi in Moscow on Tuesday as Russia and China deepened their security ties. Russia backed China on Taiwan; China called Russia a trusted partner of the Belt and Road Initiative."
        },
        {
            "es", "Rusia y China", "Bosnia y Herzegovina",
            "Rusia y China firman un acuerdo en Sarajevo",
            "El martes, Rusia y China firmaron en Sarajevo un acuerdo con Bosnia y Herzegovina. Según el Gobierno de Bosnia y Herzegovina, Rusia aportará el gas y China las obras.\n\nEn Moscú, Rusia celebró el pacto y China también.",
            "Acuerdo de Rusia y China con Bosnia y Herzegovina",
            "El martes en Sarajevo, el Gobierno de Bosnia y Herzegovina firmó un acuerdo con Rusia y China: a cambio, Rusia venderá gas y China construirá la red."
        },
    };

    [Theory]
    [MemberData(nameof(PairedNames))]
    public void TwoNamesJoinedByAndAreListedApartWhenEachAlsoStandsAlone(string language, string pair, string compound, string h1, string b1, string h2, string b2)
    {
        var why = Joined(Article(1, h1, b1, language), Article(2, h2, b2, language));

        why.SharedNames.Should().NotContain(pair, "the reports name each country alone as well")
            .And.Contain(n => n.Contains(compound, StringComparison.Ordinal), "a name whose parts never stand alone is one name");
    }
}
