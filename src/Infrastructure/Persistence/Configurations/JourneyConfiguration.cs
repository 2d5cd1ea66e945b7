using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.ToTable("journeys");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Way).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.DriverFirstName).HasMaxLength(Journey.MaxDriverNameLength);
        builder.Property(j => j.DriverPhone).HasMaxLength(16);
        builder.Property(j => j.ToldDriverPhone).HasMaxLength(16);
        builder.Property(j => j.Notes).HasMaxLength(Journey.MaxNotesLength);
        builder.Property(j => j.CostEuros).HasPrecision(9, 2);
        builder.Property(j => j.Version).IsRowVersion();
        builder.Ignore(j => j.ArrivalTime);
        builder.Ignore(j => j.HostsKnow);
        builder.Ignore(j => j.HostsNeedTelling);
        builder.Ignore(j => j.DriverNeedsTelling);
        // One journey leads to a stay.
        builder.HasIndex(j => j.StayId).IsUnique();
        builder.HasIndex(j => j.Date);
        builder.HasOne<Stay>().WithMany().HasForeignKey(j => j.StayId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StayGuest>().WithMany().HasForeignKey(j => j.GuestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Host>().WithMany().HasForeignKey(j => j.FromHostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Host>().WithMany().HasForeignKey(j => j.ToHostId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_journeys_cost", "cost_euros >= 0"));
    }
}
