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
        builder.HasIndex(p => p.PlannedAt);

        builder.OwnsMany<PlanStayLine>("stays", s =>
        {
            s.ToTable("stays_plan_stays");
            s.WithOwner().HasForeignKey("plan_id");
        });
        builder.Ignore(p => p.Stays);

        builder.OwnsMany<PlanUncoveredLine>("uncovered", u =>
        {
            u.ToTable("stays_plan_uncovered");
            u.WithOwner().HasForeignKey("plan_id");
            u.Property(x => x.Reason).HasMaxLength(32);
            u.Property(x => x.Detail).HasMaxLength(1000);
        });
        builder.Ignore(p => p.Uncovered);
    }
}
