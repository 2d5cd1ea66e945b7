using HostingMatch.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class InboundSmsConfiguration : IEntityTypeConfiguration<InboundSms>
{
    public void Configure(EntityTypeBuilder<InboundSms> builder)
    {
        builder.ToTable("inbound_sms");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MessageSid).HasMaxLength(64);
        // Twilio retries webhooks: the same MessageSid is stored, hence processed, once.
        builder.HasIndex(m => m.MessageSid).IsUnique();
        builder.Property(m => m.From).HasMaxLength(32);
        builder.Property(m => m.Body).HasMaxLength(InboundSms.MaxBodyLength);
        builder.Property(m => m.Outcome).HasMaxLength(32);
        builder.Property(m => m.Reply).HasMaxLength(OutboundSms.MaxBodyLength);
        builder.HasIndex(m => m.HostId);
    }
}
