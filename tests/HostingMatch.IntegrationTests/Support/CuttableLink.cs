using System.Net;
using System.Net.Sockets;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 between the Api and PostgreSQL that a test can cut, as a crashed or restarting server
/// would: <see cref="Cut"/> resets every open connection and stops listening, so new ones are refused on a port where
/// nothing listens; <see cref="Restore"/> listens on the same port again. Only this link goes down, never the cluster.
/// </summary>
public sealed class CuttableLink : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private TcpListener? listener;

    public CuttableLink(string targetHost, int targetPort)
    {
        target = new IPEndPoint(Dns.GetHostAddresses(targetHost).First(a => a.AddressFamily == AddressFamily.InterNetwork), targetPort);
        Listen(0);
    }

    /// <summary>The port the Api connects to instead of PostgreSQL's.</summary>
    public int Port { get; private set; }

    public void Cut()
    {
        lock (gate)
        {
            listener?.Stop();
            listener = null;
            foreach (var client in open)
            {
                // Linger 0: the peer gets a reset, like a server that vanished, not a polite goodbye.
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }

            open.Clear();
        }
    }

    public void Restore()
    {
        lock (gate)
        {
            if (listener is null)
            {
                Listen(Port);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private void Listen(int port)
    {
        var next = new TcpListener(IPAddress.Loopback, port);
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        Port = ((IPEndPoint)next.LocalEndpoint).Port;
        listener = next;
        _ = AcceptAsync(next);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await from.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // cut
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(target);
            lock (gate)
            {
                if (listener != from)
                {
                    // Cut while this one was being accepted: it goes down with the rest.
                    inbound.Dispose();
                    outbound.Dispose();
                    return;
                }

                open.Add(inbound);
                open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The other side went away, or the link was cut: nothing to relay any more.
        }

        lock (gate)
        {
            open.Remove(from);
            open.Remove(to);
        }

        from.Dispose();
        to.Dispose();
    }
}
