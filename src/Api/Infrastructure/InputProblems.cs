using HostingMatch.Application.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// A file read by one of the spec's readers (a night file, a runs file) and refused: 400 with every problem under
/// <c>errors</c>, keyed by its JSON path, the same shape as the validation errors of every other endpoint.
/// </summary>
public static class InputProblems
{
    /// <summary>How many problems a reader that takes a limit lists (as a hosts spreadsheet's import).</summary>
    public const int ReportedErrors = 100;

    /// <summary>
    /// 400 with <paramref name="errors"/>; when the file has more problems than listed (<paramref name="errorCount"/>), their
    /// number is under <c>errorCount</c> and the detail says so.
    /// </summary>
    public static ProblemHttpResult Invalid(string title, IReadOnlyList<InputError> errors, int? errorCount = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        };
        string? detail = null;
        if (errorCount > errors.Count)
        {
            extensions["errorCount"] = errorCount;
            detail = $"The first {errors.Count} of {errorCount} problems are listed.";
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.Validation, title: title, detail: detail,
            extensions: extensions);
    }
}
