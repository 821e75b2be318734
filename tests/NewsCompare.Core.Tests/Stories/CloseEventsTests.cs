using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Tests.Stories;

/// <summary>
/// Close events of one topic that greedy placement put in one story: a lone report of another event leaves it, and a
/// story of two groups far less alike across than inside is flagged and lends no dates.
/// </summary>
public sealed class CloseEventsTests
{
    // Permissive grouping: every report of the topic joins one story, and no fixed level splits or flags it, so what
    // the story becomes is decided by the relative checks alone.
    private static readonly StoryEngineOptions Permissive = new() { JoinThreshold = 0.01, SplitBelow = 0.01, MaxGapDays = 1000, OutlierBelow = 0.85 };

    // Four reports of one visit (Rabat), one of another visit of the same minister (Algiers), in Spanish.
    private static readonly (string Headline, string Body)[] Rabat =
    [
        ("Marlaska y Laftit firman en Rabat un plan contra la inmigración irregular",
         "El ministro del Interior, Fernando Grande-Marlaska, firmó este martes en Rabat con su homólogo marroquí, Abdelouafi Laftit, un plan conjunto contra la inmigración irregular que incluye 3.000 agentes y patrullas mixtas en Tarifa y Ceuta.\n\nLaftit y Marlaska acordaron también reabrir la aduana comercial de Melilla antes de verano, según el comunicado del ministerio en Rabat.\n\nEl plan de Rabat prevé un centro de coordinación en Tánger."),
        ("España y Marruecos pactan en Rabat patrullas mixtas en Ceuta y Tarifa",
         "Grande-Marlaska viajó a Rabat para reunirse con Abdelouafi Laftit. Ambos ministros firmaron un plan con 3.000 agentes y patrullas mixtas en Ceuta y Tarifa contra la inmigración irregular.\n\nEl acuerdo de Rabat incluye la reapertura de la aduana comercial de Melilla y un centro de coordinación en Tánger, explicó el ministerio del Interior."),
        ("Interior y Marruecos acuerdan en Rabat reabrir la aduana de Melilla",
         "La reunión de Rabat entre Fernando Grande-Marlaska y Abdelouafi Laftit terminó con la firma de un plan contra la inmigración irregular: 3.000 agentes, patrullas mixtas en Tarifa y Ceuta y un centro de coordinación en Tánger.\n\nLaftit confirmó que la aduana comercial de Melilla reabrirá antes de verano."),
        ("Rabat: Marlaska y Laftit sellan el plan de los 3.000 agentes",
         "Los ministros Grande-Marlaska y Laftit sellaron en Rabat el plan de 3.000 agentes contra la inmigración irregular, con patrullas mixtas en Ceuta y Tarifa.\n\nEl texto firmado en Rabat añade la aduana comercial de Melilla, que reabrirá antes de verano, y un centro de coordinación en Tánger."),
    ];

    private static readonly (string Headline, string Body) Algiers =
        ("Marlaska viaja a Argel para hablar de gas y de inmigración con Beldjoud",
         "El ministro del Interior, Fernando Grande-Marlaska, se reunió este lunes en Argel con el ministro argelino Kamel Beldjoud para hablar del gasoducto Medgaz y de la inmigración irregular en Almería y Murcia.\n\nBeldjoud pidió más vuelos de repatriación desde Alicante, y Marlaska ofreció formación de la Guardia Civil en Orán, según el ministerio del Interior.\n\nLa visita a Argel llega tras meses de tensión por el gas de Medgaz.");

    private static StoryArticle Article(long id, (string Headline, string Body) t, string language, DateOnly? published = null) =>
        new(id, t.Headline, t.Body.Split("\n\n"), $"outlet{id}", language, published);

    [Fact]
    public void ALoneReportOfAnotherEventLeavesAStoryWhoseOtherReportsHangTogether()
    {
        var articles = Rabat.Select((t, i) => Article(i + 1, t, "es")).Append(Article(5, Algiers, "es")).ToList();

        var result = StoryEngine.Group(articles, Permissive);
        var kept = StoryEngine.Group(articles, Permissive with { OutlierBelow = 0 });

        kept.Stories.Should().ContainSingle("without the check the permissive options put all five in one story");
        var rabat = result.Placements[1].Story;
        new long[] { 2, 3, 4 }.Select(id => result.Placements[id].Story).Should().AllBeEquivalentTo(rabat);
        var algiers = result.Placements[5];
        algiers.Story.Should().NotBe(rabat);
        result.Stories[algiers.Story].Articles.Should().Equal(5);
        result.Stories[algiers.Story].Related.Should().Contain(rabat, "it is another event of the same topic");
        algiers.Explanation.Breakdown!.Rule.Should().Be(ScoreBreakdown.Outlier);
    }

    [Fact]
    public void AShortReportOfTheEventStaysThoughItResemblesTheOthersLess()
    {
        var brief = ("Plan de 3.000 agentes en Rabat", "Marlaska y Laftit firmaron en Rabat el plan de 3.000 agentes.");
        var articles = Rabat.Select((t, i) => Article(i + 1, t, "es")).Append(Article(5, brief, "es")).ToList();

        var result = StoryEngine.Group(articles, Permissive);

        result.Stories.Should().ContainSingle("a brief of the event is shorter, not another event");
    }

    // Three visits of one minister, only one report dated: two reports each of two meetings in Paris (border patrols,
    // then the Olympics), one of a visit to Rome, in German. Every report repeats the minister's line and the topic's background, as reports of recurring visits do.
    private const string Line = "„Wir schützen Europas Außengrenzen gemeinsam und gehen entschlossen gegen Schleuser vor“, sagte Bundesinnenministerin Nancy Faeser.";
    private const string Background = "Faeser wirbt seit Monaten bei den Nachbarstaaten für mehr Zusammenarbeit beim Grenzschutz und für das gemeinsame europäische Asylsystem.";

    private static readonly (string Headline, string Body)[] Paris =
    [
        ("Faeser in Paris: Grenzkontrollen mit Darmanin abgestimmt",
         $"Bundesinnenministerin Nancy Faeser hat in Paris mit ihrem Kollegen Gérald Darmanin gemeinsame Grenzkontrollen am Rhein vereinbart. Ab März sollen 400 Beamte in Straßburg und Kehl gemeinsam Streife fahren.\n\n{Line}\n\nDarmanin sagte in Paris, die Europabrücke werde rund um die Uhr überwacht.\n\n{Background}"),
        ("Deutsch-französische Streifen in Kehl und Straßburg",
         $"Nach einem Treffen in Paris kündigten Faeser und Darmanin gemeinsame Streifen von 400 Beamten in Kehl und Straßburg an.\n\n{Line}\n\nDie Europabrücke über den Rhein soll rund um die Uhr überwacht werden, hieß es nach den Gesprächen mit Darmanin in Paris.\n\n{Background}"),
    ];

    // A second meeting of the same two ministers in the same city, months later, on another matter.
    private static readonly (string Headline, string Body)[] Olympics =
    [
        ("Faeser und Darmanin in Paris: Sicherheit für die Olympischen Spiele",
         $"Bundesinnenministerin Nancy Faeser hat in Paris mit Gérald Darmanin über die Sicherheit der Olympischen Spiele beraten. Deutschland schickt 2.000 Polizisten zum Stade de France und zur Seine-Eröffnungsfeier.\n\n{Line}\n\nDarmanin dankte in Paris für die Hilfe bei der Drohnenabwehr.\n\n{Background}"),
        ("2.000 deutsche Polizisten für Olympia an der Seine",
         $"Nach einem Treffen mit Darmanin in Paris sagte Faeser 2.000 Polizisten für die Olympischen Spiele zu, die am Stade de France und bei der Eröffnungsfeier an der Seine eingesetzt werden.\n\n{Line}\n\nAuch bei der Drohnenabwehr wollen Faeser und Darmanin in Paris zusammenarbeiten.\n\n{Background}"),
    ];

    private static readonly (string Headline, string Body) Rome =
        ("Faeser trifft Piantedosi in Rom: Streit um Seenotrettung",
         $"In Rom hat Bundesinnenministerin Nancy Faeser mit Italiens Innenminister Matteo Piantedosi über die Seenotrettung im Mittelmeer gesprochen. Piantedosi forderte, dass Deutschland mehr Geflüchtete aus Lampedusa aufnimmt.\n\n{Line}\n\nFaeser verwies in Rom auf die Hilfe für Sizilien.\n\n{Background}");

    [Fact]
    public void ThreeEventsOfOneTopicWithoutDatesDoNotStayOneStoryThatLendsDates() =>
        ThreeVisitsAreToldApart(Paris, Olympics, Rome, "de");

    // The same shape in French: two meetings in Madrid with the same counterpart (border patrols, then World Cup
    // security) and a visit to Rome, each report repeating the minister's line, most of them the topic's background.
    private const string Ligne = "« Nous protégeons ensemble les frontières extérieures de l'Europe et luttons sans relâche contre les passeurs », a déclaré la ministre de l'Intérieur Claire Vautrin.";
    private const string Contexte = "Vautrin plaide depuis des mois auprès des pays voisins pour une coopération renforcée aux frontières et pour le pacte européen sur la migration et l'asile.";

    private static readonly (string Headline, string Body)[] Frontiere =
    [
        ("Vautrin à Madrid : patrouilles communes avec Grande-Marlaska à la frontière",
         $"La ministre de l'Intérieur Claire Vautrin a convenu à Madrid avec son homologue Fernando Grande-Marlaska de patrouilles communes à la frontière des Pyrénées. Dès mars, 300 policiers français et espagnols patrouilleront ensemble à Hendaye et Irun, de part et d'autre de la Bidassoa, et partageront un poste de commandement installé dans l'ancienne gare de péage de Biriatou.\n\n{Ligne}\n\nGrande-Marlaska a affirmé à Madrid que le pont de Behobie serait surveillé jour et nuit.\n\n{Contexte}"),
        ("Patrouilles franco-espagnoles à Hendaye et Irun",
         $"Après une rencontre à Madrid, Vautrin et Fernando Grande-Marlaska ont annoncé des patrouilles communes de 300 policiers à Hendaye et Irun. Les syndicats de police basques réclamaient ce dispositif depuis l'été, après une hausse des passages clandestins par les sentiers de montagne.\n\n{Ligne}\n\nLes contrôles viseront d'abord les autocars venus de Saint-Sébastien, a-t-on indiqué après les entretiens de Madrid."),
    ];

    private static readonly (string Headline, string Body)[] Mondial =
    [
        ("Vautrin et Grande-Marlaska à Madrid : la sécurité de la Coupe du monde 2030",
         $"La ministre de l'Intérieur Claire Vautrin a évoqué à Madrid avec Fernando Grande-Marlaska la sécurité de la Coupe du monde 2030. Vautrin enverra 1.500 gendarmes au stade Santiago-Bernabéu et à Barcelone, où des brigades cynophiles et des équipes de déminage épauleront la police nationale espagnole pendant les matchs.\n\n{Ligne}\n\nGrande-Marlaska a remercié Vautrin à Madrid pour l'aide contre les drones.\n\n{Contexte}"),
        ("1.500 gendarmes français pour le Mondial en Espagne",
         $"Après une rencontre avec Fernando Grande-Marlaska à Madrid, Vautrin a promis 1.500 gendarmes pour la Coupe du monde 2030, déployés au Santiago-Bernabéu et à Barcelone. Les supporters français devront présenter un billet nominatif, et des trains spéciaux partiront de Bordeaux et de Toulouse.\n\n{Ligne}\n\nLes renforts arriveront deux semaines avant le match d'ouverture, a précisé le ministère à Madrid."),
    ];

    private static readonly (string Headline, string Body) Rome2 =
        ("Vautrin rencontre Piantedosi à Rome : désaccord sur le sauvetage en mer",
         $"À Rome, la ministre de l'Intérieur Claire Vautrin s'est entretenue avec le ministre italien Matteo Piantedosi du sauvetage en Méditerranée. Piantedosi a réclamé davantage de relocalisations des migrants débarqués à Lampedusa, où le centre d'accueil compte trois fois plus de personnes que de places depuis le printemps.\n\n{Ligne}\n\nVautrin a proposé à Rome des patrouilles communes et rappelé l'aide apportée à la Sicile.\n\n{Contexte}");

    [Fact]
    public void ThreeVisitsOfOneMinisterInFrenchAreToldApartToo() =>
        ThreeVisitsAreToldApart(Frontiere, Mondial, Rome2, "fr");

    // Two reports each of two meetings in one city (the first dated) and one report of a visit elsewhere, all undated
    // but the first: permissive grouping puts them in one story, and the checks must not let it lend that date.
    private static void ThreeVisitsAreToldApart((string, string)[] first, (string, string)[] second, (string, string) elsewhere, string language)
    {
        var articles = new List<StoryArticle>
        {
            Article(1, first[0], language, new DateOnly(2023, 2, 3)), Article(2, first[1], language),
            Article(3, second[0], language), Article(4, second[1], language), Article(5, elsewhere, language),
        };

        var result = StoryEngine.Group(articles, Permissive);
        var together = StoryEngine.Group(articles, Permissive with { OutlierBelow = 0 });

        together.Stories.Should().ContainSingle("the permissive options put the three visits in one story");
        together.Placements[3].InferredDate.Should().Be(new DateOnly(2023, 2, 3), "unflagged, that story lends the first meeting's date to every visit");
        together.Stories[0].Mixed.Should().BeNull("no fixed level flags it: the check of the lone report is what tells the visits apart");
        result.Stories[result.Placements[5].Story].Articles.Should().Equal([5L], "the visit elsewhere names another counterpart and city: it leaves");
        result.Placements[5].Explanation.Breakdown!.Rule.Should().Be(ScoreBreakdown.Outlier);
        new long[] { 3, 4, 5 }.Select(id => result.Placements[id].InferredDate).Should().AllSatisfy(d => d.Should().BeNull("the first meeting's date is not the other visits'"));
        var meeting = result.Placements[1].Story;
        result.Placements[2].Story.Should().Be(meeting);
        result.Placements[4].Story.Should().Be(result.Placements[3].Story);
        if (result.Placements[3].Story == meeting)
        {
            // Kept together, the two meetings in one city are flagged with a split that tells them apart.
            var split = result.Stories[meeting].Mixed;
            split.Should().NotBeNull("a story of several visits must say it may hold more than one event");
            split!.Keep.Should().Contain([1L, 2L]).And.NotContain([3L, 4L]);
            split.Move.Should().Contain([3L, 4L]);
        }
        else result.Placements[2].InferredDate.Should().Be(new DateOnly(2023, 2, 3), "a story of one visit lends its date");
    }
}
