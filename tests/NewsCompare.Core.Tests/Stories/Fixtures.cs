namespace NewsCompare.Core.Tests.Stories;

/// <summary>Synthetic news texts for the grouping tests (invented events, written for these tests).</summary>
internal static class Fixtures
{
    // Two meetings of the same officials months apart, reported with the same recurring quote.
    public const string RecurringQuote = "\"We will deepen our coordination against the campaign to contain both our nations, and we support each other on Taiwan, Tibet and Hong Kong,\" Volkov said.";

    public static (string Headline, string Body) FirstMeeting(int variant) => variant switch
    {
        0 => ("Volkov hosts Minister Lian in Kazan ahead of grain corridor talks",
              "KAZAN - Security chief Dmitri Volkov on Tuesday hosted Chinese envoy Lian Pei in Kazan, where the two discussed the Volga grain corridor and a new rail terminal at Sviyazhsk.\n\n" + RecurringQuote +
              "\n\nLian is due to travel to Samara on Thursday to sign the rail terminal agreement worth 4.2 billion yuan, officials in Kazan said.\n\nThe Kazan talks follow a flood in the Tatarstan region that damaged the Sviyazhsk rail line."),
        1 => ("Beijing's man in Kazan: Lian pushes Volga grain route",
              "Visiting the Tatar capital, Lian Pei sat down with Russia's security chief for about two hours, according to a readout published by Volkov's office in Kazan.\n\nBeijing wants the Sviyazhsk terminal rebuilt quickly after this spring's Tatarstan flood washed out the line; the 4.2 billion yuan plan would double grain shipments along the Volga corridor.\n\n" + RecurringQuote +
              "\n\nA signing ceremony is pencilled in for Samara later this week."),
        _ => ("Kazan talks: Volkov and Lian back Sviyazhsk rail terminal",
              "Talks in Kazan between Dmitri Volkov and visiting envoy Lian Pei focused on the grain corridor along the Volga and on repairing the Sviyazhsk line after the Tatarstan flood.\n\nA 4.2 billion yuan agreement on the rail terminal is expected in Samara on Thursday, Lian's office said."),
    };

    public static (string Headline, string Body) SecondMeeting(int variant) => variant switch
    {
        0 => ("Volkov receives Lian in Vladivostok, eyes Arctic shipping pact",
              "VLADIVOSTOK - Dmitri Volkov on Monday received Chinese envoy Lian Pei in Vladivostok for talks on an Arctic shipping pact and the Zarubino port expansion.\n\n" + RecurringQuote +
              "\n\nThe two men are expected to attend the Eastern Economic Forum on Wednesday, where the Zarubino deal for 80 icebreaker-class vessels may be announced."),
        _ => ("Arctic shipping and Zarubino port top Volkov-Lian talks in Vladivostok",
              "Lian Pei and Dmitri Volkov discussed the Arctic shipping pact in Vladivostok on Monday, officials said, ahead of the Eastern Economic Forum.\n\nA deal on 80 icebreaker-class vessels and the Zarubino port expansion could be signed at the forum on Wednesday.\n\n" + RecurringQuote),
    };

    /// <summary>A third meeting of the topic: the same security chief and the same line, another counterpart and city.</summary>
    public static (string Headline, string Body) ThirdMeeting() =>
        ("Volkov in Xiamen: security chief seeks closer ties with Beijing",
         "XIAMEN - Russia's security chief Dmitri Volkov, on a visit to China, met party official Shen Hao in Xiamen on Monday and called closer coordination with Beijing a priority.\n\n" + RecurringQuote +
         "\n\nVolkov and Shen agreed to share information on cyber threats and on extremist groups, Volkov's office said after the Xiamen talks.");

    /// <summary>
    /// Unrelated coverage (weather, markets, sport, courts…) so that how rare a word is means something, as it does
    /// in any real collection. Deterministic.
    /// </summary>
    public static IEnumerable<(string Headline, string Body)> Background(int count)
    {
        string[] places = ["Porto Alegre", "Valparaiso", "Brittany", "Osaka", "Nairobi", "Leeds", "Gdansk", "Tucson", "Hobart", "Bergen", "Cordoba", "Tbilisi"];
        string[] people = ["Maria Okafor", "Tomas Reyes", "Hanna Lind", "Kenji Mori", "Aisha Bello", "Pavel Dusek", "Grace Tan", "Omar Haddad", "Lena Vogt", "Rui Costa"];
        (string Topic, string Text)[] topics =
        [
            ("flood", "Heavy rain flooded {0} on {2}, closing {3} schools as the river rose to a record, mayor {1} said."),
            ("rates", "The central bank in {0} held its benchmark rate at {3} basis points, governor {1} told reporters on {2}."),
            ("storm", "A storm cut power to {3} thousand homes around {0} on {2}, grid operator spokesperson {1} said."),
            ("match", "{1} scored twice as {0} won the cup final {3} to 1 on {2} in front of a sold-out stadium."),
            ("trial", "A court in {0} jailed former mayor {1} for {3} years on {2} over a housing bribery scheme."),
            ("strike", "Dock workers in {0} began a {3}-day strike on {2}, union leader {1} said, halting container traffic."),
            ("vaccine", "Health officials in {0} opened {3} new vaccination centres on {2}, minister {1} announced."),
            ("fire", "Firefighters battled a forest fire near {0} that burned {3} hectares by {2}, chief {1} said."),
        ];
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        for (var i = 0; i < count; i++)
        {
            var (topic, text) = topics[i % topics.Length];
            var place = places[(i * 5 + i / topics.Length) % places.Length];
            var person = people[(i * 3 + 1) % people.Length];
            var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, text, place, person, days[i % days.Length], 12 + i * 7);
            yield return ($"{place}: {topic} news", body);
        }
    }

    /// <summary>Other coverage of the same two officials (so their names are, as in any real store, common).</summary>
    public static IEnumerable<(string Headline, string Body)> SameOfficialsElsewhere()
    {
        yield return ("Volkov warns of sabotage risk at Baltic ports", "Security chief Dmitri Volkov said on Friday that Baltic ports faced a higher sabotage risk and ordered new patrols in Ust-Luga.");
        yield return ("Lian Pei named envoy for Eurasian affairs", "Beijing appointed veteran diplomat Lian Pei as its special envoy for Eurasian affairs, the foreign ministry said.");
        yield return ("Volkov and Lian speak by phone on Afghanistan", "Dmitri Volkov and Chinese envoy Lian Pei discussed Afghanistan and border security in a phone call, Volkov's office said.");
        yield return ("Lian Pei visits Astana for energy talks", "Chinese envoy Lian Pei held energy talks in Astana with Kazakh officials about a gas pipeline extension.");
        yield return ("Volkov's deputy resigns after audit", "A deputy of security chief Dmitri Volkov resigned in Moscow after an audit of procurement contracts, the agency said.");
        yield return ("Volkov meets Indian adviser in Delhi", "Dmitri Volkov met India's national security adviser in Delhi to discuss counter-terrorism and arms deliveries.");
    }

    /// <summary>
    /// Two events of one labour dispute, weeks apart, told with the same port, union, leader and grievance: the end of
    /// a strike, then the threat of a new one over cranes.
    /// </summary>
    public static (string Headline, string Body)[] PortDispute(bool second) => second
        ?
        [
            ("Union threatens walkout over automated cranes",
             "The dockers' union in Ostrava threatened a new strike on Tuesday over automated cranes, Jana Novak said.\n\n" +
             "The cranes, bought from a Finnish maker for 60 million euros, would cut two hundred jobs on the container quay."),
            ("Finnish cranes would cost two hundred quay jobs, union warns",
             "Automated cranes ordered from a Finnish maker for 60 million euros would cost two hundred jobs on the container quay, Jana Novak warned on Tuesday."),
        ]
        :
        [
            ("Ostrava dockers end harbour strike after pay offer",
             "Dockers in Ostrava voted on Friday to end the three-week harbour strike after the union accepted a pay offer of nine percent from the port authority.\n\n" +
             "Union leader Jana Novak said night shifts would resume at the grain terminal on Monday and the backlog of 40 ships would clear within days.\n\nThe strike had halted grain exports along the Oder canal."),
            ("Harbour strike over as Ostrava dockers accept nine percent",
             "The Ostrava harbour strike ended on Friday when dockers accepted the port authority's nine percent pay offer, union leader Jana Novak said.\n\n" +
             "The grain terminal reopens for night shifts on Monday; 40 ships are waiting to load, and grain exports on the Oder canal should resume next week."),
        ];
}
