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
    /// slash; scheme, query and fragment dropped. Null when <paramref name="url"/> is not an address.
    /// </summary>
    public static string? UrlKey(string? url)
    {
        if (Parse(url) is not { } uri) return null;
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        return Bare(uri.Host) + path;
    }
}
