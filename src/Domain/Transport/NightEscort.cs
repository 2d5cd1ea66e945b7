using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>
/// A volunteer who takes one household of adults to its host by metro or bus tonight (transport.md, way 3). Each escort
/// takes one household in the evening; the escort gets the household and the address by SMS.
/// </summary>
public sealed class NightEscort
{
    public const int MaxNameLength = 60;

    private NightEscort()
    {
        FirstName = Phone = string.Empty;
    }

    public Guid Id { get; private set; }
    public LocalDate Night { get; private set; }
    public string FirstName { get; private set; }

    /// <summary>E.164; one escort per phone and night.</summary>
    public string Phone { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Registers an escort for the night.</summary>
    /// <exception cref="DomainException"><c>escort-invalid</c> for an empty name or a bad phone.</exception>
    public static NightEscort Create(LocalDate night, string firstName, string phone, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Night = night,
        FirstName = Guard.Text(firstName, "escort-invalid", "The escort's first name", MaxNameLength),
        Phone = PhoneNumber.Parse(phone, "escort-invalid", $"'{phone}' is not a phone number in E.164 form (+33612345678).").Value,
        CreatedAt = now,
    };
}
