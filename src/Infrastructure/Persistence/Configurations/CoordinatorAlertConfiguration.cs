using HostingMatch.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class CoordinatorAlertConfiguration : IEntityTypeConfiguration<CoordinatorAlert>
{
    public void Configure(EntityTypeBuilder<CoordinatorAlert> builder)
    {
        builder.ToTable("coordinator_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(40);
        builder.Property(a => a.Message).HasMaxLength(CoordinatorAlert.MaxMessageLength);
        builder.HasIndex(a => a.RaisedAt);
    }
}
