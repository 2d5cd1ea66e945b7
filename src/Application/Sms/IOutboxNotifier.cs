namespace HostingMatch.Application.Sms;

/// <summary>Wakes the outbox worker after a commit that queued messages, so they leave now rather than at the next poll.</summary>
public interface IOutboxNotifier
{
    void MessagesQueued();
}
