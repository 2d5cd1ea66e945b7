using HostingMatch.Domain.Access;
using HostingMatch.Domain.Audit;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Nights;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Organisations;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application;

/// <summary>
/// What use cases see of the database: the sets they query and one way to commit.
/// No repository layer on top of EF Core (docs/adr/0001-dbcontext-in-handlers.md).
/// </summary>
public interface IHostingMatchDb
{
    DbSet<Host> Hosts { get; }
    DbSet<Household> Households { get; }
    DbSet<ShelterRequest> Requests { get; }
    DbSet<Organisation> Organisations { get; }
    DbSet<Base> Bases { get; }
    DbSet<Van> Vans { get; }
    DbSet<OutboundSms> OutboundSms { get; }
    DbSet<InboundSms> InboundSms { get; }
    DbSet<CoordinatorAlert> Alerts { get; }
    DbSet<VanRunPlan> VanRunPlans { get; }
    DbSet<Offer> Offers { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<ConsoleSession> ConsoleSessions { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<Referral> Referrals { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<NightProgress> NightProgress { get; }
    DbSet<NightVehicle> NightVehicles { get; }
    DbSet<NightEscort> NightEscorts { get; }
    DbSet<StayGuest> StayGuests { get; }
    DbSet<Stay> Stays { get; }
    DbSet<StoredStaysPlan> StaysPlans { get; }
    DbSet<StayCheckIn> StayCheckIns { get; }
    DbSet<Journey> Journeys { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
