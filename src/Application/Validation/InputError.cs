namespace HostingMatch.Application.Validation;

/// <summary>One problem in an input file or body: where (a JSON path such as <c>$.hosts[3].beds</c>) and what.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
