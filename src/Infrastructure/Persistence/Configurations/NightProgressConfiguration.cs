using HostingMatch.Domain.Nights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class NightProgressConfiguration : IEntityTypeConfiguration<NightProgress>
{
    public void Configure(EntityTypeBuilder<NightProgress> builder)
    {
        builder.ToTable("night_progress");
        builder.HasKey(p => p.Night);
        builder.Property(p => p.Night).ValueGeneratedNever();
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.OffersStarted);
        builder.Ignore(p => p.VansPlanned);
        builder.Ignore(p => p.VanTimesSent);
    }
}
