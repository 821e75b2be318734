namespace NewsCompare.Core.Metadata;

/// <summary>Host names and addresses reduced to the forms the registry and version matching compare.</summary>
internal static class Hosts
{
    /// <summary>"WWW.Example.com." becomes "example.com".</summary>
    public static string Bare(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        return h.StartsWith("www.", StringComparison.Ordinal) ? h[4..] : h;
    }

    /// <summary>The address as an absolute http(s) URI, or null when it is not one.</summary>
    public static Uri? Parse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var trimmed = url.Trim();
        if (!trimmed.Contains("://", StringComparison.Ordinal)) trimmed = "https://" + trimmed.TrimStart('/');
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
               && uri.Host.Contains('.', StringComparison.Ordinal) && uri.UserInfo.Length == 0
            ? uri : null;
    }

    /// <summary>The host of <paramref name="url"/> without "www.", or null.</summary>
    public static string? HostOf(string? url) => Parse(url) is { } uri ? Bare(uri.Host) : null;

    /// <summary>
    /// The key that identifies "the same address" across captures: host without www, path without a trailing
    /// slash, and the query parameters that identify the page (<c>?arid=11165129</c> names one article of many), sorted
    /// by name; scheme, fragment and tracking parameters (<c>utm_*</c>, <c>fbclid</c>, <c>gclid</c>…) are dropped.
    /// Null when <paramref name="url"/> is not an address.
    /// </summary>
    public static string? UrlKey(string? url)
    {
        if (Parse(url) is not { } uri) return null;
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p.Replace('+', ' ')))
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal));
        return Bare(uri.Host) + path + (query.Length == 0 ? "" : "?" + query);
    }

    /// <summary>Parameters that say how a reader arrived (campaign, click and share ids), never which page they read.</summary>
    public static bool IsTracking(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n.Length == 0 || n.StartsWith("utm", StringComparison.Ordinal) || n.StartsWith("at_", StringComparison.Ordinal)
               || n.StartsWith("_hs", StringComparison.Ordinal) || TrackingNames.Contains(n);
    }

    private static readonly HashSet<string> TrackingNames = new(StringComparer.Ordinal)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "li_fat_id",
        "mc_cid", "mc_eid", "_ga", "_gl", "mkt_tok", "ocid", "cmpid", "cmp", "icid", "ncid", "smid", "s_cid", "sr_share",
        "ref_src", "ref_url", "share", "spm", "vero_id", "wt_mc", "xtor", "guccounter", "guce_referrer", "guce_referrer_sig",
    };
}
