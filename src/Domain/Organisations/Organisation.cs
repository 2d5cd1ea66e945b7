using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Organisations;

/// <summary>A partner organisation (NGO, health team, street outreach) that refers people, or the network itself.</summary>
public sealed class Organisation
{
    public const int MaxNameLength = 120;

    private Organisation()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <exception cref="DomainException"><c>organisation-invalid</c> when the name is empty or too long.</exception>
    public static Organisation Create(string name, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Name = Guard.Text(name, "organisation-invalid", "The organisation's name", MaxNameLength),
        CreatedAt = now,
    };
}
