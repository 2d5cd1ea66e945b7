using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;
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
    }
}
