using System.Text;
using HostingMatch.Application.Validation;

namespace HostingMatch.Api.Infrastructure;

/// <summary>The body of an endpoint that reads a file (a night, a runs file, a stays programme, the hosts spreadsheet) as text.</summary>
public static class RequestText
{
    /// <summary>
    /// The body as UTF-8 (JSON's encoding, and the hosts spreadsheet's). A byte that is no UTF-8 throws
    /// <see cref="DecoderFallbackException"/>, a 400 on <c>$</c> (<see cref="ProblemDetailsExceptionHandler"/>), rather than
    /// being read as U+FFFD: an id or a name the caller never wrote.
    /// </summary>
    public static async Task<string> ReadUtf8Async(this HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, TextHygiene.StrictUtf8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
