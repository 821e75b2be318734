namespace NewsCompare.Core.Tests.Extraction.Text;

/// <summary>
/// Synthetic plain-text captures, written for these tests: one invented article about a town's new bridge, and the
/// kinds of page clutter a "select all, copy" brings with it. Paragraphs are separated by blank lines and menus
/// are not, as browsers copy them.
/// </summary>
internal static class TextFixtures
{
    public const string Headline = "Bridgeton council approves new river crossing after years of delay";

    public const string FirstParagraph =
        "The Bridgeton town council on Tuesday approved plans for a new road bridge over the Lark river, ending a dispute over the crossing that has lasted almost a decade.";

    public const string ShortParagraph = "The vote was unanimous.";

    public const string LastParagraph =
        "Construction is due to start next spring, and the council expects the bridge over the Lark to open to traffic before the end of the following year.";

    public static readonly string[] Paragraphs =
    [
        FirstParagraph,
        "Councillors voted after a three-hour meeting in which residents of both river banks spoke for and against the bridge, which will carry two lanes of traffic and a cycle path.",
        ShortParagraph,
        "Mayor Helen Ashdown said the decision would cut the journey between the two halves of Bridgeton from forty minutes to less than ten, and would relieve the old stone bridge in the town centre.",
        "Opponents of the plan, led by the Lark Valley Society, argue that the new crossing will bring heavy lorries through the meadows on the northern bank and damage the river's wildlife.",
        "The society said it would study the council's decision before deciding whether to challenge it in court, as it did with an earlier version of the plan in 2019.",
        "The bridge is expected to cost 48 million pounds, most of it paid by a regional transport fund, with the rest raised by the town council over the next twenty years.",
        LastParagraph,
    ];

    /// <summary>The article's body as a browser copies it: paragraphs with blank lines between them.</summary>
    public static string Body => string.Join("\n\n", Paragraphs);

    public static string Capture(string before, string after) => $"{before}\n\n{Headline}\n\n{Body}\n\n{after}\n";

    public const string SkipLinksAndMenu = """
        Skip to main content
        Skip to navigation
        Menu
        Home
        News
        World
        Politics
        Business
        Sport
        Culture
        Weather
        Search
        """;

    public const string Breadcrumbs = """
        Home › News › Local
        News / Bridgeton / Transport
        """;

    public const string ShareSubscribeLogin = """
        Share
        Facebook
        Twitter
        WhatsApp
        Share this article
        Subscribe to our newsletter
        Sign in
        Register
        """;

    public const string ReadTime = """
        5 min read
        Reading time: 3 minutes
        """;

    public const string ReactionAndRating = """
        What do you think?
        Like
        12
        Love
        3
        Angry
        0
        Average Rating
        5 Star
        80%
        4 Star
        20%
        """;

    public const string CommentForm = """
        Leave a Reply

        Your email address will not be published. Required fields are marked *

        Comment
        Name *
        Email *
        Website
        Post Comment
        """;

    public const string NextPostAndTopStories = """
        Next Post

        Local bakery wins national award for its sourdough loaf

        Top Stories

        Scientists say the northern lights could be visible across much of the country this weekend as a strong solar storm reaches the Earth.

        A famous racing pigeon has been found safe and well four hundred miles from home after going missing during a race in June.

        The price of coffee beans has risen to its highest level in a decade because of poor harvests in several growing regions.
        """;

    public const string FooterAndAlternateAddresses = """
        This website can also be accessed at the following alternate addresses:
        www.bridgeton-gazette.example
        © 2024 Bridgeton Gazette Ltd. All rights reserved.
        Privacy Policy
        Terms of Use
        Contact us
        """;

    public const string SpamLine = "Best online casino bonus codes, play slots now";

    public const string ForeignScriptChrome = """
        Заголовок открываемого материала
        فتح القائمة
        """;

    /// <summary>An article in a script written without spaces between words, with its page chrome.</summary>
    public const string Chinese = """
        首页
        新闻
        国际
        体育

        城市议会批准修建新的跨河大桥

        记者 王明

        2024年3月12日

        市议会周二批准了在拉克河上修建一座新公路桥的计划，结束了一场持续近十年的争论。议员们在长达三个小时的会议后进行了投票。

        市长表示，这一决定将把城市两部分之间的行程从四十分钟缩短到不到十分钟，并将减轻市中心老石桥的交通压力。

        反对者认为，新桥将使重型卡车穿过北岸的草地，并破坏河流的野生动物。该协会表示将研究议会的决定。

        投票结果是一致通过。

        大桥预计耗资四千八百万英镑，其中大部分由地区交通基金支付，其余部分由市议会在未来二十年内筹集。

        相关新闻
        另一座城市的图书馆将在下个月重新开放
        """;

    /// <summary>A short blog post with its sidebar, comment form and a paragraph of prose about the site.</summary>
    public const string BlogPost = """
        Skip to content
        My Garden Blog
        Home
        About
        Contact

        Why my tomatoes split this summer

        Posted on July 3, 2023 by Anna Green

        This summer almost every tomato in my greenhouse split just before it was ripe, and after some reading I think I know why it happened.

        Tomatoes split when they take up a lot of water quickly after a dry spell, because the flesh grows faster than the skin can stretch. I had been away for a week in June and the plants went dry.

        When I came back I watered them heavily, and within three days the fruit on every plant had cracked. Next year I will set up a timer so that the watering stays even while I am away.

        Share this:
        Facebook
        Twitter
        Like this:
        Like Loading...
        Related

        Leave a Reply
        Your email address will not be published. Required fields are marked *

        Recent Posts
        How I built a raised bed from old pallets
        Ten herbs that grow well on a windowsill
        Categories
        Vegetables
        Herbs
        Archives
        June 2023
        May 2023

        My Garden Blog is a personal website about growing vegetables and herbs in a small suburban garden, written by a keen amateur gardener who has been growing food for her family for more than twenty years and shares what works and what does not.

        © 2023 My Garden Blog. All rights reserved.
        Powered by WordPress
        """;

    /// <summary>A news page with a "Most Read" box above the headline and a standfirst without a full stop.</summary>
    public const string NewsPage = """
        Sign in
        Subscribe
        Menu
        World
        UK
        Business
        Most Read
        1
        Prime minister faces vote of confidence
        2
        Storm Ciara: flights cancelled across Europe
        3
        Football club fined over crowd trouble

        Floods hit northern towns as river bursts its banks

        Hundreds of homes were evacuated overnight after the river Tame burst its banks

        By John Smith, Environment correspondent
        14 February 2024

        Image caption: Residents were moved to a school hall
        Hundreds of homes in northern England were evacuated overnight after the river Tame burst its banks following two days of heavy rain.

        The Environment Agency issued three severe flood warnings, meaning there is a danger to life, for towns along the river.

        "We have never seen the water this high," said resident Mary Jones, who was rescued from her home by boat.

        Advertisement

        Rescue teams worked through the night, and the fire service said it had taken more than two hundred people to safety.

        More rain is forecast for the weekend, and the agency warned that river levels could rise again.

        Related Topics
        Flooding
        Weather
        More on this story
        Flood warnings issued across the north
        14 February 2024
        """;

    /// <summary>Every fixture whose lines must all be accounted for.</summary>
    public static IEnumerable<(string Name, string Text)> All()
    {
        yield return ("menus", Capture(SkipLinksAndMenu, FooterAndAlternateAddresses));
        yield return ("breadcrumbs", Capture(Breadcrumbs, ""));
        yield return ("share", $"{SkipLinksAndMenu}\n\n{Headline}\n\n{ShareSubscribeLogin}\n\n{Body}\n");
        yield return ("read-time", $"{Headline}\n\nBy Jane Doe\n{ReadTime}\n\n{Body}\n");
        yield return ("widgets", Capture("", ReactionAndRating + "\n\n" + CommentForm));
        yield return ("spillover", Capture(SkipLinksAndMenu, NextPostAndTopStories));
        yield return ("spam", Capture(SpamLine + "\n中文娱乐城博彩\n" + SkipLinksAndMenu, ForeignScriptChrome));
        yield return ("chinese", Chinese);
        yield return ("blog", BlogPost);
        yield return ("news", NewsPage);
        yield return ("clutter-only", SkipLinksAndMenu + "\n" + ShareSubscribeLogin + "\n" + FooterAndAlternateAddresses);
        yield return ("windows-newlines", Capture(SkipLinksAndMenu, CommentForm).Replace("\n", "\r\n", StringComparison.Ordinal));
    }
}
