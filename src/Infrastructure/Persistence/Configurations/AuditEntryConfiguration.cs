using HostingMatch.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength);
        builder.Property(e => e.TargetType).HasMaxLength(AuditEntry.MaxTargetTypeLength);
        builder.Property(e => e.TargetId).HasMaxLength(AuditEntry.MaxTargetIdLength);
        builder.Property(e => e.Summary).HasMaxLength(AuditEntry.MaxSummaryLength);
        // No foreign keys: the log outlives what it mentions (a deleted key or organisation keeps its history).
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ApiKeyId, e.At });
        builder.HasIndex(e => new { e.OrganisationId, e.At });
    }
}
