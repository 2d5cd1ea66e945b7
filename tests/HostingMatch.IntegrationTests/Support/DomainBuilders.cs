using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>Test data as the domain makes it, for tests that write the database themselves (a migration's rows).</summary>
public static class DomainBuilders
{
    /// <summary>Claire, in Paris, phone +33612345678: families, an agreement valid through 2026.</summary>
    public static Host Host(string code, Instant now) =>
        Domain.Hosts.Host.Create(code, "Claire", "+33612345678", Language.Fr, new GeoPoint(48.85, 2.35), "1 rue X", 3, 2,
            [HouseholdCategory.Family], true, true,
            Agreement.Create(new LocalDate(2026, 1, 10), new LocalDate(2026, 1, 15), new LocalDate(2027, 1, 14)), now, null);
}
