using HostingMatch.Application.Demo;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.IntegrationTests.Support;

public static class DemoNight
{
    /// <summary>The night the tests' clock is in (<see cref="ApiFactory.DefaultNow"/> is its evening).</summary>
    public static readonly LocalDate Tonight = new(2026, 11, 26);

    /// <summary>Loads the generated Paris night (80 hosts, about 36 people) as <c>hostingmatch demo load</c> does.</summary>
    public static async Task LoadDemoNightAsync(this WebApplicationFactory<Program> api)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new LoadDemoNight(Tonight));
    }
}
