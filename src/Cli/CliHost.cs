using HostingMatch.Application;
using HostingMatch.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Cli;

/// <summary>
/// The services the database verbs need (use cases, EF Core, the clock), configured the ASP.NET Core way:
/// appsettings.json beside the tool, then environment variables (ConnectionStrings__Default).
/// </summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(CancellationToken cancellationToken, bool migrate = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        // stdout carries the verb's result only: framework logs go to stderr, warnings and up.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failed command says so itself, once; EF Core's connection log would repeat it as noise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        // Migrating a new database probes a history table that is not there yet: an expected failure, not news.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Services.AddApplication().AddInfrastructure(builder.Configuration);
        var host = builder.Build();
        if (migrate)
        {
            await host.Services.MigrateDatabaseAsync(cancellationToken);
        }

        return host;
    }
}
