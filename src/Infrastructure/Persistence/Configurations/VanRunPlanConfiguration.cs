using HostingMatch.Domain.Transport;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class VanRunPlanConfiguration : IEntityTypeConfiguration<VanRunPlan>
{
    /// <summary>Times inside the plan as the spec writes them (<c>2026-11-26T20:58:00+01:00</c>): EF Core's JSON has no NodaTime of its own.</summary>
    private static readonly OffsetDateTimePattern TimePattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly ValueConverter<OffsetDateTime, string> Time = new(
        v => TimePattern.Format(v),
        v => OffsetDateTimePattern.ExtendedIso.Parse(v).GetValueOrThrow());

    private static readonly ValueConverter<NotServedReason, string> Reason = new(
        v => v == NotServedReason.TooLargeForVan ? "too-large-for-van" : "no-time",
        v => v == "too-large-for-van" ? NotServedReason.TooLargeForVan : NotServedReason.NoTime);

    public void Configure(EntityTypeBuilder<VanRunPlan> builder)
    {
        builder.ToTable("van_run_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.Night).IsUnique();
        builder.Property(p => p.Version).IsRowVersion();

        // The plan is one typed JSON document in the spec's shape (van-runs.md, "Output"), camelCase as before the column
        // was typed: the plans stored then read back as they are (docs/adr/0005-van-plan-json-column.md).
        builder.OwnsOne(p => p.Plan, plan =>
        {
            plan.ToJson("plan");
            plan.OwnsMany(p => p.Trips, trip =>
            {
                trip.HasJsonPropertyName("trips");
                trip.Property(t => t.VanId).HasJsonPropertyName("vanId");
                trip.Property(t => t.Trip).HasJsonPropertyName("trip");
                trip.Property(t => t.DepartAt).HasJsonPropertyName("departAt").HasConversion(Time);
                trip.Property(t => t.ReturnAt).HasJsonPropertyName("returnAt").HasConversion(Time);
                trip.Property(t => t.Passengers).HasJsonPropertyName("passengers");
                trip.OwnsMany(t => t.Stops, stop =>
                {
                    stop.HasJsonPropertyName("stops");
                    stop.Property(s => s.HostId).HasJsonPropertyName("hostId");
                    stop.PrimitiveCollection(s => s.HouseholdIds).HasJsonPropertyName("householdIds");
                    stop.Property(s => s.People).HasJsonPropertyName("people");
                    stop.Property(s => s.ArriveAt).HasJsonPropertyName("arriveAt").HasConversion(Time);
                });
            });
            plan.OwnsMany(p => p.Unserved, unserved =>
            {
                unserved.HasJsonPropertyName("unserved");
                unserved.Property(u => u.HostId).HasJsonPropertyName("hostId");
                unserved.Property(u => u.Reason).HasJsonPropertyName("reason").HasConversion(Reason);
                unserved.Property(u => u.Detail).HasJsonPropertyName("detail");
            });
            plan.OwnsOne(p => p.Summary, summary =>
            {
                summary.HasJsonPropertyName("summary");
                summary.Property(s => s.PeopleDelivered).HasJsonPropertyName("peopleDelivered");
                summary.Property(s => s.PersonArrivalMinutes).HasJsonPropertyName("personArrivalMinutes");
                summary.Property(s => s.DrivingMinutes).HasJsonPropertyName("drivingMinutes");
                summary.Property(s => s.SolveMilliseconds).HasJsonPropertyName("solveMilliseconds");
            });
        });
        builder.Navigation(p => p.Plan).IsRequired();

        builder.Property<Dictionary<Guid, Instant>>("toldArrivals")
            .HasColumnName("told_arrivals")
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v.ToDictionary(e => e.Key, e => InstantPattern.ExtendedIso.Format(e.Value)), (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<Dictionary<Guid, string>>(v, (JsonSerializerOptions?)null)!
                    .ToDictionary(e => e.Key, e => InstantPattern.ExtendedIso.Parse(e.Value).Value),
                new ValueComparer<Dictionary<Guid, Instant>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.Key, e.Value)),
                    v => new Dictionary<Guid, Instant>(v)));
        builder.Ignore(p => p.ToldArrivals);
    }
}
