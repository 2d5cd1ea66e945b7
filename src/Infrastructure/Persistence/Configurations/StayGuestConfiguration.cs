using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class StayGuestConfiguration : IEntityTypeConfiguration<StayGuest>
{
    public void Configure(EntityTypeBuilder<StayGuest> builder)
    {
        builder.ToTable("stay_guests");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.WaitingAt).HasMaxLength(StayGuest.MaxWaitingAtLength);
        builder.Property(g => g.Version).IsRowVersion();
        builder.Property(g => g.ReferentName).HasMaxLength(StayGuest.MaxReferentNameLength);
        builder.Property(g => g.ReferentPhone).HasMaxLength(32);
        builder.Ignore(g => g.Location);
        builder.Property(g => g.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(g => g.OutcomeNote).HasMaxLength(StayGuest.MaxOutcomeNoteLength);
        builder.Ignore(g => g.HasExited);
        builder.PrimitiveCollection<List<string>>("regions");
        builder.Ignore(g => g.Regions);
        // A household is in the stays programme once.
        builder.HasIndex(g => g.HouseholdId).IsUnique();
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
