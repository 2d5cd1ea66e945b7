using HostingMatch.Application.Retention;
using Microsoft.AspNetCore.DataProtection;
using HostingMatch.Application.VanRuns;
using HostingMatch.Application.Referrals;
using HostingMatch.Application;
using HostingMatch.Application.Sms;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Pipeline;
using HostingMatch.Infrastructure.Persistence;
using HostingMatch.Infrastructure.Sms;
using HostingMatch.Infrastructure.Sms.FakeTwilio;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.Geocoding;
using HostingMatch.Infrastructure.Geocoding;

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
        connectionString = WithPreparedStatements(connectionString);
        // Pooled: a request reuses a context (reset by EF Core) instead of building one and its services every time (docs/benchmarks.md).
        // One query per load, said explicitly: a host's owned lists (one-night exceptions, stay periods) are short, so the
        // joined rows stay few; left unsaid, EF Core warns on every host load, in every command's output.
        services.AddDbContextPool<HostingMatchDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime().UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IHostingMatchDb>(sp => sp.GetRequiredService<HostingMatchDbContext>());
        services.AddScoped<IUnitOfWork, DatabaseUnitOfWork>();
        services.AddScoped<IMatchingLock, PostgresMatchingLock>();
        services.AddScoped<Application.Stays.IStaysPlanningLock, PostgresStaysPlanningLock>();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.Configure<ReferralOptions>(configuration.GetSection(ReferralOptions.Section));
        services.AddSms(configuration);
        services.AddGeocoding(configuration);
        return services;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs again and again (<c>Max Auto Prepare</c>, 64 unless the connection
    /// string says otherwise): PostgreSQL then parses and plans each query once per connection instead of once per call,
    /// and a pooled connection is no longer reset with <c>DISCARD ALL</c>, which dropped them (it is reset statement by
    /// statement instead, advisory locks included). Under load this halved the database's time per request
    /// (docs/benchmarks.md).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>
    /// The Base Adresse Nationale behind <see cref="IGeocoder"/> (<c>Geocoding:BaseUrl</c>, the public service by default),
    /// with the standard resilience handler: a lookup changes nothing at the service, so every failure may be retried.
    /// </summary>
    private static void AddGeocoding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GeocodingOptions>(configuration.GetSection(GeocodingOptions.Section));
        var ban = configuration.GetSection(GeocodingOptions.Section).Get<BanOptions>() ?? new BanOptions();
        services.AddHttpClient<IGeocoder, BanGeocoder>(client => client.BaseAddress = new Uri(ban.BaseUrl.TrimEnd('/') + "/"))
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = Math.Max(1, ban.MaxRetries);
                resilience.Retry.Delay = TimeSpan.FromSeconds(ban.RetryBaseDelaySeconds);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(ban.AttemptTimeoutSeconds);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * ban.AttemptTimeoutSeconds));
                resilience.TotalRequestTimeout.Timeout =
                    TimeSpan.FromSeconds((ban.AttemptTimeoutSeconds + (ban.RetryBaseDelaySeconds * 8)) * (Math.Max(1, ban.MaxRetries) + 1));
            });
    }

    /// <summary>
    /// Twilio behind <see cref="ISmsSender"/>, the outbox worker, and the fake Twilio on 127.0.0.1 in Twilio's place
    /// when <c>Twilio:UseFake</c> is true (whatever credentials the environment holds) or no credentials are given
    /// (docs/sms.md).
    /// </summary>
    private static void AddSms(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        services.Configure<Application.Stays.StaysOptions>(configuration.GetSection(Application.Stays.StaysOptions.Section));
        services.Configure<TwilioOptions>(configuration.GetSection(TwilioOptions.Section));

        var twilio = configuration.GetSection(TwilioOptions.Section).Get<TwilioOptions>() ?? new TwilioOptions();
        // UseFake wins over credentials: the demo sets it, and a shell that happens to export a real account's
        // Twilio__AccountSid/AuthToken must not turn the demo's simulated offers into texts to real phones.
        if (twilio.UseFake || !twilio.HasCredentials)
        {
            var why = twilio.UseFake
                ? twilio.HasCredentials
                    ? "Twilio:UseFake=true: the Twilio credentials given are ignored"
                    : "Twilio:UseFake=true"
                : "No Twilio credentials configured";
            var fake = new FakeTwilioServer(fromNumber: twilio.FromNumber.Length > 0 ? twilio.FromNumber : "+33700000000");
            if (twilio.PublicBaseUrl.Length > 0)
            {
                fake.InboundWebhookUrl = new Uri($"{twilio.PublicBaseUrl.TrimEnd('/')}/sms/inbound");
            }

            services.AddSingleton(fake);
            services.AddHostedService(sp => new FakeTwilioHostedService(
                fake, sp.GetRequiredService<ILogger<FakeTwilioHostedService>>(), why));
            services.PostConfigure<TwilioOptions>(o =>
            {
                o.AccountSid = fake.AccountSid;
                o.AuthToken = fake.AuthToken;
                o.FromNumber = fake.FromNumber;
                o.ApiBaseUrl = fake.BaseUrl;
            });
        }

        services.AddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(TwilioSmsSender.HttpClientName)
            .AddStandardResilienceHandler(resilience =>
            {
                // Exponential back-off with jitter (the standard handler's), but only on answers that say Twilio did not
                // create the message (429, 5xx). A timeout or a broken connection may hide a message Twilio did create:
                // retrying it here could send it twice, so it goes back to the outbox, which looks the message up at
                // Twilio before sending again (docs/sms.md).
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && ((int)response.StatusCode == 429 || (int)response.StatusCode >= 500));
                resilience.Retry.MaxRetryAttempts = Math.Max(1, twilio.MaxRetries);
                resilience.Retry.Delay = TimeSpan.FromSeconds(twilio.RetryBaseDelaySeconds);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(twilio.AttemptTimeoutSeconds);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * twilio.AttemptTimeoutSeconds));
                resilience.TotalRequestTimeout.Timeout =
                    TimeSpan.FromSeconds((twilio.AttemptTimeoutSeconds + (twilio.RetryBaseDelaySeconds * 8)) * (twilio.MaxRetries + 1));
            });
        services.AddHttpClient(TwilioSmsSender.HttpClientName).AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.AddSingleton<ISmsSender, TwilioSmsSender>();

        // Drivers' run-sheet and journey-sheet links: signed with the keys the console's cookies use, kept in the database (docs/night-plan.md).
        services.AddDataProtection().SetApplicationName("HostingMatch").PersistKeysToDbContext<HostingMatchDbContext>();
        services.AddSingleton<RunSheets.SignedSheetTokens>();
        services.AddSingleton<IDriverSheetLinks, RunSheets.DriverSheetLinks>();
        services.AddSingleton<Application.Stays.Journeys.IJourneySheetLinks, RunSheets.JourneySheetLinks>();

        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxNotifier>(sp => sp.GetRequiredService<OutboxSignal>());
        var sms = configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() ?? new SmsOptions();
        if (sms.OutboxWorkerEnabled)
        {
            services.AddHostedService<OutboxWorker>();
        }

        // Personal data is forgotten on time (docs/security.md, "Retention").
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        if ((configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions()).WorkerEnabled)
        {
            services.AddHostedService<Retention.RetentionWorker>();
        }

        // The stays programme's conversation: proposals, reminders, check-ins (docs/stays.md).
        if ((configuration.GetSection(Application.Stays.StaysOptions.Section).Get<Application.Stays.StaysOptions>() ?? new Application.Stays.StaysOptions()).WorkerEnabled)
        {
            services.AddHostedService<Stays.StaysWorker>();
        }

        if (sms.MonthlyThanksEnabled)
        {
            services.AddHostedService<MonthlyThanksWorker>();
        }

        if (sms.OfferWorkerEnabled)
        {
            services.AddHostedService<OfferWorker>();
        }
    }

    /// <summary>Applies pending migrations; safe to call on every start.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
