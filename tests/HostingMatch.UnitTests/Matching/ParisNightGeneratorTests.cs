using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

public sealed class ParisNightGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameNight() =>
        Assert.Equal(NightFileJson.Write(ParisNightGenerator.Generate(5).Night), NightFileJson.Write(ParisNightGenerator.Generate(5).Night));

    [Fact]
    public void Generate_HasTheAskedCountsAndRealisticMix()
    {
        var generated = ParisNightGenerator.Generate(seed: 2, hosts: 80, people: 36);
        var night = generated.Night;
        Assert.Equal(80, night.Hosts.Count);
        Assert.Equal(36, night.Households.Sum(h => h.People));
        Assert.Equal(80, generated.Profiles.Count);
        Assert.Contains(night.Hosts, h => h.MaxHouseholds == 2);
        Assert.Contains(night.Hosts, h => h.MinorsCertified);
        Assert.Contains(night.Households, h => h.Tier == 1);
    }

    [Theory]
    [InlineData(1, 80)]
    [InlineData(2, 80)]
    [InlineData(3, 600)]
    public void Generate_EveryPhoneIsInTheRangeReservedForFictionAndUnique(int seed, int hosts)
    {
        var phones = ParisNightGenerator.Generate(seed, hosts, people: 36).Profiles.Select(p => p.Phone).ToList();

        Assert.All(phones, phone =>
        {
            Assert.Matches(@"^\+3363998\d{5}$", phone);
            var number = long.Parse(phone[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(number, 336399800000L, 336399899999L);
            Assert.True(ParisNightGenerator.IsFictionPhone(phone));
        });
        Assert.Equal(phones.Count, phones.Distinct().Count());
    }

    [Theory]
    [InlineData("+33612345678")]
    [InlineData("+336399800")]
    [InlineData("+3363998000000")]
    [InlineData("+33639980000a")]
    public void IsFictionPhone_OutsideTheRange_IsFalse(string phone) => Assert.False(ParisNightGenerator.IsFictionPhone(phone));

    [Fact]
    public void Write_ThenRead_GivesTheSameNight()
    {
        var night = ParisNightGenerator.Generate(seed: 9, hosts: 50, people: 30).Night;
        var json = NightFileJson.Write(night);
        var read = NightFileReader.Read(json);
        Assert.Empty(read.Errors);
        Assert.Equal(json, NightFileJson.Write(read.Night!));
    }

    [Fact]
    public void GenerateNetwork_SharesHostsAndPeopleOverBasesWithUniqueIds()
    {
        var nights = ParisNightGenerator.GenerateNetwork(seed: 1, bases: 20, hosts: 2000, people: 500);
        Assert.Equal(20, nights.Count);
        Assert.Equal(2000, nights.Sum(n => n.Night.Hosts.Count));
        Assert.Equal(500, nights.Sum(n => n.Night.Households.Sum(h => h.People)));
        var ids = nights.SelectMany(n => n.Night.Hosts.Select(h => h.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

public sealed class DemoCommandTests
{
    [Fact]
    public void DemoNight_PrintsANightTheReaderAccepts()
    {
        var output = new StringWriter();
        var root = new System.CommandLine.RootCommand { HostingMatch.Cli.Commands.DemoCommand.Create() };
        var exit = root.Parse(["demo", "night", "--seed", "4", "--hosts", "30", "--people", "12"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.Equal(0, exit);
        var night = NightFileReader.Read(output.ToString()).Night!;
        Assert.Equal(30, night.Hosts.Count);
        Assert.Equal(12, night.Households.Sum(h => h.People));
    }
}
