namespace HostingMatch.Application.Referrals;

/// <summary>The <c>Referrals</c> configuration section.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>
    /// How many households one partner organisation may refer for one night (a whole city's night is 30 to 40 people):
    /// above it, a program gone wrong fills the night's board; the partner gets 429 and the network's coordinators decide.
    /// </summary>
    public int MaxPerOrganisationPerNight { get; set; } = 100;
}

/// <summary>The organisation has referred <see cref="Limit"/> households for the night already.</summary>
public sealed class ReferralLimitReachedException(int limit, NodaTime.LocalDate night)
    : Exception($"Your organisation has already referred {limit} households for the night of {night:uuuu-MM-dd}, the most one organisation may. " +
                "Call the night's coordinators if more people need a bed tonight.")
{
    public int Limit { get; } = limit;
}
