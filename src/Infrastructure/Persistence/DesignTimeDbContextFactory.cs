using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the Api.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HostingMatchDbContext>
{
    public HostingMatchDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<HostingMatchDbContext>()
        .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Default") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=hostingmatch",
            npgsql => npgsql.UseNodaTime())
        .UseSnakeCaseNamingConvention()
        .Options);
}
