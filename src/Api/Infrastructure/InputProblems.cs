using HostingMatch.Application.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// A file read by one of the spec's readers (a night file, a runs file) and refused: 400 with every problem under
/// <c>errors</c>, keyed by its JSON path, the same shape as the validation errors of every other endpoint.
/// </summary>
public static class InputProblems
{
    public static ProblemHttpResult Invalid(string title, IReadOnlyList<InputError> errors) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.Validation, title: title,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });
}
