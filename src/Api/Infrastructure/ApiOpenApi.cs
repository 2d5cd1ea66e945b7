using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace HostingMatch.Api.Infrastructure;

/// <summary>
/// The OpenAPI document: NodaTime values are described as the ISO strings they travel as; the bearer key scheme;
/// every protected operation says it needs it; examples where endpoints give them; and the errors every operation
/// can answer (400 when it takes input, 404 when its route names something), added here once.
/// </summary>
public static class ApiOpenApi
{
    private static readonly Dictionary<Type, (string Format, string Example)> NodaTypes = new()
    {
        [typeof(LocalDate)] = ("date", "2026-11-26"),
        [typeof(LocalTime)] = ("time", "21:30:00"),
        [typeof(Instant)] = ("date-time", "2026-11-26T20:30:00Z"),
        [typeof(OffsetDateTime)] = ("date-time", "2026-11-26T21:30:00+01:00"),
    };

    private const string BearerScheme = "Bearer";

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HostingMatch API";
            document.Info.Description =
                "Tonight's beds for exiles with citizen hosts. Coordinators manage hosts and requests; partners refer households. " +
                "Every error is a ProblemDetails document with a stable `type`. " +
                "Authenticate with `Authorization: Bearer <key>`; a key has one role: partner (the /referrals endpoints, own organisation only), " +
                "coordinator (everything else but /admin) or admin (everything a coordinator can, and /admin).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "hm_xxxxxxxx_<43 characters>",
                Description = "An API key issued by an admin (or `hostingmatch keys create`), shown once.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            if (!anonymous)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            }

            operation.Responses ??= new OpenApiResponses();
            // A guid id in the route is matched by its constraint (anything else is a 404), so it alone is no input to refuse.
            var takesInput = context.Description.ParameterDescriptions.Any(p => !(p.Source == BindingSource.Path && p.Name == "id"));
            if (takesInput)
            {
                AddProblem(operation, context, "400", "The input is invalid (field errors) or unreadable.");
            }

            if (context.Description.RelativePath?.Contains("{id", StringComparison.Ordinal) == true)
            {
                AddProblem(operation, context, "404", "Not found (or not yours).");
            }

            if (metadata.OfType<OpenApiExamples>().LastOrDefault() is { } examples)
            {
                if (examples.Request is { } request && operation.RequestBody?.Content is { } content)
                {
                    foreach (var media in content.Values.OfType<OpenApiMediaType>())
                    {
                        media.Example = JsonNode.Parse(request);
                    }
                }

                if (examples.Response is { } response)
                {
                    foreach (var (_, success) in operation.Responses.Where(r => r.Key.StartsWith('2')))
                    {
                        foreach (var media in (success.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
                        {
                            media.Example = JsonNode.Parse(response);
                        }
                    }
                }
            }

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
