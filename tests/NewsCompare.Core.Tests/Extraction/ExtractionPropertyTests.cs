using System.Text;
using CsCheck;
using NewsCompare.Core.Extraction;
using NewsCompare.Core.Extraction.Html;
using NewsCompare.Core.Extraction.Text;
using NewsCompare.Core.Import;
using NewsCompare.Core.Metadata;
using NewsCompare.Core.Tests.Extraction.Text;

namespace NewsCompare.Core.Tests.Extraction;

/// <summary>
/// Extraction never throws: random bytes, random text in every script and real captures cut up in every way give
/// an article or a reason a person can read, from both extractors and from the whole import of one file.
/// </summary>
public sealed class ExtractionPropertyTests
{
    // Blocks of the scripts news is written in, plus symbols, combining marks, controls and the edges of the BMP.
    private static readonly (int From, int To)[] Blocks =
    [
        (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x590, 0x5FF), (0x600, 0x6FF), (0x900, 0x97F),
        (0xE00, 0xE7F), (0x1100, 0x11FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x2000, 0x206F),
        (0x300, 0x36F), (0x0, 0x1F), (0xD800, 0xDFFF), (0xFE00, 0xFFFF), (0x1F300, 0x1FAFF), (0x10000, 0x10FFFF),
    ];

    private static readonly Gen<string> Piece =
        Gen.Int[0, Blocks.Length - 1].SelectMany(b => Gen.Int[Blocks[b].From, Blocks[b].To]).Array[1, 12]
            .Select(points => string.Concat(points.Select(AsText)));

    private static readonly Gen<string> Separator = Gen.OneOf(" ", " ", " ", "\n", "\n\n", "\r\n", "\t", ". ", ", ", " - ", "<p>", "</div>", "\u00a0");

    /// <summary>Words of random scripts joined by spaces, newlines, punctuation and stray markup.</summary>
    private static readonly Gen<string> UnicodeText =
        Gen.Select(Piece, Separator).Array[0, 400].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    private static readonly string[] SeedLines = Directory
        .GetFiles(Path.GetDirectoryName(SeedCaptureTests.SeedPath("000"))!, "*.txt")
        .Select(File.ReadAllText)
        .ToArray();

    /// <summary>A real capture mutated: lines dropped, shuffled, duplicated, cut, and the whole truncated anywhere (even inside a surrogate pair).</summary>
    private static readonly Gen<string> MutatedSeed =
        Gen.Select(Gen.Int[0, SeedLines.Length - 1], Gen.Int[0, 4], Gen.Int, Gen.Double[0, 1])
            .Select(t => Mutate(SeedLines[t.Item1], t.Item2, new Random(t.Item3), t.Item4));

    private static string AsText(int point) =>
        point is >= 0xD800 and <= 0xDFFF || point > 0xFFFF && point <= 0x10FFFF && !Rune.IsValid(point)
            ? ((char)Math.Min(point, 0xFFFF)).ToString()
            : point > 0xFFFF ? char.ConvertFromUtf32(point) : ((char)point).ToString();

    private static string Mutate(string capture, int kind, Random random, double cut)
    {
        var lines = capture.Split('\n').ToList();
        switch (kind)
        {
            case 0:
                lines = [.. lines.Where(_ => random.NextDouble() > 0.4)];
                break;
            case 1:
                lines = [.. lines.OrderBy(_ => random.Next())];
                break;
            case 2:
                lines = [.. lines.SelectMany(l => random.NextDouble() < 0.3 ? new[] { l, l, l } : [l])];
                break;
            case 3:
                lines = [.. lines.Select(l => l.Length > 2 && random.NextDouble() < 0.5 ? l[..random.Next(l.Length)] : l)];
                break;
        }
        var text = string.Join('\n', lines);
        // Truncated at any char index: a surrogate pair cut in half stays as a lone high surrogate.
        return text[..(int)(text.Length * cut)];
    }

    // The import turns an article without paragraphs into its reason; here the parts must be whole.
    private static void ReadsOrExplains(ExtractedArticle article)
    {
        article.Paragraphs.Should().NotContain(p => string.IsNullOrWhiteSpace(p));
        article.Removed.Should().NotContain(r => string.IsNullOrEmpty(r.Reason));
    }

    private static void BothExtractors(string text)
    {
        ReadsOrExplains(PlainTextExtractor.Extract(text));
        ReadsOrExplains(HtmlExtractor.Extract(text));
    }

    private static void ImportsOrGivesAReason(byte[] bytes)
    {
        var analysis = CaptureAnalyzer.Analyze("capture.txt", "capture.txt", bytes, null, OutletRegistry.Default);
        if (analysis.Succeeded)
        {
            analysis.Article!.Paragraphs.Should().NotBeEmpty();
            return;
        }
        analysis.Error.Should().NotBeNullOrWhiteSpace();
        analysis.Error.Should().NotMatchRegex(@"\w+Exception\b", "a person reads the reason, not the name of a fault");
    }

    [Fact]
    public void RandomBytesImportOrGiveAReason() =>
        Gen.Byte.Array[0, 3000].Sample(bytes =>
        {
            ImportsOrGivesAReason(bytes);
            BothExtractors(Encoding.UTF8.GetString(bytes));
            BothExtractors(Encoding.Latin1.GetString(bytes));
        }, iter: 300);

    [Fact]
    public void RandomTextInEveryScriptNeverThrows() =>
        UnicodeText.Sample(text =>
        {
            BothExtractors(text);
            ImportsOrGivesAReason(Encoding.UTF8.GetBytes(text));
        }, iter: 300);

    [Fact]
    public void MutatedRealCapturesNeverThrow() =>
        MutatedSeed.Sample(text =>
        {
            BothExtractors(text);
            ImportsOrGivesAReason(Encoding.UTF8.GetBytes(text));
        }, iter: 300);

    [Fact]
    public void AFaultInsideAnExtractorIsReportedInWordsNotByItsName()
    {
        var faulty = new Extractors(_ => throw new ArgumentOutOfRangeException("start"), _ => throw new InvalidOperationException());

        var analysis = CaptureAnalyzer.Analyze("a.txt", "a.txt", "Headline\n\nThe council met on Tuesday."u8.ToArray(), null,
            OutletRegistry.Default, extractors: faulty);

        analysis.Error.Should().StartWith("extraction failed").And.NotContain("Exception").And.NotContain("start");
    }

    [Fact]
    public void ShortCapturesOfAHeadlineAndOneParagraphAreArticles()
    {
        var captures = new[]
        {
            "Parliament passes the budget after a long night\n\nThe parliament approved next year's budget early on Friday after a debate that lasted through the night, with the governing coalition holding together on every vote...",
            "Meclis bütçeyi kabul etti\n\nTürkiye Büyük Millet Meclisi, gece boyunca süren görüşmelerin ardından gelecek yılın bütçesini cuma sabahı kabul etti ve muhalefetin önergeleri reddedildi…",
            "El Congreso aprueba el presupuesto\n\nEl Congreso aprobó el viernes por la mañana el presupuesto del próximo año\n\ntras un debate que duró toda la noche y en el que la coalición\n\nde gobierno se mantuvo unida en cada votación.",
        };
        foreach (var capture in captures)
        {
            var article = PlainTextExtractor.Extract(capture);
            article.Paragraphs.Should().NotBeEmpty(capture);
            article.Headline.Should().NotBeNull(capture);
            article.Paragraphs.Should().NotContain(article.Headline);
        }
    }

    [Fact]
    public void HundredThousandNestedElementsExtractWithinSeconds()
    {
        const int depth = 100_000;
        var html = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth))
            + "<p>The council met on Tuesday and agreed, after a long debate, to rebuild the old bridge by next spring.</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var article = HtmlExtractor.Extract(html);
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "nesting is capped before the page is parsed");
        article.Paragraphs.Should().ContainSingle(p => p.Contains("rebuild the old bridge"));
    }

    [Fact]
    public void NestingTheParserCannotAffordIsCappedButItsTextKept()
    {
        var html = string.Concat(Enumerable.Repeat("<span class=x>a ", 5000)) + "end";

        var limited = NestingLimiter.Limit(html);

        limited.Split("<span").Length.Should().Be(NestingLimiter.MaxDepth + 1);
        limited.Split("a ").Length.Should().Be(5001);
        var paragraphs = "<div>" + string.Concat(Enumerable.Repeat("<p>unclosed paragraph", 1000));
        NestingLimiter.Limit(paragraphs).Should().BeSameAs(paragraphs, "a paragraph closes the one before it");
    }
}
