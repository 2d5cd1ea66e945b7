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
    /// <summary>
    /// NodaTime values as the strings they travel as, inlined where used (never <c>$ref</c> components: Kiota makes an
    /// empty class of a component that is only a string). A clock time is written <c>HH:mm</c>, which JSON Schema's
    /// <c>time</c> format (<c>HH:mm:ss</c> with an offset) refuses: it gets a pattern instead.
    /// </summary>
    private static readonly Dictionary<Type, (string? Format, string? Pattern)> NodaTypes = new()
    {
        [typeof(LocalDate)] = ("date", null),
        [typeof(LocalTime)] = (null, @"^([01][0-9]|2[0-3]):[0-5][0-9](:00(\.0{1,9})?)?$"),
        [typeof(Instant)] = ("date-time", null),
        [typeof(OffsetDateTime)] = ("date-time", null),
    };

    private static bool IsNoda(Type type) => NodaTypes.ContainsKey(Nullable.GetUnderlyingType(type) ?? type);

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

    /// <summary><c>GET</c> <c>api/v1/nights/{night}/van-runs</c> is <c>getNightsByNightVanRuns</c>: verb, then each segment.</summary>
    public static string OperationId(string? method, string? relativePath)
    {
        var id = new System.Text.StringBuilder((method ?? "get").ToLowerInvariant());
        foreach (var segment in (relativePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment is "api" or "v1")
            {
                continue;
            }

            var parameter = segment.StartsWith('{');
            var name = parameter ? segment.Trim('{', '}').Split(':')[0].TrimEnd('?') : segment;
            if (parameter)
            {
                id.Append("By");
            }

            foreach (var word in name.Split('-', '_', '.'))
            {
                if (word.Length > 0)
                {
                    id.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
                }
            }
        }

        return id.ToString();
    }

    public static void Configure(OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = type => IsNoda(type.Type) ? null : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddDocumentTransformer((document, _, _) =>
        {
            // Relative: the document is served by the Api it describes, wherever that runs (a client sets its base address).
            document.Servers = [new OpenApiServer { Url = "/", Description = "The Api serving this document." }];
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

            // Every operation has an id, for generated clients and linters: the endpoint's name if it has one, else its
            // method and route (GET /api/v1/hosts/{id} is getHostsById), so new endpoints get one too.
            operation.OperationId ??= OperationId(context.Description.HttpMethod, context.Description.RelativePath);
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
            // Strings pass through CleanTextConverter, which the schema exporter cannot see through: it says they are strings.
            if (type == typeof(string) && schema.Type is null)
            {
                var nullable = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable);
                schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            }

            // ...and leaves out the items of a list of strings altogether.
            if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null && schema.Type?.HasFlag(JsonSchemaType.Array) == true)
            {
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            if (NodaTypes.TryGetValue(type, out var noda))
            {
                schema.Type = type == context.JsonTypeInfo.Type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = noda.Format;
                schema.Pattern = noda.Pattern;
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }

            return Task.CompletedTask;
        });
    }
}
