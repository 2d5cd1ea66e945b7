using HostingMatch.Domain.Access;
using HostingMatch.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
        builder.HasIndex(k => k.Prefix).IsUnique();
        // SHA-256: 32 bytes. The key's text is never stored.
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.HasIndex(k => k.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
