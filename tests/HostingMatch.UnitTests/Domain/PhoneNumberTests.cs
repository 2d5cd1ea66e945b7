using HostingMatch.Domain.Common;

namespace HostingMatch.UnitTests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("Twilio 400 (21211): The 'To' number +33612345678 is not a valid phone number.",
        "Twilio 400 (21211): The 'To' number ...5678 is not a valid phone number.")]
    [InlineData("+447700900123 and +33612345678", "...0123 and ...5678")]
    [InlineData("+33612345678", "...5678")]
    [InlineData("Twilio 503 (20500): Service unavailable at 12:30, +1 retry", "Twilio 503 (20500): Service unavailable at 12:30, +1 retry")]
    public void MaskNumbers_KeepsOnlyTheLastFourDigitsOfEveryE164Number(string text, string expected) =>
        Assert.Equal(expected, PhoneNumber.MaskNumbers(text));

    [Fact]
    public void Parse_WhenTheNumberIsInE164_KeepsIt() =>
        Assert.Equal("+33612345678", PhoneNumber.Parse("+33612345678", "host-invalid", "not a number").Value);

    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("+0612345678")]
    [InlineData("+33612345678\n")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_WhenTheNumberIsNotInE164_Throws(string? value)
    {
        var error = Assert.Throws<DomainException>(() => PhoneNumber.Parse(value, "host-invalid", "not a number"));
        Assert.Equal("host-invalid", error.Code);
        Assert.Equal("not a number", error.Message);
    }

    [Fact]
    public void TryNormalize_GivesAValueEqualToTheParsedNumber() =>
        Assert.Equal(PhoneNumber.Parse("+33612345678", "c", "m"), PhoneNumber.TryNormalize("06.12.34.56.78"));

    [Fact]
    public void TryNormalize_WhenNothingE164ComesOut_IsNull() =>
        Assert.Null(PhoneNumber.TryNormalize("12 34"));
}
