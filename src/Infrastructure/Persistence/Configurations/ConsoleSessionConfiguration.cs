using HostingMatch.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class ConsoleSessionConfiguration : IEntityTypeConfiguration<ConsoleSession>
{
    public void Configure(EntityTypeBuilder<ConsoleSession> builder)
    {
        builder.ToTable("console_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.ApiKeyId);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(s => s.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}
