namespace NewsCompare.Core.Extraction.Html;

/// <summary>What an element's class, id and role say about its part in the page.</summary>
internal enum HintKind
{
    None,
    /// <summary>Names the article or its body ("article-body", "entry-content").</summary>
    Content,
    /// <summary>Page chrome: the removal reason says which kind.</summary>
    Clutter,
    /// <summary>A photo caption or credit.</summary>
    Caption,
    /// <summary>The byline or author box.</summary>
    Byline,
    /// <summary>A date or time stamp.</summary>
    Date,
    /// <summary>The summary under the headline.</summary>
    Standfirst,
}

/// <summary>The reading of one element's class, id and role.</summary>
/// <param name="Positive">Some word names content.</param>
/// <param name="Kind">The strongest non-content reading, or <see cref="HintKind.Content"/> / None.</param>
/// <param name="Reason">For <see cref="HintKind.Clutter"/>: the removal reason.</param>
/// <param name="Hidden">A class that hides the element from sighted readers ("sr-only", "visually-hidden").</param>
internal readonly record struct ElementHint(bool Positive, HintKind Kind, string? Reason, bool Hidden = false)
{
    public static ElementHint Nothing { get; } = new(false, HintKind.None, null);

    public bool IsClutter => Kind == HintKind.Clutter;

    /// <summary>The class weight used in scoring: +25 for content words, -25 for chrome words.</summary>
    public int Weight => (Positive ? 25 : 0) - (Kind == HintKind.Clutter ? 25 : 0);
}

/// <summary>
/// The vocabulary that reads class names, ids and roles. All of the extractor's word lists live here so they
/// can be tuned in one place; none is keyed to a particular site.
/// </summary>
internal static class ElementHints
{
    // Words matched anywhere inside a lower-cased class or id ("sharebar", "post-comments", "relatedLinks").
    private static readonly (string Word, HintKind Kind, string? Reason)[] Fragments =
    [
        ("comment", HintKind.Clutter, RemovalReasons.Comments),
        ("disqus", HintKind.Clutter, RemovalReasons.Comments),
        ("replies", HintKind.Clutter, RemovalReasons.Comments),
        ("share", HintKind.Clutter, RemovalReasons.Share),
        ("sharing", HintKind.Clutter, RemovalReasons.Share),
        ("social", HintKind.Clutter, RemovalReasons.Share),
        ("newsletter", HintKind.Clutter, RemovalReasons.Share),
        ("subscri", HintKind.Clutter, RemovalReasons.Share),
        ("signup", HintKind.Clutter, RemovalReasons.Share),
        ("sign-up", HintKind.Clutter, RemovalReasons.Share),
        ("follow", HintKind.Clutter, RemovalReasons.Share),
        ("login", HintKind.Clutter, RemovalReasons.Login),
        ("signin", HintKind.Clutter, RemovalReasons.Login),
        ("sign-in", HintKind.Clutter, RemovalReasons.Login),
        ("register", HintKind.Clutter, RemovalReasons.Login),
        ("paywall", HintKind.Clutter, RemovalReasons.Login),
        ("related", HintKind.Clutter, RemovalReasons.Spillover),
        ("recommend", HintKind.Clutter, RemovalReasons.Spillover),
        ("recirc", HintKind.Clutter, RemovalReasons.Spillover),
        ("trending", HintKind.Clutter, RemovalReasons.Spillover),
        ("popular", HintKind.Clutter, RemovalReasons.Spillover),
        ("readmore", HintKind.Clutter, RemovalReasons.Spillover),
        ("read-more", HintKind.Clutter, RemovalReasons.Spillover),
        ("more-stories", HintKind.Clutter, RemovalReasons.Spillover),
        ("outbrain", HintKind.Clutter, RemovalReasons.Spillover),
        ("taboola", HintKind.Clutter, RemovalReasons.Spillover),
        ("next-post", HintKind.Clutter, RemovalReasons.Spillover),
        ("prev-post", HintKind.Clutter, RemovalReasons.Spillover),
        ("pagination", HintKind.Clutter, RemovalReasons.Navigation),
        ("sidebar", HintKind.Clutter, RemovalReasons.Spillover),
        ("advert", HintKind.Clutter, RemovalReasons.Advert),
        ("sponsor", HintKind.Clutter, RemovalReasons.Advert),
        ("promo", HintKind.Clutter, RemovalReasons.Advert),
        ("banner", HintKind.Clutter, RemovalReasons.Advert),
        ("dfp", HintKind.Clutter, RemovalReasons.Advert),
        ("gpt-", HintKind.Clutter, RemovalReasons.Advert),
        ("skyscraper", HintKind.Clutter, RemovalReasons.Advert),
        ("cookie", HintKind.Clutter, RemovalReasons.Advert),
        ("consent", HintKind.Clutter, RemovalReasons.Advert),
        ("gdpr", HintKind.Clutter, RemovalReasons.Advert),
        ("footer", HintKind.Clutter, RemovalReasons.Footer),
        ("copyright", HintKind.Clutter, RemovalReasons.Footer),
        ("breadcrumb", HintKind.Clutter, RemovalReasons.Navigation),
        ("navbar", HintKind.Clutter, RemovalReasons.Navigation),
        ("navigation", HintKind.Clutter, RemovalReasons.Navigation),
        ("menu", HintKind.Clutter, RemovalReasons.Navigation),
        ("masthead", HintKind.Clutter, RemovalReasons.Navigation),
        ("skip-link", HintKind.Clutter, RemovalReasons.Navigation),
        ("topics", HintKind.Clutter, RemovalReasons.Navigation),
        ("widget", HintKind.Clutter, RemovalReasons.Widget),
        ("toolbar", HintKind.Clutter, RemovalReasons.Widget),
        ("rating", HintKind.Clutter, RemovalReasons.Widget),
        ("reaction", HintKind.Clutter, RemovalReasons.Widget),
        ("popup", HintKind.Clutter, RemovalReasons.Furniture),
        ("modal", HintKind.Clutter, RemovalReasons.Furniture),
        ("tooltip", HintKind.Clutter, RemovalReasons.Furniture),
        ("caption", HintKind.Caption, null),
        ("credit", HintKind.Caption, null),
        ("byline", HintKind.Byline, null),
        ("author", HintKind.Byline, null),
        ("contributor", HintKind.Byline, null),
        ("dateline", HintKind.Date, null),
        ("timestamp", HintKind.Date, null),
        ("publish", HintKind.Date, null),
        ("standfirst", HintKind.Standfirst, null),
        ("subtitle", HintKind.Standfirst, null),
        ("sub-title", HintKind.Standfirst, null),
        ("subhead", HintKind.Standfirst, null),
        ("strapline", HintKind.Standfirst, null),
        ("summary", HintKind.Standfirst, null),
        ("excerpt", HintKind.Standfirst, null),
        ("teaser", HintKind.Standfirst, null),
    ];

    // Whole class names or ids, or whole parts of them split at '-' and '_' ("ad", "article-tags").
    private static readonly Dictionary<string, (HintKind Kind, string? Reason)> Tokens = new(StringComparer.Ordinal)
    {
        ["ad"] = (HintKind.Clutter, RemovalReasons.Advert),
        ["ads"] = (HintKind.Clutter, RemovalReasons.Advert),
        ["adv"] = (HintKind.Clutter, RemovalReasons.Advert),
        ["adslot"] = (HintKind.Clutter, RemovalReasons.Advert),
        ["nav"] = (HintKind.Clutter, RemovalReasons.Navigation),
        ["rail"] = (HintKind.Clutter, RemovalReasons.Spillover),
        ["respond"] = (HintKind.Clutter, RemovalReasons.Comments),
        ["tags"] = (HintKind.Clutter, RemovalReasons.Navigation),
        ["tag"] = (HintKind.Clutter, RemovalReasons.Navigation),
        ["keywords"] = (HintKind.Clutter, RemovalReasons.Navigation),
        ["print"] = (HintKind.Clutter, RemovalReasons.Share),
        ["email"] = (HintKind.Clutter, RemovalReasons.Share),
        ["bio"] = (HintKind.Byline, null),
        ["date"] = (HintKind.Date, null),
        ["time"] = (HintKind.Date, null),
        ["meta"] = (HintKind.Date, null),
        ["dek"] = (HintKind.Standfirst, null),
        ["deck"] = (HintKind.Standfirst, null),
    };

    // Words naming content: they protect an element from being taken for chrome while choosing the body.
    private static readonly string[] ContentFragments =
        ["article", "content", "entry", "post", "story", "body", "text", "main", "blog", "prose", "hentry"];

    // Screen-reader-only and visually hidden helpers: whole class names only.
    private static readonly HashSet<string> HiddenClasses = new(StringComparer.Ordinal)
    {
        "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "a11y-hidden",
        "u-hidden", "is-hidden", "hidden", "hide", "offscreen",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["navigation"] = RemovalReasons.Navigation,
        ["menu"] = RemovalReasons.Navigation,
        ["menubar"] = RemovalReasons.Navigation,
        ["banner"] = RemovalReasons.Navigation,
        ["search"] = RemovalReasons.Navigation,
        ["complementary"] = RemovalReasons.Spillover,
        ["contentinfo"] = RemovalReasons.Footer,
        ["dialog"] = RemovalReasons.Furniture,
        ["alertdialog"] = RemovalReasons.Furniture,
    };

    /// <summary>Short lines inside a body that are page furniture, not prose, matched at the start of a line.</summary>
    internal static readonly (string Start, string Reason)[] BoilerplateStarts =
    [
        ("advertisement", RemovalReasons.Advert),
        ("advert", RemovalReasons.Advert),
        ("this slideshow requires javascript", RemovalReasons.Furniture),
        ("sponsored", RemovalReasons.Advert),
        ("story continues below", RemovalReasons.Advert),
        ("article continues below", RemovalReasons.Advert),
        ("continue reading below", RemovalReasons.Advert),
        ("read more", RemovalReasons.Spillover),
        ("also on ", RemovalReasons.Spillover),
        ("like this story", RemovalReasons.Share),
        ("read next", RemovalReasons.Spillover),
        ("read also", RemovalReasons.Spillover),
        ("also read", RemovalReasons.Spillover),
        ("related:", RemovalReasons.Spillover),
        ("related stories", RemovalReasons.Spillover),
        ("related articles", RemovalReasons.Spillover),
        ("recommended", RemovalReasons.Spillover),
        ("more from", RemovalReasons.Spillover),
        ("see also", RemovalReasons.Spillover),
        ("share this", RemovalReasons.Share),
        ("share on", RemovalReasons.Share),
        ("share:", RemovalReasons.Share),
        ("follow us", RemovalReasons.Share),
        ("follow me", RemovalReasons.Share),
        ("sign up", RemovalReasons.Share),
        ("subscribe", RemovalReasons.Share),
        ("subscribe to", RemovalReasons.Share),
        ("subscribe now", RemovalReasons.Share),
        ("click here to subscribe", RemovalReasons.Share),
        ("get our newsletter", RemovalReasons.Share),
        ("log in", RemovalReasons.Login),
        ("sign in", RemovalReasons.Login),
        ("leave a comment", RemovalReasons.Comments),
        ("comments", RemovalReasons.Comments),
        ("tags:", RemovalReasons.Navigation),
        ("filed under", RemovalReasons.Navigation),
    ];

    /// <summary>Starts of photo credit and caption lines set as ordinary paragraphs: they go to the captions.</summary>
    internal static readonly string[] CreditStarts =
        ["photo:", "photos:", "image:", "images:", "image source:", "image caption:", "credit:", "photograph:", "picture:", "foto:", "pictured:"];

    // The fragments (content words included) grouped by their first two letters, so one pass over a name finds them all.
    private static readonly (string Word, HintKind Kind, string? Reason)[][] FragmentsByLetter = GroupByLetter();

    private static readonly Dictionary<string, (HintKind Kind, string? Reason)>.AlternateLookup<ReadOnlySpan<char>> TokenLookup =
        Tokens.GetAlternateLookup<ReadOnlySpan<char>>();

    private static (string, HintKind, string?)[][] GroupByLetter()
    {
        var all = Fragments.Concat(ContentFragments.Select(w => (w, HintKind.Content, (string?)null))).ToList();
        return Enumerable.Range(0, 26 * 26).Select(i => all.Where(f => Pair(f.Item1[0], f.Item1[1]) == i).ToArray()).ToArray();
    }

    /// <summary>Buttons of photo galleries and captions, whole lines.</summary>
    internal static readonly HashSet<string> GalleryControls = new(StringComparer.Ordinal)
    {
        "caption", "close", "expand", "enlarge", "fullscreen", "full screen", "previous", "prev", "next", "back to gallery",
        "view gallery", "open gallery", "hide caption", "show caption", "toggle caption", "zoom", "play", "pause",
    };

    /// <summary>Reads a class attribute, an id, a role and a microdata itemprop into one hint; null or empty parts are fine.</summary>
    public static ElementHint Read(string? className, string? id, string? role, string? itemProp = null)
    {
        var hidden = IsHiddenClass(className);
        if (role is not null && Roles.TryGetValue(role.Trim(), out var roleReason))
            return new ElementHint(false, HintKind.Clutter, roleReason, hidden);
        // role="main" / "article" and microdata's itemprop="articleBody" name the content outright.
        var positive = role is not null && (role.Trim().Equals("main", StringComparison.OrdinalIgnoreCase) || role.Trim().Equals("article", StringComparison.OrdinalIgnoreCase));
        var kind = HintKind.None;
        string? reason = null;
        Scan(className, ref positive, ref kind, ref reason);
        Scan(id, ref positive, ref kind, ref reason);
        Scan(itemProp, ref positive, ref kind, ref reason);
        // An embedded post (a tweet, an Instagram card) quoted by the article is the article's content.
        if (IsEmbed(className) || IsEmbed(id)) return new ElementHint(true, HintKind.Content, null, hidden);
        if (kind == HintKind.None && positive) kind = HintKind.Content;
        return new ElementHint(positive, kind, reason, hidden);
    }

    private static bool IsEmbed(string? value) =>
        value is not null && (value.Contains("embed", StringComparison.OrdinalIgnoreCase) || value.Contains("tweet", StringComparison.OrdinalIgnoreCase)
                              || value.Contains("instagram-media", StringComparison.OrdinalIgnoreCase));

    private static bool IsHiddenClass(string? className)
    {
        if (string.IsNullOrEmpty(className)) return false;
        foreach (var part in className.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (HiddenClasses.Contains(part.ToLowerInvariant())) return true;
        return false;
    }

    private static void Scan(string? value, ref bool positive, ref HintKind kind, ref string? reason)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var lower = value.ToLowerInvariant().AsSpan();
        var tokenStart = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            var c = i < lower.Length ? lower[i] : ' ';
            if (c is ' ' or '-' or '_' or '\t' or '\n' or '\r')
            {
                if (i > tokenStart && TokenLookup.TryGetValue(lower[tokenStart..i], out var hit)) Take(hit.Kind, hit.Reason, ref kind, ref reason);
                tokenStart = i + 1;
                continue;
            }
            if (i + 1 >= lower.Length || Pair(c, lower[i + 1]) is not (>= 0 and var pair)) continue;
            var rest = lower[i..];
            foreach (var (word, k, r) in FragmentsByLetter[pair])
            {
                if (!rest.StartsWith(word.AsSpan())) continue;
                if (k == HintKind.Content) positive = true;
                else Take(k, r, ref kind, ref reason);
            }
        }
    }

    private static int Pair(char first, char second) =>
        first is >= 'a' and <= 'z' && second is >= 'a' and <= 'z' ? (first - 'a') * 26 + (second - 'a') : -1;

    // Clutter outranks the softer readings: a "post-share-author" box is a share bar.
    private static void Take(HintKind k, string? r, ref HintKind kind, ref string? reason)
    {
        if (k == HintKind.None) return;
        if (kind == HintKind.Clutter) return;
        if (k == HintKind.Clutter || kind == HintKind.None) { kind = k; reason = r; }
    }
}
