using System.Security.Cryptography;
using System.Text;
using SyncDashboard.Todoist;
using Xunit;

namespace SyncDashboard.Tests.Todoist;

public sealed class WebhookSignatureFacts
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("client-secret");
    private static readonly byte[] Body = """{"event_name":"item:added"}"""u8.ToArray();

    [Fact]
    public void Compute_IsBase64OfHmacSha256OfTheRawBody()
    {
        var expected = Convert.ToBase64String(new HMACSHA256(Secret).ComputeHash(Body));

        Assert.Equal(expected, WebhookSignature.Compute(Secret, Body));
    }

    [Fact]
    public void IsValid_AcceptsTheBodysOwnSignature()
    {
        Assert.True(WebhookSignature.IsValid(Secret, Body, WebhookSignature.Compute(Secret, Body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void IsValid_RefusesMissingOrMalformedHeaders(string? header)
    {
        Assert.False(WebhookSignature.IsValid(Secret, Body, header));
    }

    [Fact]
    public void IsValid_RefusesAnotherSecretsSignature_AndAChangedBody()
    {
        var signature = WebhookSignature.Compute(Secret, Body);

        Assert.False(WebhookSignature.IsValid("other"u8, Body, signature));
        Assert.False(WebhookSignature.IsValid(Secret, Body.Append((byte)' ').ToArray(), signature));
        Assert.False(WebhookSignature.IsValid(Secret, Body, new string('A', 200)));
    }
}
