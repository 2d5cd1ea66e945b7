using HostingMatch.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class OutboundSmsConfiguration : IEntityTypeConfiguration<OutboundSms>
{
    public void Configure(EntityTypeBuilder<OutboundSms> builder)
    {
        builder.ToTable("outbound_sms");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(16);
        builder.Property(m => m.Body).HasMaxLength(OutboundSms.MaxBodyLength);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ProviderSid).HasMaxLength(64);
        builder.Property(m => m.ProviderStatus).HasMaxLength(32);
        builder.Property(m => m.LastError).HasMaxLength(OutboundSms.MaxErrorLength);
        builder.Ignore(m => m.MayAlreadyBeWithProvider);
        builder.Property(m => m.Version).IsRowVersion();
        // The worker's claim query: due pending rows and lapsed claims.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.ProviderSid);
        builder.HasIndex(m => m.HostId);
        builder.HasIndex(m => m.OfferId);
    }
}
