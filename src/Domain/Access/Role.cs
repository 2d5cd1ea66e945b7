namespace HostingMatch.Domain.Access;

/// <summary>
/// What an API key may do. <see cref="Partner"/> refers households and follows its own organisation's referrals only;
/// <see cref="Coordinator"/> runs the night (hosts, requests, matching); <see cref="Admin"/> can do all a coordinator
/// can, and manages organisations, keys and reads the audit log. Stored as its name.
/// </summary>
public enum Role
{
    Partner,
    Coordinator,
    Admin,
}

/// <summary>The rules between roles, in one place.</summary>
public static class Roles
{
    /// <summary>The wire name: <c>partner</c>, <c>coordinator</c> or <c>admin</c>.</summary>
    public static string ToWire(this Role role) => role switch
    {
        Role.Partner => "partner",
        Role.Coordinator => "coordinator",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Parses a wire name (case-sensitive); false for anything else.</summary>
    public static bool TryParse(string? text, out Role role)
    {
        switch (text)
        {
            case "partner": role = Role.Partner; return true;
            case "coordinator": role = Role.Coordinator; return true;
            case "admin": role = Role.Admin; return true;
            default: role = default; return false;
        }
    }

    /// <summary>
    /// True when a key of role <paramref name="held"/> may use what <paramref name="required"/> guards.
    /// An admin may do what a coordinator does. Partner endpoints are for partners only: they answer
    /// for the caller's own organisation, and coordinators have their own view of every request.
    /// </summary>
    public static bool Satisfies(this Role held, Role required) => required switch
    {
        Role.Partner => held == Role.Partner,
        Role.Coordinator => held is Role.Coordinator or Role.Admin,
        Role.Admin => held == Role.Admin,
        _ => false,
    };
}
