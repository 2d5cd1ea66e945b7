using HostingMatch.Application.Validation;

namespace HostingMatch.UnitTests.Validation;

public sealed class TextHygieneTests
{
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x0007)]
    [InlineData(0x001B)]
    [InlineData(0x007F)]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    public void Problem_WhenTheTextHoldsAControlCharacterOrALoneSurrogate_SaysWhy(int codeUnit)
    {
        Assert.NotNull(TextHygiene.Problem($"Anna{(char)codeUnit}B"));
        Assert.NotNull(TextHygiene.Problem($"Anna{(char)codeUnit}"));
    }

    [Theory]
    [InlineData("Claire")]
    [InlineData("Lignes\r\nà la suite\tet tab")]
    [InlineData("Émoji 😀 ok")]
    [InlineData("")]
    [InlineData(null)]
    public void Problem_WhenTheTextIsText_IsNull(string? text) => Assert.Null(TextHygiene.Problem(text));

    [Theory]
    [InlineData("Cla\u202Eire", "Claire")]
    [InlineData("\u2066Anna\u2069", "Anna")]
    [InlineData("zero\u200Bwidth\u200C\u200D\u2060\uFEFF", "zerowidth")]
    [InlineData("mark\u200E\u200F\u061C", "mark")]
    public void Clean_RemovesCharactersThatReorderOrHideText(string text, string expected) =>
        Assert.Equal(expected, TextHygiene.Clean(text));

    [Fact]
    public void Clean_WhenThereIsNothingToRemove_ReturnsTheSameText()
    {
        const string text = "Famille A.";
        Assert.Same(text, TextHygiene.Clean(text));
    }

    [Fact]
    public void Scrub_ReplacesWhatIsRefusedAndKeepsPairs() =>
        Assert.Equal("OU\uFFFDI 😀 \uFFFD", TextHygiene.Scrub("OU\u0001I 😀 " + (char)0xD800 + "\u202E"));

    [Theory]
    [InlineData("Voiture\nde Léa")]
    [InlineData("Léa\r")]
    [InlineData("Voiture\tde Léa")]
    [InlineData("Léa\u0085")]
    [InlineData("Léa\u2028Sami")]
    [InlineData("Léa\u2029")]
    public void LineProblem_ALineBreakOrTab_IsRefusedThoughProblemTakesIt(string text)
    {
        Assert.Null(TextHygiene.Problem(text));
        Assert.StartsWith("must be one line", TextHygiene.LineProblem(text));
    }

    [Fact]
    public void LineProblem_OneLineText_IsTakenAndAControlCharacterStillSaidAsProblemSaysIt()
    {
        Assert.Null(TextHygiene.LineProblem("Voiture de Léa"));
        Assert.Null(TextHygiene.LineProblem(null));
        Assert.Equal(TextHygiene.Problem("Léa\u0000"), TextHygiene.LineProblem("Léa\u0000"));
    }

    [Fact]
    public void Quote_EscapesLineBreaksTabsAndControlCharacters_SoAQuotedValueIsOneLine() =>
        Assert.Equal("'a\\n$.transport.fake: injected\\r\\t\\u0085\\u2028\\u0007 é'", TextHygiene.Quote("a\n$.transport.fake: injected\r\t\u0085\u2028\u0007 é"));
}
