using HostingMatch.Application;
using HostingMatch.Application.Matching;
using HostingMatch.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace HostingMatch.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The database (from <c>ConnectionStrings:Default</c>), the clock and the adapters to the outside world.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                "No database configured: set ConnectionStrings:Default (environment ConnectionStrings__Default), " +
                "e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=hostingmatch.");
        services.AddDbContext<HostingMatchDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime())
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IHostingMatchDb>(sp => sp.GetRequiredService<HostingMatchDbContext>());
        services.AddScoped<IMatchingLock, PostgresMatchingLock>();
        services.AddSingleton<IClock>(SystemClock.Instance);
        return services;
    }

    /// <summary>Applies pending migrations; safe to call on every start.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
