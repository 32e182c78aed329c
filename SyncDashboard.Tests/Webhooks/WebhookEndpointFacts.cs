using System.Net;
using System.Security.Cryptography;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Webhooks;

/// <summary><c>POST /webhooks/todoist</c> against the real app: real SQLite, real Hangfire, real HTTP to the
/// simulator for the syncs the deliveries cause.</summary>
public sealed class WebhookEndpointFacts
{
    private const string ClientSecret = "test-client-secret-5b1f0e";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebhookTestApp App(int debounceSeconds, string? clientSecret = ClientSecret) => new(new Dictionary<string, string?>
    {
        ["Webhooks:DebounceSeconds"] = debounceSeconds.ToString(),
        ["Todoist:ClientSecret"] = clientSecret,
    });

    [Fact]
    public async Task ValidDelivery_IsRecordedAndSynced_WhenSignedWithTheClientSecret()
    {
        await using var app = App(debounceSeconds: 0);
        await app.StartAsync();
        await app.SyncAsync(); // a first full sync, so the webhook's run is incremental
        app.Simulator.ApplyRandomChanges(5);
        using var http = app.CreateClient();
        var triggered = DateTime.UtcNow.AddSeconds(-1);

        using var response = await app.PostSignedAsync(http, WebhookTestApp.Body("item:added", "abc123", triggered), "delivery-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivery = await Eventually.ReturnsAsync(async () =>
            (await app.DeliveriesAsync()).SingleOrDefault(d => d.SyncEventId is not null));
        Assert.Equal(("delivery-1", "item:added", "2671355", "item", "abc123"),
            (delivery.DeliveryId, delivery.EventName, delivery.UserId, delivery.ObjectType, delivery.ObjectId));
        Assert.Equal(triggered, delivery.TriggeredUtc!.Value, TimeSpan.FromMilliseconds(1));
        var sync = Assert.Single(await app.WebhookSyncsAsync());
        Assert.Equal(delivery.SyncEventId, sync.Id);
        await Eventually.ReturnsAsync(async () =>
            (await app.WebhookSyncsAsync()).SingleOrDefault(e => e.Status != SyncStatus.Started));
        sync = Assert.Single(await app.WebhookSyncsAsync());
        Assert.Equal((SyncType.Webhook, SyncStatus.Succeeded), (sync.Type, sync.Status));
        Assert.True(sync.ItemsProcessed > 0, "the webhook sync brought the simulator's changes");
        await using var db = await app.CreateDbAsync();
        await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        // The secret checked the signature and went nowhere else: not the database file, not its journal, not a log.
        foreach (var file in new[] { app.DatabaseFile, app.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(ClientSecret)));
        }
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(ClientSecret));
    }

    [Fact]
    public async Task ForgedBodies_AreAllRefused_AndNothingIsRecordedAsASync()
    {
        // Every one of them reaches the endpoint: the rate limit is off (0).
        await using var app = new WebhookTestApp(new Dictionary<string, string?>
        {
            ["Webhooks:DebounceSeconds"] = "0",
            ["Todoist:ClientSecret"] = ClientSecret,
            ["Webhooks:RateLimit:PermitsPerMinute"] = "0",
        });
        await app.StartAsync();
        using var http = app.CreateClient();
        var random = new Random(6);
        var sentSignatures = new List<string>();
        var counts = new Dictionary<string, int>();

        foreach (var (kind, body, signature) in ForgedRequests(app, random).Take(1050))
        {
            using var request = WebhookTestApp.Request(body, signature);
            using var response = await http.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{kind} body got {(int)response.StatusCode}");
            if (signature is not null) sentSignatures.Add(signature);
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        Assert.All(counts.Values, n => Assert.True(n >= 200));
        await using var db = await app.CreateDbAsync();
        Assert.Empty(await db.WebhookDeliveries.ToListAsync(Ct));
        Assert.Empty(await db.SyncEvents.ToListAsync(Ct));
        Assert.Null(await db.SyncStates.Select(s => s.WebhookSyncDueUtc).FirstOrDefaultAsync(Ct));
        var monitoring = app.Get<JobStorage>().GetMonitoringApi();
        Assert.Equal(0, monitoring.ScheduledCount());
        Assert.Equal(0, monitoring.EnqueuedCount("default"));
        var rejected = await db.WebhookRejections.ToListAsync(Ct);
        Assert.Equal(counts["unsigned"], rejected.Where(r => r.Reason == WebhookRejectionReason.MissingSignature).Sum(r => r.Count));
        Assert.Equal(1050 - counts["unsigned"], rejected.Where(r => r.Reason == WebhookRejectionReason.BadSignature).Sum(r => r.Count));
        // A refusal is logged, without the signature it carried or the secret it was checked against.
        var lines = app.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Webhook refused"));
        Assert.DoesNotContain(lines, l => l.Contains(ClientSecret));
        var signatures = sentSignatures.ToHashSet();
        Assert.DoesNotContain(lines, l => signatures.Any(l.Contains));
    }

    /// <summary>Tampered (a byte of a signed body changed), unsigned, truncated (a signed body cut short),
    /// wrong-secret and mangled-signature requests, in turn, from bodies that would otherwise be valid.</summary>
    private static IEnumerable<(string Kind, byte[] Body, string? Signature)> ForgedRequests(WebhookTestApp app, Random random)
    {
        string[] events = ["item:added", "item:updated", "item:completed", "note:added", "project:deleted", "label:updated"];
        for (var i = 0; ; i++)
        {
            var body = WebhookTestApp.Body(events[random.Next(events.Length)], $"id{random.Next()}",
                DateTime.UtcNow.AddSeconds(-random.Next(600)));
            var signature = app.Sign(body);
            switch (i % 5)
            {
                case 0:
                    var tampered = (byte[])body.Clone();
                    tampered[random.Next(tampered.Length)] ^= (byte)random.Next(1, 256);
                    yield return ("tampered", tampered, signature);
                    break;
                case 1:
                    yield return ("unsigned", body, null);
                    break;
                case 2:
                    yield return ("truncated", body[..random.Next(0, body.Length)], signature);
                    break;
                case 3:
                    var otherKey = RandomNumberGenerator.GetBytes(random.Next(8, 64));
                    yield return ("wrong-secret", body, WebhookSignature.Compute(otherKey, body));
                    break;
                default:
                    // A flipped bit in the MAC, a shortened one, or no base64 at all.
                    var mac = Convert.FromBase64String(signature);
                    mac[random.Next(mac.Length)] ^= (byte)(1 << random.Next(8));
                    string[] mangled = [Convert.ToBase64String(mac), signature[..^4], "not base64 !!", signature.ToLowerInvariant()];
                    var pick = mangled[random.Next(mangled.Length)];
                    if (pick == signature) pick = Convert.ToBase64String(mac);
                    yield return ("mangled", body, pick);
                    break;
            }
        }
    }

    [Fact]
    public async Task Redelivery_IsAnsweredOkAndNotProcessedAgain_EvenWhenConcurrent()
    {
        await using var app = App(debounceSeconds: 2);
        await app.StartAsync();
        await app.SyncAsync();
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body();

        var first = await app.PostSignedAsync(http, body, "same-delivery");
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.PostSignedAsync(http, body, "same-delivery")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(again, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var delivery = await Eventually.ReturnsAsync(async () =>
            (await app.DeliveriesAsync()).SingleOrDefault(d => d.SyncEventId is not null));
        Assert.Equal(8, delivery.Redeliveries);
        Assert.Single(await app.WebhookSyncsAsync());
    }

    [Fact]
    public async Task Redelivery_ArmsTheSync_WhenTheFirstArrivalWasSavedButArmingItsSyncFailed()
    {
        await using var app = new WebhookTestApp(new Dictionary<string, string?>
        {
            ["Webhooks:DebounceSeconds"] = "0",
            ["Todoist:ClientSecret"] = ClientSecret,
        })
        { WithServices = FailFirstWebhookJob.Install };
        await app.StartAsync();
        await app.SyncAsync();
        app.Simulator.ApplyRandomChanges(5);
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body("item:updated", "armed-late");

        using var first = await app.PostSignedAsync(http, body, "arm-fails");

        // Hangfire refused the job: Todoist sees an error and will redeliver; the delivery itself is on record.
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(1, app.Get<FailFirstWebhookJob>().Failures);
        var saved = Assert.Single(await app.DeliveriesAsync());
        Assert.Null(saved.SyncEventId);
        await using (var db = await app.CreateDbAsync())
        {
            Assert.Null(await db.SyncStates.Select(s => s.WebhookSyncDueUtc).SingleAsync(Ct));
        }

        using var again = await app.PostSignedAsync(http, body, "arm-fails");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var delivery = await Eventually.ReturnsAsync(async () =>
            (await app.DeliveriesAsync()).SingleOrDefault(d => d.SyncEventId is not null));
        Assert.Equal(1, delivery.Redeliveries);
        var sync = await Eventually.ReturnsAsync(async () =>
            (await app.WebhookSyncsAsync()).SingleOrDefault(e => e.Status == SyncStatus.Succeeded));
        Assert.Equal(sync.Id, delivery.SyncEventId);
        await using var after = await app.CreateDbAsync();
        await MirrorAssert.EqualsAccountAsync(after, app.Simulator);
    }

    [Fact]
    public async Task Redelivery_ArmsNothing_WhenItsDeliveryIsAlreadyCovered()
    {
        await using var app = App(debounceSeconds: 0);
        await app.StartAsync();
        await app.SyncAsync();
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body();
        (await app.PostSignedAsync(http, body, "covered")).EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(async () =>
            (await app.WebhookSyncsAsync()).SingleOrDefault(e => e.Status == SyncStatus.Succeeded));

        (await app.PostSignedAsync(http, body, "covered")).EnsureSuccessStatusCode();

        await using var db = await app.CreateDbAsync();
        Assert.Null(await db.SyncStates.Select(s => s.WebhookSyncDueUtc).SingleAsync(Ct));
        Assert.Equal(1, (await app.DeliveriesAsync()).Single().Redeliveries);
        Assert.Single(await app.WebhookSyncsAsync());
    }

    [Fact]
    public async Task Burst_WithinTheDebounce_BecomesOneSync()
    {
        await using var app = App(debounceSeconds: 3);
        await app.StartAsync();
        await app.SyncAsync();
        app.Simulator.ApplyRandomChanges(10);
        using var http = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 25)
            .Select(i => app.PostSignedAsync(http, WebhookTestApp.Body("item:updated", $"task{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Answered before the sync: the debounce holds the run back, the deliveries are already on record.
        Assert.All(await app.DeliveriesAsync(), d => Assert.Null(d.SyncEventId));
        var covered = await Eventually.ReturnsAsync(async () =>
        {
            var deliveries = await app.DeliveriesAsync();
            return deliveries.All(d => d.SyncEventId is not null) ? deliveries : null;
        });
        Assert.Equal(25, covered.Count);
        var sync = Assert.Single(await app.WebhookSyncsAsync());
        Assert.All(covered, d => Assert.Equal(sync.Id, d.SyncEventId));
        await using var db = await app.CreateDbAsync();
        Assert.Null(await db.SyncStates.Select(s => s.WebhookSyncDueUtc).SingleAsync(Ct));
    }

    [Fact]
    public async Task Burst_SpreadOverTwoNodes_BecomesOneSync()
    {
        // Two app nodes over one database, each with its own in-memory Hangfire: only the database can tell them
        // that the burst's sync is already armed.
        await using var first = App(debounceSeconds: 3);
        await first.StartAsync();
        await first.SyncAsync();
        await using var second = new WebhookTestApp(new Dictionary<string, string?>
        {
            ["Webhooks:DebounceSeconds"] = "3",
            ["Todoist:ClientSecret"] = ClientSecret,
        }, first.DatabaseFile);
        await second.StartAsync();
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).PostSignedAsync(i % 2 == 0 ? one : two, WebhookTestApp.Body("item:updated", $"t{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var covered = await Eventually.ReturnsAsync(async () =>
        {
            var deliveries = await first.DeliveriesAsync();
            return deliveries.Count == 20 && deliveries.All(d => d.SyncEventId is not null) ? deliveries : null;
        });
        var sync = Assert.Single(await first.WebhookSyncsAsync());
        Assert.All(covered, d => Assert.Equal(sync.Id, d.SyncEventId));
    }

    [Fact]
    public async Task WellSignedMalformedBody_Gets400_AndNothingIsRecorded()
    {
        await using var app = App(debounceSeconds: 0);
        await app.StartAsync();
        using var http = app.CreateClient();
        byte[][] bodies =
        [
            "not json"u8.ToArray(), "[1,2]"u8.ToArray(), """{"event_name":"item:added","user_id":"1"}"""u8.ToArray(),
            """{"event_name":"Item Added","user_id":"1","event_data":{}}"""u8.ToArray(),
            """{"event_name":"item:added","user_id":"1","event_data":{},"triggered_at":"yesterday"}"""u8.ToArray(),
            """{"event_name":"item:added","user_id":"1","event_data":{"id":"1"""u8.ToArray(),
        ];

        foreach (var body in bodies)
        {
            using var response = await app.PostSignedAsync(http, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString());
        }

        Assert.Empty(await app.DeliveriesAsync());
        await using var db = await app.CreateDbAsync();
        Assert.Equal(bodies.Length, await db.WebhookRejections.Where(r => r.Reason == WebhookRejectionReason.Malformed).SumAsync(r => r.Count, Ct));
    }

    [Fact]
    public async Task MissingDeliveryId_Gets400()
    {
        await using var app = App(debounceSeconds: 0);
        await app.StartAsync();
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body();
        using var request = WebhookTestApp.Request(body, app.Sign(body));
        request.Headers.Remove(WebhookSignature.DeliveryIdHeader);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task BodyOverTheCap_Gets413_SignedOrNot()
    {
        await using var app = new WebhookTestApp(new Dictionary<string, string?> { ["Webhooks:MaxBodyBytes"] = "2048" });
        await app.StartAsync();
        using var http = app.CreateClient();
        var big = new byte[4096];
        Array.Fill(big, (byte)'x');

        using var signed = await app.PostSignedAsync(http, big);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/webhooks/todoist")
        {
            // No Content-Length: the cap must hold while reading, not only on the header.
            Content = new StreamContent(new NonSeekableStream(big)),
        };
        chunked.Headers.TryAddWithoutValidation(WebhookSignature.Header, app.Sign(big));
        using var streamed = await http.SendAsync(chunked, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, signed.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(await app.DeliveriesAsync());
    }

    [Fact]
    public async Task Endpoint_Answers503_WhenATokenIsConfiguredWithoutClientSecret()
    {
        await using var app = new WebhookTestApp(new Dictionary<string, string?> { ["Todoist:ApiToken"] = "real-looking-token" });
        using var http = app.CreateClient();
        var body = WebhookTestApp.Body();
        using var request = WebhookTestApp.Request(body, "c2lnbmF0dXJl");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Todoist:ClientSecret", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(app.Logs.Lines, l => l.Contains("webhooks are OFF"));
        Assert.Equal(WebhookSecretSource.None, app.Get<WebhookSecret>().Source);
    }

    [Fact]
    public void Endpoint_IsAnonymous_AndNeverAsksForSignIn()
    {
        using var app = new WebhookTestApp();
        var endpoint = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/webhooks/todoist");

        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.Equal(WebhookSecretSource.DemoProcess, app.Get<WebhookSecret>().Source);
    }

    [Fact]
    public async Task UnsignedFormPost_Gets401AndIsCounted_WhateverItsContentType()
    {
        await using var app = App(debounceSeconds: 0);
        await app.StartAsync();
        using var http = app.CreateClient();

        using var response = await http.PostAsync("/webhooks/todoist",
            new FormUrlEncodedContent([new("event_name", "item:added")]), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = await app.CreateDbAsync();
        Assert.Equal(1, await db.WebhookRejections.SumAsync(r => r.Count, Ct));
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoint()
    {
        await using var app = App(debounceSeconds: 0);
        using var http = app.CreateClient();

        var document = await http.GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("\"/webhooks/todoist\"", document);
        Assert.Contains("Receive a Todoist webhook delivery", document);
    }

    /// <summary>A stream whose length is unknown, so the client sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
