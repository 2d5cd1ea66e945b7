using System.Text;
using System.Text.Json;
using HostingMatch.Domain.Households;
using NodaTime;
using NodaTime.Text;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>Writes a night in the night-file format that <see cref="NightFileReader"/> reads back unchanged.</summary>
public static class NightFileJson
{
    public static string Write(NightFile night, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("night", Date(night.Night));
            json.WriteStartObject("base");
            if (night.Base.Name is not null)
            {
                json.WriteString("name", night.Base.Name);
            }

            json.WriteNumber("latitude", night.Base.Location.Latitude);
            json.WriteNumber("longitude", night.Base.Location.Longitude);
            json.WriteEndObject();
            json.WriteStartObject("rules");
            json.WriteNumber("maxTravelMinutes", night.Rules.MaxTravelMinutes);
            json.WriteNumber("averageSpeedKmh", night.Rules.AverageSpeedKmh);
            json.WriteNumber("detourFactor", night.Rules.DetourFactor);
            json.WriteEndObject();

            json.WriteStartArray("hosts");
            foreach (var host in night.Hosts)
            {
                json.WriteStartObject();
                json.WriteString("id", host.Id);
                json.WriteNumber("latitude", host.Location.Latitude);
                json.WriteNumber("longitude", host.Location.Longitude);
                json.WriteNumber("beds", host.Beds);
                json.WriteNumber("maxHouseholds", host.MaxHouseholds);
                json.WriteStartArray("accepts");
                foreach (var category in host.Accepts.Order())
                {
                    json.WriteStringValue(category.ToWire());
                }

                json.WriteEndArray();
                json.WriteBoolean("minorsCertified", host.MinorsCertified);
                json.WriteBoolean("wheelchairAccessible", host.WheelchairAccessible);
                json.WriteBoolean("availableTonight", host.AvailableTonight);
                json.WriteString("agreementValidFrom", Date(host.AgreementValidFrom));
                json.WriteString("agreementValidUntil", Date(host.AgreementValidUntil));
                if (host.CertifiedUntil is { } certifiedUntil)
                {
                    json.WriteString("certifiedUntil", Date(certifiedUntil));
                }

                // Host load only when there is some, so a night without it reads and writes as it always did.
                if (host.MaxNightsPerMonth is { } maxNights)
                {
                    json.WriteNumber("maxNightsPerMonth", maxNights);
                }

                if (host.NightsHostedThisMonth > 0)
                {
                    json.WriteNumber("nightsHostedThisMonth", host.NightsHostedThisMonth);
                }

                if (host.NightsHostedLast30 > 0)
                {
                    json.WriteNumber("nightsHostedLast30", host.NightsHostedLast30);
                }
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("households");
            foreach (var household in night.Households)
            {
                json.WriteStartObject();
                json.WriteString("id", household.Id);
                json.WriteBoolean("vulnerable", household.Vulnerable);
                json.WriteBoolean("needsWheelchairAccess", household.NeedsWheelchairAccess);
                json.WriteNumber("nightsWithoutShelter", household.NightsWithoutShelter);
                if (household.LastHostId is null)
                {
                    json.WriteNull("lastHostId");
                }
                else
                {
                    json.WriteString("lastHostId", household.LastHostId);
                }

                json.WriteStartArray("members");
                foreach (var member in household.Members)
                {
                    json.WriteStartObject();
                    json.WriteNumber("age", member.Age);
                    json.WriteString("sex", member.Sex switch
                    {
                        Sex.Female => "female",
                        Sex.Male => "male",
                        _ => "other",
                    });
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
