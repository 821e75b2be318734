namespace NewsCompare.Core.Extraction;

/// <summary>
/// The reasons a line is dropped as clutter. They are stored with each dropped line and shown to readers,
/// so they are stable codes with a plain-language description.
/// </summary>
public static class RemovalReasons
{
    /// <summary>Skip links, menus, section labels and breadcrumbs.</summary>
    public const string Navigation = "navigation";
    /// <summary>Share, follow, subscribe and newsletter prompts.</summary>
    public const string Share = "share";
    /// <summary>Sign-in, registration and account prompts.</summary>
    public const string Login = "login";
    /// <summary>Read-time, rating, reaction and counter widgets.</summary>
    public const string Widget = "widget";
    /// <summary>Comment forms and comment threads.</summary>
    public const string Comments = "comments";
    /// <summary>Other articles spilling into the capture: next post, top stories, related links.</summary>
    public const string Spillover = "spillover";
    /// <summary>Site footers, copyright lines and alternate-address notices.</summary>
    public const string Footer = "footer";
    /// <summary>Advertising, sponsored and cookie notices.</summary>
    public const string Advert = "advert";
    /// <summary>Spam injected into the page (gambling, adult, SEO lines).</summary>
    public const string Spam = "spam";
    /// <summary>Page chrome in another script than the article's.</summary>
    public const string ForeignScript = "foreign-script";
    /// <summary>A line that repeats one already kept.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>Short page furniture that fits none of the above (labels, counters, stray fragments).</summary>
    public const string Furniture = "furniture";

    /// <summary>A sentence describing <paramref name="reason"/> for readers.</summary>
    public static string Describe(string reason) => reason switch
    {
        Navigation => "Menu, skip link, section label or breadcrumb",
        Share => "Share, follow or subscribe prompt",
        Login => "Sign-in or registration prompt",
        Widget => "Read-time, rating or reaction widget",
        Comments => "Comment form or thread",
        Spillover => "Another article spilling into the page (next post, top stories, related)",
        Footer => "Site footer, copyright or alternate-address notice",
        Advert => "Advertising, sponsored or cookie notice",
        Spam => "Spam injected into the page",
        ForeignScript => "Page chrome in another script than the article's",
        Duplicate => "Repeats a line already kept",
        Furniture => "Page furniture: a label, counter or stray fragment",
        _ => reason,
    };
}
