using System.Reflection;
using System.Text;

namespace NewsCompare.Core;

/// <summary>
/// The data files built into Core (word lists, learned weights, schema scripts), found by how their resource name
/// ends or what it contains, and read as UTF-8.
/// </summary>
internal static class EmbeddedFiles
{
    private static readonly Assembly Core = typeof(EmbeddedFiles).Assembly;

    /// <summary>The one resource whose name ends with <paramref name="suffix"/>, or null when the build has none.</summary>
    public static string? Find(string suffix) =>
        Core.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal));

    /// <summary>The one resource whose name ends with <paramref name="suffix"/>; a build without it is broken.</summary>
    public static string Require(string suffix) =>
        Find(suffix) ?? throw new InvalidOperationException($"Core was built without its data file '{suffix}'.");

    /// <summary>Every resource whose name contains <paramref name="part"/> (a folder: ".Text.StopWords."), in name order.</summary>
    public static IEnumerable<string> Under(string part) =>
        Core.GetManifestResourceNames().Where(n => n.Contains(part, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Opens a resource by its full name.</summary>
    public static Stream Open(string name) =>
        Core.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Core has no data file '{name}'.");

    /// <summary>Opens a resource by its full name as UTF-8 text.</summary>
    public static StreamReader OpenText(string name) => new(Open(name), Encoding.UTF8);

    /// <summary>The whole text of a resource.</summary>
    public static string ReadText(string name)
    {
        using var reader = OpenText(name);
        return reader.ReadToEnd();
    }
}
