using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class ShelterRequestConfiguration : IEntityTypeConfiguration<ShelterRequest>
{
    public void Configure(EntityTypeBuilder<ShelterRequest> builder)
    {
        builder.ToTable("shelter_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Transport).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.UnplacedReason).HasMaxLength(32);
        builder.Property(r => r.UnplacedDetail).HasMaxLength(500);
        builder.Property(r => r.Version).IsRowVersion();
        // The night plan's ride (ShelterRequest.Ride), in columns of its own: null when none is planned.
        builder.Ignore(r => r.Ride);
        builder.Property<PlannedRideWay?>("RideWay").HasConversion<string>().HasMaxLength(16);
        builder.Property<NodaTime.Instant?>("RideArriveAt");
        builder.Property<string?>("RideVehicle").HasMaxLength(NightVehicle.MaxLabelLength);
        builder.Property<int?>("RideTrip");
        builder.Property<NodaTime.Instant?>("RideLeaveBaseAt");
        builder.HasIndex(r => new { r.Night, r.Status });
        // One request per household and night.
        builder.HasIndex(r => new { r.HouseholdId, r.Night }).IsUnique();
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Host>().WithMany().HasForeignKey(r => r.HostId).OnDelete(DeleteBehavior.Restrict);
    }
}
