namespace HostingMatch.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable and machine-readable
/// (the Api returns it as a 409 ProblemDetails); <see cref="Exception.Message"/> is for people.
/// Expected outcomes ("no host tonight") are data, never this exception.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable, kebab-case code such as <c>request-invalid-transition</c>.</summary>
    public string Code { get; } = code;
}
