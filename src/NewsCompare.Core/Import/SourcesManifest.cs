using System.Globalization;
using System.Text.Json;

namespace NewsCompare.Core.Import;

/// <summary>One entry of a sources manifest: what is known about a capture file from where it was taken.</summary>
internal sealed record SourceEntry(string File, string? Url, DateOnly? Published, string? Outlet, string? Problem);

/// <summary>A sources manifest that cannot be read; the message names the manifest and the reason.</summary>
internal sealed class ManifestException(string message) : Exception(message);

/// <summary>
/// Reads a sources manifest: a JSON list of <c>{"file", "url", "published"?, "outlet"?}</c> whose file names are
/// relative to the manifest's folder.
/// </summary>
internal static class SourcesManifest
{
    public const string FileName = "sources.json";

    public static bool IsManifestName(string path) =>
        string.Equals(Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);

    public static List<SourceEntry> Parse(ReadOnlySpan<byte> json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ManifestException($"{name}: malformed sources manifest: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new ManifestException($"{name}: malformed sources manifest: expected a JSON list of {{file, url, published?, outlet?}}");
            var entries = new List<SourceEntry>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object || String(item, "file") is not { } file)
                    throw new ManifestException($"{name}: malformed sources manifest: entry {index} has no \"file\"");
                var published = String(item, "published");
                DateOnly? date = null;
                string? problem = null;
                if (published is not null)
                {
                    date = ParseDate(published);
                    if (date is null) problem = $"{name}: entry {index}: \"published\" is not a date: \"{published}\" (ignored)";
                }
                entries.Add(new SourceEntry(file, String(item, "url"), date, String(item, "outlet"), problem));
            }
            return entries;
        }
    }

    private static string? String(JsonElement item, string property)
    {
        foreach (var p in item.EnumerateObject())
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                return string.IsNullOrWhiteSpace(p.Value.GetString()) ? null : p.Value.GetString()!.Trim();
        return null;
    }

    private static DateOnly? ParseDate(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.DateTime) : null;
    }
}
