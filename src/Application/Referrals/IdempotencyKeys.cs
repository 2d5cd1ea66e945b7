using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using HostingMatch.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// A partner's <c>Idempotency-Key</c>, the same for every partner POST that creates something (a referral for a night, a
/// guest referred for stays): the key's shape, the record a retry answers, the record of a new request, and the race of
/// two retries at once. Keys are one namespace per organisation: a key first used for one kind of request and sent again
/// with another is a different request (422).
/// </summary>
internal static class IdempotencyKeys
{
    /// <summary>1 to 100 printable ASCII characters, reported on the header's name.</summary>
    public static IRuleBuilderOptions<T, string?> ValidIdempotencyKey<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(IdempotencyRecord.MaxKeyLength)
        .Must(k => k is null || (k.Length > 0 && k.All(ch => ch is > ' ' and <= '~')))
        .WithMessage("must be 1 to 100 printable ASCII characters")
        .OverridePropertyName("Idempotency-Key");

    /// <summary>The request's content, canonically serialised then hashed: the same fields give the same hash whatever the spacing.</summary>
    public static string Hash(object canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical))));

    /// <summary>The record a retry answers: the key's, unless it has expired (it may not be deleted yet).</summary>
    public static Task<IdempotencyRecord?> FindAsync(IHostingMatchDb db, Guid organisationId, string key, Instant now, CancellationToken ct)
    {
        var expired = IdempotencyRecord.ExpiredUpTo(now);
        return db.IdempotencyRecords.AsNoTracking()
            .FirstOrDefaultAsync(i => i.OrganisationId == organisationId && i.Key == key && i.CreatedAt > expired, ct);
    }

    /// <summary>The record's resource, when <paramref name="hash"/> is the request first sent under its key.</summary>
    /// <exception cref="IdempotencyKeyReusedException">When the key was first used for a different request.</exception>
    public static Guid ResourceOf(IdempotencyRecord earlier, string hash) =>
        earlier.IsSameRequest(hash) ? earlier.ResourceId : throw new IdempotencyKeyReusedException();

    /// <summary>Records what a new request under <paramref name="key"/> created (nothing without a key); the caller saves.</summary>
    public static async Task RememberAsync(IHostingMatchDb db, Guid organisationId, string? key, string hash, Guid resourceId, Instant now,
        CancellationToken ct)
    {
        if (key is null)
        {
            return;
        }

        // The organisation's expired records go before its new one: a key used again after they expired must make
        // way under the unique index, and the table holds no more than a day of keys per organisation that uses them.
        var expired = IdempotencyRecord.ExpiredUpTo(now);
        await db.IdempotencyRecords.Where(i => i.OrganisationId == organisationId && i.CreatedAt <= expired).ExecuteDeleteAsync(ct);
        db.IdempotencyRecords.Add(IdempotencyRecord.Create(organisationId, key, hash, 201, resourceId, now));
    }

    /// <summary>
    /// Saves the new request; null when it committed. When a concurrent retry under the same key committed first (the
    /// unique index says so), the record it left, for the caller to answer what it answered.
    /// </summary>
    public static async Task<IdempotencyRecord?> SaveOrFindWinnerAsync(IHostingMatchDb db, Guid organisationId, string? key, Instant now,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException) when (key is not null)
        {
            var winner = await FindAsync(db, organisationId, key, now, ct);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }
    }
}
