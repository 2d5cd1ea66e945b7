using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Twilio's status callback for one of our messages (queued, sent, delivered, undelivered, failed). The outbox id in the
/// callback URL finds the row even when the worker died before recording the SID. Returns false for a message we do not know.
/// <paramref name="ErrorCode"/> is Twilio's reason when a message was not delivered (30003: the phone is unreachable...).
/// </summary>
public sealed record RecordSmsStatus(string MessageSid, string MessageStatus, Guid? OutboxId, string? ErrorCode = null) : ICommand<bool>, ITransactional, IRetriedOnConflict;

/// <summary>A status callback's fields fit our columns, or it did not come from Twilio: 400, nothing changed.</summary>
public sealed class RecordSmsStatusValidator : AbstractValidator<RecordSmsStatus>
{
    public RecordSmsStatusValidator()
    {
        RuleFor(c => c.MessageSid).NotEmpty().MaximumLength(ReceiveSmsValidator.MaxSidLength).CleanText();
        RuleFor(c => c.MessageStatus).NotEmpty().MaximumLength(32).CleanText();
        RuleFor(c => c.ErrorCode).MaximumLength(16).CleanText();
    }
}

public sealed class RecordSmsStatusHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RecordSmsStatus, bool>
{
    public async ValueTask<bool> Handle(RecordSmsStatus command, CancellationToken cancellationToken)
    {
        var message = command.OutboxId is { } id
            ? await db.OutboundSms.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            : await db.OutboundSms.FirstOrDefaultAsync(m => m.ProviderSid == command.MessageSid, cancellationToken);
        if (message is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        message.RecordProviderStatus(command.MessageSid, command.MessageStatus, now);
        if (command.MessageStatus is "undelivered" or "failed")
        {
            var why = string.IsNullOrEmpty(command.ErrorCode)
                ? string.Empty
                : $" (Twilio error {command.ErrorCode}{(KnownErrors.TryGetValue(command.ErrorCode, out var meaning) ? $": {meaning}" : string.Empty)})";
            db.Alerts.Add(CoordinatorAlert.Raise("sms-undelivered",
                $"An SMS ({message.Kind}) to ...{message.To[^4..]} was {command.MessageStatus}{why}: the host may not have it; call them.", message.HostId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Twilio's most common delivery errors, in the coordinators' words (twilio.com/docs/api/errors).</summary>
    private static readonly Dictionary<string, string> KnownErrors = new()
    {
        ["30003"] = "the phone is switched off or out of coverage",
        ["30004"] = "the number blocks our messages",
        ["30005"] = "the number does not exist",
        ["30006"] = "a landline, or a number that cannot take SMS",
        ["30007"] = "filtered by the phone company",
        ["30008"] = "unknown error at the phone company",
    };
}
