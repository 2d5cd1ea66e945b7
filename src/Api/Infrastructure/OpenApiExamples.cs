namespace HostingMatch.Api.Infrastructure;

/// <summary>Examples of an endpoint's request body and success response, as JSON, shown in the OpenAPI document.</summary>
public sealed record OpenApiExamples(string? Request, string? Response);

public static class OpenApiExampleExtensions
{
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, string? request = null, string? response = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenApiExamples(request, response));
}
