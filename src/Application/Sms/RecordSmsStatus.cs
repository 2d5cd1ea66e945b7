using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Twilio's status callback for one of our messages (queued, sent, delivered, undelivered, failed). The outbox id in the
/// callback URL finds the row even when the worker died before recording the SID. Returns false for a message we do not know.
/// </summary>
public sealed record RecordSmsStatus(string MessageSid, string MessageStatus, Guid? OutboxId) : ICommand<bool>;

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
            db.Alerts.Add(CoordinatorAlert.Raise("sms-undelivered",
                $"An SMS ({message.Kind}) to ...{message.To[^4..]} was {command.MessageStatus}: the host may not have it.", message.HostId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
