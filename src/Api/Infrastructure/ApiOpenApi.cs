using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace HostingMatch.Api.Infrastructure;

/// <summary>The OpenAPI document: NodaTime values are described as the ISO strings they travel as.</summary>
public static class ApiOpenApi
{
    private static readonly Dictionary<Type, (string Format, string Example)> NodaTypes = new()
    {
        [typeof(LocalDate)] = ("date", "2026-11-26"),
        [typeof(LocalTime)] = ("time", "21:30:00"),
        [typeof(Instant)] = ("date-time", "2026-11-26T20:30:00Z"),
        [typeof(OffsetDateTime)] = ("date-time", "2026-11-26T21:30:00+01:00"),
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HostingMatch API";
            document.Info.Description =
                "Tonight's beds for exiles with citizen hosts. Coordinators manage hosts and requests; partners refer households. " +
                "Every error is a ProblemDetails document with a stable `type`.";
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (NodaTypes.TryGetValue(type, out var noda))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = noda.Format;
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        });
    }
}
