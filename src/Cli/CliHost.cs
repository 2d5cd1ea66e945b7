using FluentValidation;
using HostingMatch.Application;
using HostingMatch.Domain.Common;
using HostingMatch.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostingMatch.Cli;

/// <summary>
/// The host the verbs that need the database share: configuration from the environment
/// (<c>ConnectionStrings__Default</c>) and appsettings, the use cases and the database. Logs go to stderr,
/// warnings and above only, so stdout carries nothing but a verb's result.
/// </summary>
internal static class CliHost
{
    /// <summary>The host, or null (with the reason on stderr) when no database is configured.</summary>
    public static IHost? Build(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "hostingmatch" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Default")))
        {
            Console.Error.WriteLine("No database configured: set ConnectionStrings__Default, " +
                                    "e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=hostingmatch.");
            return null;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Migrating a new database first probes a history table that is not there yet, which EF logs as a failed command.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        // A failed command says so itself, once; EF Core's connection log would repeat it as noise.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        builder.Services.AddApplication().AddInfrastructure(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Builds the host, runs <paramref name="refuse"/> (an exit code stops there, before anything is written),
    /// applies pending migrations, then runs <paramref name="verb"/> in a scope. A validation failure is said on stderr,
    /// exit 2; so is a use case's refusal (<see cref="DomainException"/>) when <paramref name="refusalIsBadInput"/>.
    /// </summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        Func<IServiceProvider, CancellationToken, Task<int?>>? refuse = null, bool refusalIsBadInput = false)
    {
        using var host = Build(settings, configureServices);
        if (host is null)
        {
            return ExitCodes.Failure;
        }

        if (refuse is not null)
        {
            await using var check = host.Services.CreateAsyncScope();
            if (await refuse(check.ServiceProvider, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        await host.Services.MigrateDatabaseAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await verb(scope.ServiceProvider, cancellationToken);
        }
        catch (ValidationException e)
        {
            // Bad input is an expected outcome: say what is wrong, one line per field, and exit 2, as every verb does.
            foreach (var error in e.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            return ExitCodes.BadInput;
        }
        catch (DomainException e) when (refusalIsBadInput)
        {
            await Console.Error.WriteLineAsync($"{e.Code}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
