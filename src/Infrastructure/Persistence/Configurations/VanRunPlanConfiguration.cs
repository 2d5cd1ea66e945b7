using HostingMatch.Domain.Transport;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NodaTime;
using NodaTime.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class VanRunPlanConfiguration : IEntityTypeConfiguration<VanRunPlan>
{
    public void Configure(EntityTypeBuilder<VanRunPlan> builder)
    {
        builder.ToTable("van_run_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.Night).IsUnique();
        builder.Property(p => p.PlanJson).HasColumnType("jsonb");
        builder.Property(p => p.Version).IsRowVersion();
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
