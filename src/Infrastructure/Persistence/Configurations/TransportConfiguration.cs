using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HostingMatch.Infrastructure.Persistence.Configurations;

internal sealed class BaseConfiguration : IEntityTypeConfiguration<Base>
{
    public void Configure(EntityTypeBuilder<Base> builder)
    {
        builder.ToTable("bases");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Ignore(b => b.Location);
    }
}

internal sealed class VanConfiguration : IEntityTypeConfiguration<Van>
{
    public void Configure(EntityTypeBuilder<Van> builder)
    {
        builder.ToTable("vans");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(60);
        builder.HasOne<Base>().WithMany().HasForeignKey(v => v.BaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NightVehicleConfiguration : IEntityTypeConfiguration<NightVehicle>
{
    public void Configure(EntityTypeBuilder<NightVehicle> builder)
    {
        builder.ToTable("night_vehicles");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(v => v.Label).HasMaxLength(NightVehicle.MaxLabelLength);
        builder.Property(v => v.DriverFirstName).HasMaxLength(NightVehicle.MaxNameLength);
        builder.Property(v => v.DriverPhone).HasMaxLength(16);
        builder.Property(v => v.Version).IsRowVersion();
        // One label per night ignoring case ("Voiture test", "voiture TEST"): the unique index ix_night_vehicles_night_label
        // is on (night, lower(label)), an expression EF Core cannot model, so migration VehicleLabelsIgnoringCase makes it in SQL.
    }
}

internal sealed class NightEscortConfiguration : IEntityTypeConfiguration<NightEscort>
{
    public void Configure(EntityTypeBuilder<NightEscort> builder)
    {
        builder.ToTable("night_escorts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.FirstName).HasMaxLength(NightEscort.MaxNameLength);
        builder.Property(e => e.Phone).HasMaxLength(16);
        builder.HasIndex(e => new { e.Night, e.Phone }).IsUnique();
    }
}
