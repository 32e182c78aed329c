using SyncDashboard.Data;

namespace SyncDashboard.Benchmarks;

/// <summary>The webhook deliveries that announced a successful run's changes: one per changed object, triggered at a
/// random moment between the previous successful run's start and this run's, received a fraction of a second to a
/// few seconds later (never after the run started), claimed by and linked to that run. About 2 % are never sent, the
/// missed deliveries the webhooks view is there to show, and about 3 % were delivered twice.</summary>
internal sealed class Announcer(Random random, DateTime fromUtc)
{
    private const string UserId = "2671355";
    private static readonly string[] Verbs = ["added", "updated", "deleted"];

    public int Written { get; private set; }
    public int Dropped { get; private set; }

    public IEnumerable<WebhookDelivery> Announce(SyncEvent run, DateTime previousStartUtc)
    {
        if (run.StartedUtc < fromUtc) yield break;
        var window = (run.StartedUtc - previousStartUtc).Ticks;
        var changes = run.ItemsAdded + run.ItemsUpdated + run.ItemsDeleted;
        for (var k = 0; k < changes; k++)
        {
            if (random.Next(100) < 2)
            {
                Dropped++;
                continue;
            }
            var verb = Verbs[k < run.ItemsAdded ? 0 : k < run.ItemsAdded + run.ItemsUpdated ? 1 : 2];
            var type = random.Next(100) switch { < 70 => "item", < 85 => "note", < 92 => "project", < 97 => "section", _ => "label" };
            var triggered = previousStartUtc.AddTicks(1 + random.NextInt64(Math.Max(1, window - 1)));
            var received = triggered.AddMilliseconds(300 + random.Next(2700));
            Written++;
            yield return new WebhookDelivery
            {
                Id = Written,
                Service = run.Service,
                DeliveryId = NewId().ToString(),
                EventName = $"{type}:{verb}",
                UserId = UserId,
                ObjectType = type,
                ObjectId = random.NextInt64(1_000_000_000, 9_999_999_999).ToString(),
                TriggeredUtc = triggered,
                ReceivedUtc = received < run.StartedUtc ? received : run.StartedUtc,
                Redeliveries = random.Next(100) < 3 ? 1 : 0,
                ClaimToken = "history-" + run.Id,
                SyncEventId = run.Id,
            };
        }
    }

    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
