using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class HostConfiguration : IEntityTypeConfiguration<Host>
{
    public void Configure(EntityTypeBuilder<Host> builder)
    {
        builder.ToTable("hosts");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.Code).HasMaxLength(Host.MaxCodeLength);
        builder.Property(h => h.DisplayName).HasMaxLength(Host.MaxNameLength);
        builder.Property(h => h.Phone).HasMaxLength(16);
        builder.Property(h => h.Language).HasConversion<string>().HasMaxLength(8);
        builder.Property(h => h.Address).HasMaxLength(Host.MaxAddressLength);
        builder.Property(h => h.Notes).HasMaxLength(Host.MaxNotesLength);
        builder.Ignore(h => h.Location);
        builder.Property(h => h.Version).IsRowVersion();

        builder.Property<List<HouseholdCategory>>("accepts").HasColumnType("text[]")
            .HasConversion(EnumArrayColumn<HouseholdCategory>.Converter, EnumArrayColumn<HouseholdCategory>.Comparer);
        builder.Ignore(h => h.Accepts);
        builder.Property<List<IsoDayOfWeek>>("weeklyDays").HasColumnType("text[]")
            .HasConversion(EnumArrayColumn<IsoDayOfWeek>.Converter, EnumArrayColumn<IsoDayOfWeek>.Comparer);
        builder.Ignore(h => h.WeeklyDays);

        builder.OwnsOne(h => h.Agreement, a =>
        {
            a.Property(x => x.SignedOn).HasColumnName("agreement_signed_on");
            a.Property(x => x.ValidFrom).HasColumnName("agreement_valid_from");
            a.Property(x => x.ValidUntil).HasColumnName("agreement_valid_until");
        });
        builder.Navigation(h => h.Agreement).IsRequired();

        builder.OwnsOne(h => h.ArrivalWindow, w =>
        {
            w.Property(x => x.From).HasColumnName("arrival_from");
            w.Property(x => x.Until).HasColumnName("arrival_until");
        });
        builder.Navigation(h => h.ArrivalWindow).IsRequired();

        builder.OwnsMany<AvailabilityException>("exceptions", e =>
        {
            e.ToTable("host_availability_exceptions");
            e.WithOwner().HasForeignKey("host_id");
            e.HasKey("host_id", nameof(AvailabilityException.Night));
        });
        builder.Ignore(h => h.Exceptions);

        // Existing hosts were the one-night programme's, in Paris: the migration gives them that.
        builder.Property(h => h.Programmes).HasConversion<string>().HasMaxLength(32).HasDefaultValue(HostProgrammes.OneNight).HasSentinel(HostProgrammes.None);
        builder.Property(h => h.Region).HasMaxLength(Region.MaxLength).HasDefaultValue(Region.Default);
        builder.Property(h => h.MaxNightsPerGuest).HasDefaultValue(Host.DefaultMaxNightsPerGuest).HasSentinel(0);
        builder.HasIndex(h => h.Region);
        builder.OwnsMany<NightPeriod>("stayPeriods", p =>
        {
            p.ToTable("host_stay_periods");
            p.WithOwner().HasForeignKey("host_id");
            p.HasKey("host_id", nameof(NightPeriod.From));
            p.Ignore(x => x.Nights);
        });
        builder.Ignore(h => h.StaysAvailable);
    }
}
