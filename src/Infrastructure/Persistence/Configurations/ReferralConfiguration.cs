using HostingMatch.Domain.Organisations;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.RequestId);
        builder.Property(r => r.RequestId).ValueGeneratedNever();
        builder.Property(r => r.ReferrerName).HasMaxLength(Referral.MaxReferrerNameLength);
        builder.Property(r => r.ReferrerPhone).HasMaxLength(16);
        builder.HasIndex(r => new { r.OrganisationId, r.CreatedAt });
        builder.HasOne<ShelterRequest>().WithOne().HasForeignKey<Referral>(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(i => i.RequestHash).HasMaxLength(64);
        // Concurrent retries under one key: exactly one insert wins.
        builder.HasIndex(i => new { i.OrganisationId, i.Key }).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
