using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Version).IsRowVersion();
        builder.Ignore(o => o.ExcludesHost);
        builder.HasIndex(o => new { o.Night, o.Status });
        // The database holds the rule too: one open offer per host, whatever two processes do at once.
        builder.HasIndex(o => o.HostId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ix_offers_one_open_per_host");
        builder.HasOne<Host>().WithMany().HasForeignKey(o => o.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ShelterRequest>().WithMany().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
