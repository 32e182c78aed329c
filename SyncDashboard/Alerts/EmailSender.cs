using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SyncDashboard.Alerts;

/// <summary>The e-mail channel: one message to every <c>Alerts:Email:To</c> address over SMTP with MailKit.</summary>
public sealed class EmailSender(IOptions<AlertOptions> options)
{
    public async Task SendAsync(AlertPayload payload, string subject, CancellationToken ct)
    {
        var email = options.Value.Email;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From!));
        foreach (var to in email.To) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = AlertMessage.EmailText(payload) };

        using var smtp = new SmtpClient { Timeout = email.TimeoutSeconds * 1000 };
        try
        {
            await smtp.ConnectAsync(email.Host!, email.Port, Security(email), ct);
            if (!string.IsNullOrEmpty(email.User)) await smtp.AuthenticateAsync(email.User, email.Password ?? "", ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException
                                       or SslHandshakeException or System.Net.Sockets.SocketException or IOException
                                       or MailKit.ServiceNotConnectedException or TimeoutException)
        {
            // MailKit's messages quote the server's reply or the socket error, never the credentials.
            throw new AlertDeliveryException($"SMTP {email.Host}:{email.Port}: {Describe(ex)}", ex);
        }
    }

    private static SecureSocketOptions Security(EmailChannelOptions email) =>
        !email.UseTls ? SecureSocketOptions.None
        : email.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    private static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
        AuthenticationException => "the server rejected the user name or password.",
        _ => ex.Message,
    };
}
