using System.CommandLine;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Offers;
using HostingMatch.Application.Sms;
using HostingMatch.Domain;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Infrastructure.Persistence;
using HostingMatch.Infrastructure.Sms;
using HostingMatch.Infrastructure.Sms.FakeTwilio;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Cli.Commands;

/// <summary>
/// <c>hostingmatch demo sms [--night DATE] [--seed N]</c>: runs a loaded night further through the real SMS code path:
/// matching, offers sent through the outbox to the fake Twilio on 127.0.0.1, simulated host replies (some yes, some no,
/// some silent), expiries and automatic re-matching until the night settles, then a summary.
/// Time is simulated: each round of silence moves the clock past the offer timeout.
/// </summary>
public static class DemoSmsCommand
{
    private const int MaxRounds = 12;

    public static Command Create()
    {
        var night = NightOption.Create();
        var seed = new Option<int>("--seed") { Description = "The replies' seed: the same seed gives the same answers.", DefaultValueFactory = _ => 1 };
        var command = new Command("sms", "Run tonight's offers by SMS against the fake Twilio with simulated replies, then print who is placed.");
        command.Options.Add(night);
        command.Options.Add(seed);
        var confirmed = DemoDatabaseGuard.CreateOption();
        command.Options.Add(confirmed);
        var clock = new DemoClock();
        var settings = new Dictionary<string, string?>
        {
            // No real phone can be reached from the demo: the fake Twilio takes every message.
            ["Twilio:UseFake"] = "true",
            ["Twilio:AccountSid"] = string.Empty,
            ["Twilio:AuthToken"] = string.Empty,
        };
        command.SetAction(async (parse, ct) => await CliHost.RunAsync(
            (services, token) => RunAsync(services, clock, NightOption.Value(parse, night, services), parse.GetValue(seed), token),
            ct, settings, s => s.AddSingleton<IClock>(clock),
            refuse: (services, token) => DemoDatabaseGuard.RefuseUnlessDemoAsync(services, parse.GetValue(confirmed), "demo sms", token)));
        return command;
    }

    private static async Task<int> RunAsync(IServiceProvider services, DemoClock clock, LocalDate night, int seed, CancellationToken ct)
    {
        // The evening starts at 18:00 in Paris on the chosen night, whatever the real time.
        clock.Reset(Night.At(night, new LocalTime(18, 0)).ToInstant());
        var fake = services.GetRequiredService<FakeTwilioServer>();
        await fake.StartAsync(ct);
        var random = new Random(seed);
        var answered = new HashSet<string>();

        var run = await SendAsync(services, new RunNightlyMatching(night), ct);
        Console.WriteLine($"Night of {night:yyyy-MM-dd}: matching proposed {run.Proposals.Count} placement(s), {run.Unplaced.Count} left out.");
        await SendAsync(services, new SendTonightsOffers(night), ct);

        for (var round = 1; round <= MaxRounds; round++)
        {
            await DispatchOutboxAsync(services, ct);
            var fresh = fake.Messages.Where(m => answered.Add(m.Sid)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            Console.WriteLine($"Round {round}: {fresh.Count} offer SMS sent through the fake Twilio.");
            var silent = 0;
            foreach (var sms in fresh)
            {
                var roll = random.NextDouble();
                var body = roll < 0.6 ? "Oui" : roll < 0.85 ? "non désolé" : null;
                if (body is null)
                {
                    silent++;
                    Console.WriteLine($"  {sms.To[^4..]}: \"{sms.Body}\" -> (no answer)");
                    continue;
                }

                var reply = await SendAsync(services, new ReceiveSms(FakeTwilioServer.NewSid("SM"), sms.To, body), ct);
                Console.WriteLine($"  {sms.To[^4..]}: \"{sms.Body}\" -> \"{body}\" ({reply.Outcome})");
            }

            if (silent > 0)
            {
                clock.Advance(Duration.FromMinutes(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value.OfferTimeoutMinutes + 1));
            }

            var settled = await SendAsync(services, new SettleOffers(), ct);
            Console.WriteLine($"  {settled.Expired} offer(s) expired; re-matched: {(settled.Rematched ? "yes" : "no")}; {settled.OffersSent} new offer(s).");
        }

        await PrintSummaryAsync(services, night, ct);
        return ExitCodes.Success;
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
    }

    private static async Task DispatchOutboxAsync(IServiceProvider services, CancellationToken ct)
    {
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(50, ct) == 0)
            {
                return;
            }
        }
    }

    private static async Task PrintSummaryAsync(IServiceProvider services, LocalDate night, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostingMatchDbContext>();
        var requests = await db.Requests.AsNoTracking().Where(r => r.Night == night && r.Status != RequestStatus.Cancelled).ToListAsync(ct);
        var ids = requests.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night == night).ToListAsync(ct);

        Console.WriteLine();
        Console.WriteLine($"Summary of the night of {night:yyyy-MM-dd}:");
        foreach (var tier in requests.Where(r => r.Status is RequestStatus.Confirmed or RequestStatus.Delivered)
                     .GroupBy(r => households[r.HouseholdId].Tier).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  placed, tier {tier.Key}: {tier.Count()} household(s), {tier.Sum(r => households[r.HouseholdId].People)} people");
        }

        foreach (var request in requests.Where(r => r.Status is not (RequestStatus.Confirmed or RequestStatus.Delivered))
                     .OrderBy(r => households[r.HouseholdId].Tier))
        {
            var household = households[request.HouseholdId];
            var why = request.Status switch
            {
                RequestStatus.Proposed => "offer still open",
                RequestStatus.Unplaced => $"{request.UnplacedReason}: {request.UnplacedDetail}",
                _ => "waiting",
            };
            var refusals = offers.Count(o => o.HouseholdId == household.Id && o.ExcludesHost);
            // The reasons' sentences end with a full stop: the refusals follow after it, not after ".;".
            Console.WriteLine($"  still waiting: {household.Alias} (tier {household.Tier}, {household.People} people), {why}" +
                              (refusals > 0 ? $"{(why.EndsWith('.') ? "" : ".")} {refusals} host(s) said no or did not answer." : string.Empty));
        }

        Console.WriteLine($"  offers: {string.Join(", ", offers.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}");
    }
}
