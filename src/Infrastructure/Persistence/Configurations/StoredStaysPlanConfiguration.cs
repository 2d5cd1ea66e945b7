using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class StoredStaysPlanConfiguration : IEntityTypeConfiguration<StoredStaysPlan>
{
    public void Configure(EntityTypeBuilder<StoredStaysPlan> builder)
    {
        builder.ToTable("stays_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Region).HasMaxLength(Region.MaxLength);
        builder.Property(p => p.PlanJson).HasColumnType("jsonb");
        builder.HasIndex(p => p.PlannedAt);
    }
}
