using NewsCompare.Core.Metadata;

namespace NewsCompare.Core.Tests.Metadata;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The minister said on Tuesday that the government would not change its position on the matter, and that it was ready for talks.")]
    [InlineData("fr", "Le ministre a déclaré mardi que le gouvernement ne changerait pas sa position sur cette question et qu'il était prêt pour des discussions.")]
    [InlineData("de", "Der Minister sagte am Dienstag, dass die Regierung ihre Position in dieser Frage nicht ändern werde und für Gespräche bereit sei.")]
    [InlineData("es", "El ministro dijo el martes que el gobierno no cambiará su posición sobre el asunto y que está listo para las conversaciones con los socios.")]
    [InlineData("pt", "O ministro disse na terça-feira que o governo não vai mudar a sua posição sobre o assunto e que está pronto para as conversas com os parceiros.")]
    [InlineData("it", "Il ministro ha detto martedì che il governo non cambierà la sua posizione sulla questione e che è pronto per i colloqui con gli alleati.")]
    [InlineData("ru", "Министр заявил во вторник, что правительство не изменит свою позицию по этому вопросу и что оно готово к переговорам с партнерами.")]
    [InlineData("zh", "外交部长周二表示，政府不会改变在这一问题上的立场，并准备与伙伴进行会谈。")]
    [InlineData("ar", "قال الوزير يوم الثلاثاء إن الحكومة لن تغير موقفها بشأن هذه المسألة وإنها مستعدة للمحادثات مع الشركاء.")]
    [InlineData("ja", "外務大臣は火曜日、政府はこの問題に関する立場を変えないと述べ、協議の準備ができていると語った。")]
    public void DetectsTheLanguageOfANewsSentence(string expected, string text) => LanguageDetector.Detect(text).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("Patrushev Wang Yi")]
    [InlineData("12345 67890 !!!")]
    public void SaysNothingWhenTheTextIsTooShortToTell(string text) => LanguageDetector.Detect(text).Should().BeNull();

    [Fact]
    public void AnArabicReportWithAFewPersianLettersIsArabic()
    {
        // An Iranian outlet's Arabic page: Persian ya and kaf in two words, Arabic ya, kaf and ta marbuta throughout.
        const string text = "عقدت جلسة مباحثات رسمية بين النائب الأول للرئيس الإيراني والوفد الحكومي السوري حیث تناولت العلاقات المشترکة في المجالات الاقتصادية والتجارية وقضايا المنطقة الأخرى.";
        LanguageDetector.Detect(text).Should().Be("ar");
    }

    [Theory]
    [InlineData("وزیر امور خارجه روز سه‌شنبه گفت که دولت موضع خود را در این باره تغییر نمی‌دهد و برای گفت‌وگو با شرکا آماده است.")]
    [InlineData("وزیر امور خارجه ایران روز سه‌شنبه در دیدار با همتای خود از این طرح حمایت کرد و آن را مهم خواند.")] // none of پ چ ژ گ
    public void APersianReportIsPersian(string text) => LanguageDetector.Detect(text).Should().Be("fa");
}
