using System.IO.Compression;

namespace NewsCompare.Web.Tests.Infrastructure;

/// <summary>Synthetic captures for upload tests: articles the real extractor reads as articles, and zips of them.</summary>
public static class Captures
{
    /// <summary>A capture as copied from a page: a headline, then paragraphs long enough to read as an article's body.</summary>
    public static string Article(string headline, string subject) =>
        $"{headline}\n\n" + string.Join("\n\n",
            $"Officials said on Monday that {subject} had been the main concern of residents for most of the past year, and that the council would publish its figures later in the week.",
            $"Local businesses welcomed the news about {subject}, saying that the months of uncertainty had cost them customers and that they hoped for a quieter summer season.",
            $"A spokeswoman for the regional authority said the decision on {subject} followed a public consultation that drew more than two thousand written responses from the area.",
            "Opposition councillors asked for an independent review of the costs, which they said had risen sharply since the plans were first announced three years ago.") + "\n";

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
                using (var w = new StreamWriter(archive.CreateEntry(name).Open())) w.Write(content);
        return zip.ToArray();
    }
}
