using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using HostingMatch.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.IntegrationTests.Referrals;

public sealed class ReferralEndpointsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // A host whose every identifying value is distinctive, so that any leak shows up in a plain text search.
    private const string HostName = "Zéphyrine Quillebœuf";
    private const string HostAddress = "77 impasse des Hortensias-Bleus, 75020 Paris";
    private const string HostPhone = "+33611223344";
    private const double HostLatitude = 48.871234;
    private const double HostLongitude = 2.391234;

    [Fact]
    public async Task ReferringAHouseholdAnswers201WithItsLocationAndWaiting()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Maraude Nord");

        var created = await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille P."));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var referral = await created.ReadObjectAsync();
        Assert.Equal("waiting", (string?)referral["status"]);
        Assert.Equal("Inès, maraude Nord", (string?)referral["referrer"]!["name"]);
        Assert.Equal($"/api/v1/referrals/{referral["id"]}", created.Headers.Location!.OriginalString);
        var read = await (await partner.GetAsync(created.Headers.Location)).ReadObjectAsync();
        Assert.Equal("Famille P.", (string?)read["alias"]);

        // The coordinators see it as a request of the night, referred by the partner's organisation.
        var request = await (await api.CreateClient().GetAsync($"/api/v1/requests/{referral["id"]}")).ReadObjectAsync();
        Assert.Equal(organisationId.ToString(), (string?)request["referredBy"]);
    }

    [Fact]
    public async Task APartnerCannotReadListOrCancelAnotherPartnersReferral()
    {
        var (a, _) = await api.CreatePartnerAsync("Partner A");
        var (b, _) = await api.CreatePartnerAsync("Partner B");
        var bReferral = await (await b.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille B."))).ReadObjectAsync();
        var id = (string)bReferral["id"]!;

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync($"/api/v1/referrals/{id}")).StatusCode);
        var aList = await (await a.GetAsync("/api/v1/referrals?night=2026-11-26")).ReadObjectAsync();
        Assert.DoesNotContain(aList["items"]!.AsArray(), r => (string?)r!["id"] == id);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}")).StatusCode);

        var stillB = await (await b.GetAsync($"/api/v1/referrals/{id}")).ReadObjectAsync();
        Assert.Equal("waiting", (string?)stillB["status"]);
        Assert.Equal((string?)bReferral["updatedAt"], (string?)stillB["updatedAt"]);
    }

    [Fact]
    public async Task ListingIsPagedAndFilteredByNightAndStatus()
    {
        var (partner, _) = await api.CreatePartnerAsync("Paging org");
        for (var i = 0; i < 5; i++)
        {
            await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral($"Famille L{i}."));
        }

        await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Demain.", night: "2026-11-27"));
        var cancelled = await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Annulée."))).ReadObjectAsync();
        await partner.DeleteAsync($"/api/v1/referrals/{cancelled["id"]}");

        var page1 = await (await partner.GetAsync("/api/v1/referrals?night=2026-11-26&status=waiting&page=1&pageSize=3")).ReadObjectAsync();
        var page2 = await (await partner.GetAsync("/api/v1/referrals?night=2026-11-26&status=waiting&page=2&pageSize=3")).ReadObjectAsync();
        Assert.Equal(5, (int)page1["total"]!);
        Assert.Equal(3, page1["items"]!.AsArray().Count);
        Assert.Equal(2, page2["items"]!.AsArray().Count);
        var cancelledList = await (await partner.GetAsync("/api/v1/referrals?status=cancelled")).ReadObjectAsync();
        Assert.Equal("Famille Annulée.", (string?)cancelledList["items"]!.AsArray().Single()!["alias"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/v1/referrals?status=proposed")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/v1/referrals?pageSize=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/v1/referrals?night=26-11-2026")).StatusCode);
    }

    [Fact]
    public async Task CancellingADeliveredReferralAnswers409AndChangesNothing()
    {
        var (partner, _) = await api.CreatePartnerAsync("Delivered org");
        var id = (Guid)(await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral())).ReadObjectAsync())["id"]!;
        var hostId = await SeedHostAsync("h-deliv");
        await MoveAsync(id, r =>
        {
            r.Propose(hostId, ApiFactory.DefaultNow);
            r.Confirm(ApiFactory.DefaultNow);
            r.MarkDelivered(ApiFactory.DefaultNow);
        });

        var response = await partner.DeleteAsync($"/api/v1/referrals/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("request-invalid-transition", (string?)(await response.ReadObjectAsync())["code"]);
        Assert.Equal("placed", (string?)(await (await partner.GetAsync($"/api/v1/referrals/{id}")).ReadObjectAsync())["status"]);
    }

    [Fact]
    public async Task CancellingACancelledReferralAgainAnswersTheSameAsTheFirstTime()
    {
        var (partner, _) = await api.CreatePartnerAsync("Retrying delete org");
        var id = (Guid)(await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral())).ReadObjectAsync())["id"]!;

        var first = await partner.DeleteAsync($"/api/v1/referrals/{id}");
        var retry = await partner.DeleteAsync($"/api/v1/referrals/{id}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", (string?)(await retry.ReadObjectAsync())["status"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CancellingAReferralCancelsItsHostsOfferTellsTheHostAndAlertsTheCoordinatorsAtOnce(bool accepted)
    {
        var (partner, _) = await api.CreatePartnerAsync($"Cancel with offer org {accepted}");
        var id = (Guid)(await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Annulée."))).ReadObjectAsync())["id"]!;
        var hostId = await SeedHostAsync($"h-cancel-{accepted}");
        var offerId = await SeedOfferAsync(id, hostId, accepted);

        var response = await partner.DeleteAsync($"/api/v1/referrals/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostName, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(HostPhone, body, StringComparison.OrdinalIgnoreCase);
        await using var db = api.Database.NewContext();
        Assert.Equal(RequestStatus.Cancelled, (await db.Requests.SingleAsync(r => r.Id == id)).Status);
        Assert.Equal(OfferStatus.Cancelled, (await db.Offers.SingleAsync(o => o.Id == offerId)).Status);
        var sms = await db.OutboundSms.SingleAsync(m => m.OfferId == offerId);
        Assert.Equal(HostPhone, sms.To);
        Assert.Equal(hostId, sms.HostId);
        Assert.Contains("annul", sms.Body);
        Assert.DoesNotContain("Famille", sms.Body);
        var alert = await db.Alerts.SingleAsync(a => a.HostId == hostId);
        Assert.Equal("referral-cancelled", alert.Code);
        Assert.Contains("Famille Annulée.", alert.Message);
        Assert.Contains($"h-cancel-{accepted}", alert.Message);
        Assert.DoesNotContain(HostPhone, alert.Message);
        Assert.DoesNotContain(HostAddress, alert.Message);
    }

    [Fact]
    public async Task CancellingADeliveredReferralLeavesItsAcceptedOfferAloneAndTellsNobody()
    {
        var (partner, _) = await api.CreatePartnerAsync("Delivered offer org");
        var id = (Guid)(await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral())).ReadObjectAsync())["id"]!;
        var hostId = await SeedHostAsync("h-deliv-offer");
        var offerId = await SeedOfferAsync(id, hostId, accepted: true);
        await MoveAsync(id, r => r.MarkDelivered(ApiFactory.DefaultNow));

        Assert.Equal(HttpStatusCode.Conflict, (await partner.DeleteAsync($"/api/v1/referrals/{id}")).StatusCode);

        await using var db = api.Database.NewContext();
        Assert.Equal(OfferStatus.Accepted, (await db.Offers.SingleAsync(o => o.Id == offerId)).Status);
        Assert.False(await db.OutboundSms.AnyAsync(m => m.OfferId == offerId));
        Assert.False(await db.Alerts.AnyAsync(a => a.HostId == hostId));
    }

    [Fact]
    public async Task NoPartnerResponseEverContainsTheHostsNameAddressCoordinatesOrPhone()
    {
        var (partner, _) = await api.CreatePartnerAsync("Scan org");
        var hostId = await SeedHostAsync("h-scan");
        await using (var db = api.Database.NewContext())
        {
            db.Bases.Add(Base.Create("Porte de la Chapelle", new GeoPoint(48.8985, 2.3590), new LocalTime(20, 30), ApiFactory.DefaultNow));
            await db.SaveChangesAsync();
        }

        var bodies = new List<string>();
        async Task<JsonObject> Keep(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            bodies.Add(text);
            return JsonNode.Parse(text)!.AsObject();
        }

        var placed = await Keep(await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Placée.")));
        var unplaced = await Keep(await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Sans.")));
        var proposed = await Keep(await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral("Famille Proposée.")));
        var placedId = (Guid)placed["id"]!;
        await MoveAsync(placedId, r =>
        {
            r.Propose(hostId, ApiFactory.DefaultNow);
            r.Confirm(ApiFactory.DefaultNow);
        });
        await MoveAsync((Guid)unplaced["id"]!, r => r.MarkUnplaced(UnplacedReason.NoCompatibleHost,
            $"{HostName} at {HostAddress} ({HostPhone}) has no bed", ApiFactory.DefaultNow));
        await MoveAsync((Guid)proposed["id"]!, r => r.Propose(hostId, ApiFactory.DefaultNow));

        var readPlaced = await Keep(await partner.GetAsync($"/api/v1/referrals/{placedId}"));
        var readUnplaced = await Keep(await partner.GetAsync($"/api/v1/referrals/{unplaced["id"]}"));
        var readProposed = await Keep(await partner.GetAsync($"/api/v1/referrals/{proposed["id"]}"));
        await Keep(await partner.GetAsync("/api/v1/referrals"));
        await Keep(await partner.GetAsync("/api/v1/referrals?status=placed"));
        await Keep(await partner.GetAsync("/api/v1/referrals?status=no-place-tonight&night=2026-11-26"));
        await Keep(await partner.GetAsync("/api/v1/referrals?status=waiting"));
        var cancelledPlaced = await Keep(await partner.DeleteAsync($"/api/v1/referrals/{placedId}"));

        Assert.Equal("placed", (string?)readPlaced["status"]);
        Assert.Equal("Porte de la Chapelle", (string?)readPlaced["meeting"]!["baseName"]);
        Assert.Equal("20:30", (string?)readPlaced["meeting"]!["gatheringTime"]);
        Assert.Equal("no-place-tonight", (string?)readUnplaced["status"]);
        Assert.Equal("no-compatible-host", (string?)readUnplaced["noPlaceReason"]);
        Assert.Equal("waiting", (string?)readProposed["status"]);
        Assert.Equal("cancelled", (string?)cancelledPlaced["status"]);

        string[] forbidden =
        [
            HostName, "Zéphyrine", "Quillebœuf", "Quilleb", HostAddress, "Hortensias", HostPhone, "611223344",
            "48.871234", "2.391234", "48.87123", "2.39123", hostId.ToString(), "h-scan", "latitude", "longitude", "hostId",
        ];
        foreach (var body in bodies)
        {
            foreach (var value in forbidden)
            {
                Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyAnswersTheFirstResultAndCreatesNothing()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Idempotent org");
        var key = Guid.NewGuid().ToString();

        var first = await partner.PostReferralAsync(key, Builders.Referral("Famille I."));
        var retry = await partner.PostReferralAsync(key, Builders.Referral("Famille I."));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((string?)(await first.ReadObjectAsync())["id"], (string?)(await retry.ReadObjectAsync())["id"]);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountReferralsAsync(organisationId));

        var different = await partner.PostReferralAsync(key, Builders.Referral("Famille Autre."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        Assert.Equal("urn:hostingmatch:problem:idempotency-key-reused", (string?)(await different.ReadObjectAsync())["type"]);
        Assert.Equal(1, await CountReferralsAsync(organisationId));

        // Keys belong to an organisation: another partner may use the same one.
        var (other, _) = await api.CreatePartnerAsync("Idempotent other org");
        Assert.Equal(HttpStatusCode.Created, (await other.PostReferralAsync(key, Builders.Referral("Famille Autre."))).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    // An empty key stands for one of 101 characters here; non-ASCII never leaves HttpClient (nor any HTTP/1.1 client).
    public async Task AnIdempotencyKeyThatIsTooLongOrNotPrintableAsciiAnswers400(string key)
    {
        var (partner, organisationId) = await api.CreatePartnerAsync($"Bad key org {key.Length}{key.GetHashCode()}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(Builders.Referral()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? new string('k', 101) : key);

        var response = await partner.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The error is named as the header is spelled, not camel-cased like a JSON field.
        Assert.Equal(["Idempotency-Key"], (await response.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await CountReferralsAsync(organisationId));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneIdempotencyKeyCreateOneReferral()
    {
        var (partner, organisationId) = await api.CreatePartnerAsync("Concurrent org");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => partner.PostReferralAsync(key, Builders.Referral("Famille C."))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (string?)(await r.ReadObjectAsync())["id"]));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await CountReferralsAsync(organisationId));
    }

    internal async Task<Guid> SeedHostAsync(string code)
    {
        var body = Builders.Host(code);
        body["displayName"] = HostName;
        body["address"] = HostAddress;
        body["phone"] = HostPhone;
        body["latitude"] = HostLatitude;
        body["longitude"] = HostLongitude;
        var created = await api.CreateClient().PostAsJsonAsync("/api/v1/hosts", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (Guid)(await created.ReadObjectAsync())["id"]!;
    }

    /// <summary>The request proposed to the host with an offer out, open or accepted (then the request is confirmed).</summary>
    private async Task<Guid> SeedOfferAsync(Guid requestId, Guid hostId, bool accepted)
    {
        await using var db = api.Database.NewContext();
        var request = await db.Requests.SingleAsync(r => r.Id == requestId);
        request.Propose(hostId, ApiFactory.DefaultNow);
        var offer = Offer.Create(request.Night, request.Id, request.HouseholdId, hostId, ApiFactory.DefaultNow, Duration.FromMinutes(20));
        if (accepted)
        {
            offer.Accept(ApiFactory.DefaultNow);
            request.Confirm(ApiFactory.DefaultNow);
        }

        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    }

    internal async Task MoveAsync(Guid requestId, Action<ShelterRequest> move)
    {
        await using var db = api.Database.NewContext();
        move(await db.Requests.SingleAsync(r => r.Id == requestId));
        await db.SaveChangesAsync();
    }

    private async Task<int> CountReferralsAsync(Guid organisationId)
    {
        await using var db = api.Database.NewContext();
        var referrals = await db.Referrals.CountAsync(r => r.OrganisationId == organisationId);
        Assert.Equal(referrals, await db.Households.CountAsync(h => h.ReferredBy == organisationId));
        return referrals;
    }
}

public sealed class ReferralWithoutABaseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task APlacedReferralWithoutAConfiguredBaseSaysSo()
    {
        var (partner, _) = await api.CreatePartnerAsync("No base org");
        var id = (Guid)(await (await partner.PostAsJsonAsync("/api/v1/referrals", Builders.Referral())).ReadObjectAsync())["id"]!;
        var helper = new ReferralEndpointsTests(api);
        var hostId = await helper.SeedHostAsync("h-nobase");
        await helper.MoveAsync(id, r =>
        {
            r.Propose(hostId, ApiFactory.DefaultNow);
            r.Confirm(ApiFactory.DefaultNow);
        });

        var referral = await (await partner.GetAsync($"/api/v1/referrals/{id}")).ReadObjectAsync();
        Assert.Equal("placed", (string?)referral["status"]);
        Assert.Null((string?)referral["meeting"]!["baseName"]);
        Assert.Contains("No base is configured", (string?)referral["meeting"]!["instructions"]);
    }
}
