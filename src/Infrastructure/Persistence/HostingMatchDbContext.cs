using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using HostingMatch.Application;
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

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>The PostgreSQL database: snake_case names, enums as strings, one configuration per aggregate.</summary>
public sealed class HostingMatchDbContext(DbContextOptions<HostingMatchDbContext> options) : DbContext(options), IHostingMatchDb, IDataProtectionKeyContext
{
    public DbSet<Host> Hosts => Set<Host>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<ShelterRequest> Requests => Set<ShelterRequest>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Base> Bases => Set<Base>();
    public DbSet<Van> Vans => Set<Van>();
    public DbSet<OutboundSms> OutboundSms => Set<OutboundSms>();
    public DbSet<InboundSms> InboundSms => Set<InboundSms>();
    public DbSet<CoordinatorAlert> Alerts => Set<CoordinatorAlert>();
    public DbSet<VanRunPlan> VanRunPlans => Set<VanRunPlan>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ConsoleSession> ConsoleSessions => Set<ConsoleSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<NightProgress> NightProgress => Set<NightProgress>();
    public DbSet<NightVehicle> NightVehicles => Set<NightVehicle>();
    public DbSet<NightEscort> NightEscorts => Set<NightEscort>();
    public DbSet<StayGuest> StayGuests => Set<StayGuest>();
    public DbSet<Stay> Stays => Set<Stay>();
    public DbSet<StoredStaysPlan> StaysPlans => Set<StoredStaysPlan>();
    public DbSet<StayCheckIn> StayCheckIns => Set<StayCheckIn>();
    public DbSet<Journey> Journeys => Set<Journey>();

    /// <summary>
    /// The keys that encrypt the console's session cookies, kept with the data: a restart or a second instance of the
    /// Api does not sign the coordinators out.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HostingMatchDbContext).Assembly);
}
