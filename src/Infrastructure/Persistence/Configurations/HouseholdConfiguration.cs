using System.Text.Json;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    // Members have no identity of their own and are always read with their household: one jsonb column.
    private sealed record StoredMember(int Age, Sex Sex);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Alias).HasMaxLength(Household.MaxAliasLength);
        builder.Property(h => h.Notes).HasMaxLength(Household.MaxNotesLength);
        builder.Ignore(h => h.Category);
        builder.Ignore(h => h.Tier);
        builder.Ignore(h => h.People);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.ReferredBy).OnDelete(DeleteBehavior.Restrict);

        builder.Property<List<Member>>("members")
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v.Select(m => new StoredMember(m.Age, m.Sex)).ToList(), Json),
                v => JsonSerializer.Deserialize<List<StoredMember>>(v, Json)!.Select(m => new Member(m.Age, m.Sex)).ToList(),
                new ValueComparer<List<Member>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m)), v => v.ToList()));
        builder.Ignore(h => h.Members);

        builder.PrimitiveCollection<List<string>>("languages");
        builder.Ignore(h => h.Languages);
    }
}
