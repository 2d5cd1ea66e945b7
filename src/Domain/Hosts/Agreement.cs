using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Hosts;

/// <summary>
/// The convention a host signed. A host is matched only on nights inside
/// <c>[ValidFrom, ValidUntil]</c>, both inclusive (matching.md rule 1).
/// </summary>
public sealed record Agreement
{
    private Agreement(LocalDate signedOn, LocalDate validFrom, LocalDate validUntil)
    {
        SignedOn = signedOn;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    public LocalDate SignedOn { get; private init; }
    public LocalDate ValidFrom { get; private init; }
    public LocalDate ValidUntil { get; private init; }

    /// <summary>Creates an agreement.</summary>
    /// <exception cref="DomainException"><c>agreement-invalid</c> when it ends before it starts.</exception>
    public static Agreement Create(LocalDate signedOn, LocalDate validFrom, LocalDate validUntil) =>
        validUntil < validFrom
            ? throw new DomainException("agreement-invalid", $"An agreement cannot end ({validUntil:yyyy-MM-dd}) before it starts ({validFrom:yyyy-MM-dd}).")
            : new Agreement(signedOn, validFrom, validUntil);

    /// <summary>True when the night is inside the agreement, both ends included.</summary>
    public bool IsValidOn(LocalDate night) => ValidFrom <= night && night <= ValidUntil;

    /// <summary>True when the agreement ends within <paramref name="days"/> days after <paramref name="today"/>.</summary>
    public bool ExpiresWithin(LocalDate today, int days) => ValidUntil >= today && ValidUntil <= today.PlusDays(days);
}
