using System.Text.Json.Serialization;
using HostingMatch.Api.Infrastructure;
using HostingMatch.Application.Hosts;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace HostingMatch.Api.Endpoints;

/// <summary>Coordinators' host management: list, read, create, update, one-night availability, CSV import.</summary>
public static class HostEndpoints
{
    public static RouteGroupBuilder MapHosts(this RouteGroupBuilder api)
    {
        var hosts = api.MapGroup("/hosts").WithTags("Hosts");

        hosts.MapGet("/", async (IMediator mediator, string? search, string? availableOn, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListHosts(search, availableOn is null ? null : NightRoute.Parse(availableOn)), ct)))
            .WithSummary("List hosts, optionally searching name, code or address, or keeping those who can host a given night.");

        hosts.MapGet("/{id:guid}", async Task<Results<Ok<HostResponse>, NotFound>> (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
                await mediator.Send(new GetHost(id), ct) is { } host ? WithETag(http, host) : TypedResults.NotFound())
            .WithSummary("One host. The ETag is the version to send back in If-Match when updating.");

        hosts.MapPost("/", async (HostInput input, IMediator mediator, CancellationToken ct) =>
            {
                var host = await mediator.Send(new CreateHost(input), ct);
                return TypedResults.Created($"/api/v1/hosts/{host.Id}", host);
            })
            .WithSummary("Add a host who signed an agreement. Without latitude and longitude the address is located (Base Adresse Nationale): " +
                         "409 address-not-found, or address-to-confirm when the match is not sure enough (the candidate in detail); 503 when the service is out of reach.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        hosts.MapPut("/{id:guid}", async Task<Results<Ok<HostResponse>, NotFound>> (Guid id, HostInput input, HttpContext http, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new UpdateHost(id, input, IfMatch(http)), ct) is { } host ? WithETag(http, host) : TypedResults.NotFound())
            .WithSummary("Change a host. Send If-Match with the ETag you read: a host changed by someone else since gives 409. " +
                         "Without latitude and longitude the address is located, as when adding a host.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        hosts.MapPut("/{id:guid}/availability/{night}", async Task<Results<Ok<HostResponse>, NotFound>> (Guid id, string night, AvailabilityInput input, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new SetHostAvailability(id, NightRoute.Parse(night), input.Available), ct) is { } host
                    ? TypedResults.Ok(host) : TypedResults.NotFound())
            .WithSummary("Say a host is (true) or is not (false) available one night, whatever their weekly pattern; null goes back to the pattern.");

        hosts.MapPost("/import", async Task<Results<Ok<HostImportReport>, UnprocessableEntity<HostImportReport>>> (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var report = await mediator.Send(new ImportHosts(await request.ReadUtf8Async(ct)), ct);
                return report.Imported ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
            })
            .Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(ImportHostsValidator.MaxBytes))
            .WithSummary("Import the hosts spreadsheet (CSV, docs/hosts-csv.md). One bad row and nothing is imported: 422 with every problem (line, column, what). Rows without coordinates are located from their address; one not found, found only approximately (with the candidate to confirm) or left unlocated because the address service is down is a problem on its line.");

        return api;
    }

    /// <summary>
    /// <c>available</c> must be there, even as null (back to the weekly pattern): an empty or misspelt body is a 400,
    /// not a silent reset of the night's exception.
    /// </summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AvailabilityInput([property: JsonRequired] bool? Available);

    private static Ok<HostResponse> WithETag(HttpContext http, HostResponse host)
    {
        http.Response.Headers.ETag = $"\"{host.Version}\"";
        return TypedResults.Ok(host);
    }

    private static uint? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers[HeaderNames.IfMatch].ToString().Trim().Trim('"');
        return uint.TryParse(value, out var version) ? version : null;
    }
}
