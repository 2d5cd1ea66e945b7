using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class StayConfiguration : IEntityTypeConfiguration<Stay>
{
    public void Configure(EntityTypeBuilder<Stay> builder)
    {
        builder.ToTable("stays");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Period);
        builder.Ignore(s => s.IsActive);
        builder.Ignore(s => s.IsAgreed);
        builder.Ignore(s => s.IsAwaitingHost);
        builder.Property(s => s.ClosedBecause).HasConversion<string>().HasMaxLength(16);
        // A host has one stay proposal awaiting its answer at a time: an OUI or a NON applies to it (sms.md, Offers 2).
        builder.HasIndex(s => s.HostId).IsUnique().HasFilter("status = 'Proposed' AND proposed_to_host_at IS NOT NULL")
            .HasDatabaseName("ix_stays_one_awaiting_per_host");
        builder.HasIndex(s => new { s.GuestId, s.From });
        builder.HasIndex(s => new { s.HostId, s.From });
        builder.HasIndex(s => s.Status);
        builder.HasOne<StayGuest>().WithMany().HasForeignKey(s => s.GuestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Host>().WithMany().HasForeignKey(s => s.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredStaysPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.SetNull);
        builder.ToTable(t => t.HasCheckConstraint("ck_stays_period", "until > \"from\""));
    }
}
