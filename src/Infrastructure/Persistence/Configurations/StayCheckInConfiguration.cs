using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class StayCheckInConfiguration : IEntityTypeConfiguration<StayCheckIn>
{
    public void Configure(EntityTypeBuilder<StayCheckIn> builder)
    {
        builder.ToTable("stay_check_ins");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.NeedsAttention);
        builder.HasIndex(c => new { c.StayId, c.SentAt });
        // One open check-in per stay: two workers never ask the same host twice.
        builder.HasIndex(c => c.StayId).IsUnique().HasFilter("outcome IS NULL").HasDatabaseName("ix_stay_check_ins_one_open_per_stay");
        builder.HasIndex(c => c.HostId).HasFilter("outcome IS NULL");
        builder.HasOne<Stay>().WithMany().HasForeignKey(c => c.StayId).OnDelete(DeleteBehavior.Cascade);
    }
}
