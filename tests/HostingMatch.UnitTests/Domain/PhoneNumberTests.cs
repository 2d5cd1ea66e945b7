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
}
