using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A small SMTP server on a free local port that keeps what it receives: enough of RFC 5321 for MailKit
/// (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT), no TLS. With <see cref="Refuse"/> it answers MAIL FROM
/// with 554, as a relay that will not take the message.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly ConcurrentQueue<string> passwords = new();
    private readonly Task accepting;
    private readonly ConcurrentBag<Task> sessions = [];
    private int mailCommands;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public bool Refuse { get; set; }

    public IReadOnlyCollection<MimeMessage> Messages => messages;

    /// <summary>The passwords clients authenticated with, to show the configured one reached the server.</summary>
    public IReadOnlyCollection<string> Passwords => passwords;

    /// <summary>MAIL FROM commands seen, refused or not: one per delivery attempt.</summary>
    public int MailCommands => Volatile.Read(ref mailCommands);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stopping.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            // Latin-1 keeps every byte as it came, 8-bit bodies included.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test sink");
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-localhost\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n");
                        break;
                    case "HELO":
                    case "RSET":
                    case "NOOP":
                    case "RCPT":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "AUTH":
                        var initial = argument.Split(' ', 2) is [_, var response] ? response : null;
                        if (initial is null)
                        {
                            await writer.WriteLineAsync("334 ");
                            initial = await reader.ReadLineAsync(stopping.Token) ?? "";
                        }
                        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
                        passwords.Enqueue(parts[^1]);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        Interlocked.Increment(ref mailCommands);
                        await writer.WriteLineAsync(Refuse ? "554 5.7.1 Refused by the test sink" : "250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        messages.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()))));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the sink is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(sessions);
        stopping.Dispose();
    }
}
