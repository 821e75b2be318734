using System.Text;
using NewsCompare.Core.Import;

namespace NewsCompare.Core.Tests.Import;

public sealed class TextDecoderTests
{
    private const string Sample = "Ça coûte très cher à Noël, said the naïve café owner — “really”.\nSecond line.";

    static TextDecoderTests() => TextDecoder.EnsureCodePages();

    private static Encoding CodePage(int number) => Encoding.GetEncoding(number);

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("utf-8-bom", "utf-8")]
    [InlineData("utf-16le", "utf-16le")]
    [InlineData("utf-16be", "utf-16be")]
    [InlineData("utf-32le", "utf-32le")]
    public void DecodesUnicodeEncodingsByTheirByteOrderMark(string form, string label)
    {
        var bytes = form switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Sample),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sample)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Sample)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Sample)],
            _ => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Sample)],
        };

        var decoded = TextDecoder.Decode(bytes);

        decoded.Text.Should().Be(Sample);
        decoded.Encoding.Should().Be(label);
        decoded.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void DecodesUtf16WithoutByteOrderMarkFromItsZeroBytes()
    {
        var decoded = TextDecoder.Decode(Encoding.Unicode.GetBytes("Plain English text without a byte order mark, long enough to tell."));
        decoded.Encoding.Should().Be("utf-16le");
        decoded.Text.Should().StartWith("Plain English text");
    }

    [Fact]
    public void ReadsLegacyBytesAsWindows1252WhenTheyAreNotUtf8()
    {
        var decoded = TextDecoder.Decode(CodePage(1252).GetBytes(Sample));
        decoded.Text.Should().Be(Sample);
        decoded.Encoding.Should().Be("windows-1252");
    }

    [Fact]
    public void KeepsValidUtf8AsUtf8EvenWhenEveryByteIsAlsoValidWindows1252()
    {
        // "Ã©" in UTF-8 is C3 83 C2 A9: valid Windows-1252 too, but valid UTF-8 wins.
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes("A genuine café and an entrée."));
        decoded.Text.Should().Be("A genuine café and an entrée.");
        decoded.Encoding.Should().Be("utf-8");
    }

    [Fact]
    public void UsesTheCharsetThePageDeclaresForLegacyBytes()
    {
        const string html = "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><p>Привет, мир. Это новости дня.</p></body></html>";
        var decoded = TextDecoder.Decode(CodePage(1251).GetBytes(html));
        decoded.Text.Should().Be(html);
        decoded.Encoding.Should().Be("windows-1251");
    }

    [Fact]
    public void RepairsUtf8TextThatWasOnceReadAsWindows1252()
    {
        const string original = "It’s a “quoted” word — and a café in Zürich.";
        var mojibake = CodePage(1252).GetString(Encoding.UTF8.GetBytes(original));
        mojibake.Should().Contain("â€™");

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake));

        decoded.Text.Should().Be(original);
        decoded.Encoding.Should().StartWith("utf-8+repaired(");
        decoded.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void RepairsUtf8TextThatWasOnceReadAsGbkIncludingTheSwallowedLetter()
    {
        const string original = "For the second year, the ‘Gift-a-Family’ campaign is back.";
        var mojibake = CodePage(54936).GetString(Encoding.UTF8.GetBytes(original));
        mojibake.Should().Contain("鈥楪ift", "the byte after the quote's lead bytes swallows the G");

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake));

        decoded.Text.Should().Contain("the ‘Gift-a-Family");
        decoded.Encoding.Should().StartWith("utf-8+repaired(");
        // The closing quote lost its last byte to the space after it: it cannot be repaired and stays visible.
        decoded.Text.Should().Contain("Family鈥");
        decoded.Warnings.Should().ContainSingle().Which.Should().Contain("could not be repaired");
    }

    [Fact]
    public void RepairsSequencesWhoseBytesWindows1252LeavesUndefined()
    {
        // The closing quote ” is E2 80 9D; 0x9D has no Windows-1252 character and survives as U+009D.
        const string original = "He said “no” and left.\u00A0Then silence.";
        var mojibake = CodePage(1252).GetString(Encoding.UTF8.GetBytes(original));

        TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake)).Text.Should().Be(original);
    }

    [Fact]
    public void RepairsUtf8TextThatWasOnceReadAsWindows1251()
    {
        const string original = "Патрушев сказал: “Россия и Китай” — партнёры. It’s official.";
        var mojibake = CodePage(1251).GetString(Encoding.UTF8.GetBytes(original));
        mojibake.Should().Contain("вЂњ");

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake));

        decoded.Text.Should().Be(original);
        decoded.Encoding.Should().StartWith("utf-8+repaired(");
    }

    [Fact]
    public void RepairsWindows1251QuotesInTextThatIsOtherwiseFine()
    {
        var mojibake = "Patrushev said: " + CodePage(1251).GetString(Encoding.UTF8.GetBytes("“no”")) + " — and left.";
        TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake)).Text.Should().Be("Patrushev said: “no” — and left.");
    }

    [Fact]
    public void LeavesGenuineRussianWithGuillemetsAndYoAlone()
    {
        const string text = "В «Известиях» написали, что ещё в понедельник Совбез РФ провёл встречу. Ёлка, съезд, объём, «Р»-ветка, С№1, Сі Цзіньпін.";
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        decoded.Text.Should().Be(text);
        decoded.Encoding.Should().Be("utf-8");
    }

    [Fact]
    public void CountsEveryRepairInTheEncodingLabel()
    {
        var mojibake = CodePage(1252).GetString(Encoding.UTF8.GetBytes("one’s, two’s and three’s"));
        TextDecoder.Decode(Encoding.UTF8.GetBytes(mojibake)).Encoding.Should().Be("utf-8+repaired(3)");
    }

    [Theory]
    [InlineData("北京市今天举行新闻发布会，介绍了城市发展的最新情况。")]
    [InlineData("Ça coûte très cher à Noël — naïve façade, âge d’or, Â propos.")]
    [InlineData("Москва, 19 сентября. Совет безопасности провёл встречу.")]
    public void LeavesGenuineTextInAnyScriptAlone(string text)
    {
        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));
        decoded.Text.Should().Be(text);
        decoded.Encoding.Should().Be("utf-8");
        decoded.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void ReadsMixedUtf8AndWindows1252WithAWarning()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Déjà vu in UTF-8, and then a legacy part: "), .. CodePage(1252).GetBytes("café crème.")];

        var decoded = TextDecoder.Decode(bytes);

        decoded.Text.Should().Be("Déjà vu in UTF-8, and then a legacy part: café crème.");
        decoded.Encoding.Should().Be("utf-8+windows-1252");
        decoded.Warnings.Should().ContainSingle().Which.Should().Contain("mixed encodings");
    }

    [Fact]
    public void RejectsHighBytesThatReadAsNoTextAtAll()
    {
        var random = new Random(7);
        var bytes = Enumerable.Range(0, 4000).Select(_ => (byte)random.Next(0x80, 0x100)).ToArray();
        var act = () => TextDecoder.Decode(bytes);
        act.Should().Throw<TextDecoder.NotTextException>().WithMessage("not readable text*");
    }

    [Fact]
    public void RejectsBinaryFilesByTheirNulAndControlBytes()
    {
        var random = new Random(3);
        var bytes = Enumerable.Range(0, 4000).Select(_ => (byte)random.Next(0, 256)).ToArray();
        var act = () => TextDecoder.Decode(bytes);
        act.Should().Throw<TextDecoder.NotTextException>().WithMessage("binary file*");
    }

    [Fact]
    public void NormalisesLineEndingsAndDropsTheByteOrderMarkCharacter()
    {
        var decoded = TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("one\r\ntwo\rthree\n")]);
        decoded.Text.Should().Be("one\ntwo\nthree\n");
    }

    [Fact]
    public void AFewStrayNulsAnywhereInTheFileAreRemovedWithAWarning()
    {
        var text = new string('a', 70_000) + " tail\0 end" + "\n" + "head\0line";
        var decoded = TextDecoder.Decode(System.Text.Encoding.UTF8.GetBytes(text));

        decoded.Text.Should().NotContain("\0");
        decoded.Text.Should().EndWith(" tail end\nheadline");
        decoded.Warnings.Should().ContainSingle().Which.Should().StartWith("2 NUL character(s) removed");
    }

    [Fact]
    public void NulBytesPastTheFirst64KilobytesStillMakeAFileBinary()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(new string('a', 70_000)).Concat(new byte[500]).ToArray();
        var act = () => TextDecoder.Decode(bytes);
        act.Should().Throw<TextDecoder.NotTextException>().WithMessage("binary file*");
    }
}
