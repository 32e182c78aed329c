using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>A simulated Todoist account and its API v1 sync semantics, independent of HTTP so it can be unit tested.
/// One lock guards everything: calls are short and the account is small, so contention does not matter.</summary>
public sealed class TodoistSimulator
{
    public const string FullSyncToken = "*";

    private readonly Lock gate = new();
    private readonly SimulatorOptions options;
    private readonly TimeProvider time;
    private readonly SimulatedAccount account;
    private readonly AccountChanges changes;
    private readonly SyncTokens tokens = new();
    private readonly SyncRateLimiter limiter;
    private readonly Random faultRandom;
    private SimulatorFaults faults;
    private bool announcing;
    private readonly List<SimulatedDrift> injectedDrift = [];

    // Bounded: a sender that cannot keep up loses the oldest announcements, as a real webhook outage would.
    private readonly Channel<SimulatedWebhook> webhooks = Channel.CreateBounded<SimulatedWebhook>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private long syncCalls, fullSyncs, incrementalSyncs, refused, faultsInjected, changeCount, announced;

    public TodoistSimulator(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        // Separate streams, so that turning faults on or off never changes the account or its activity.
        account = AccountGenerator.Generate(this.options, new Random(this.options.Seed), time);
        changes = new AccountChanges(account, new Random(unchecked(this.options.Seed * 31 + 1)));
        faultRandom = new Random(unchecked(this.options.Seed * 31 + 2));
        limiter = new SyncRateLimiter(TimeSpan.FromMinutes(this.options.LimitWindowMinutes));
        faults = this.options.InjectFaults ? this.options.Faults : new SimulatorFaults();
    }

    /// <summary>The faults injected into sync requests; replaced at run time through <c>/admin/faults</c>.</summary>
    public SimulatorFaults Faults
    {
        get { lock (gate) return faults; }
        set
        {
            if (SimulatorFaultsValidation.Validate(value) is { Count: > 0 } problems)
            {
                throw new ArgumentException(string.Join(" ", problems.SelectMany(p => p.Value)), nameof(value));
            }
            lock (gate) faults = value;
        }
    }

    public SimulatorCounters Counters
    {
        get { lock (gate) return new(syncCalls, fullSyncs, incrementalSyncs, refused, faultsInjected, changeCount, announced); }
    }

    /// <summary>Serves one sync call. <paramref name="bearerToken"/> is the token from the Authorization header
    /// (null when there was none); <paramref name="resourceTypes"/> is the decoded <c>resource_types</c> list;
    /// <paramref name="syncToken"/> may be null only for a call that sends <paramref name="commands"/>, which reads as a
    /// full sync of whatever <paramref name="resourceTypes"/> asks for (usually nothing).</summary>
    public SimulatorReply Sync(
        string? bearerToken, string? syncToken, IReadOnlyList<string>? resourceTypes, IReadOnlyList<SyncCommand>? commands = null)
    {
        lock (gate)
        {
            syncCalls++;
            var reply = Serve(bearerToken, syncToken ?? FullSyncToken, resourceTypes, commands);
            if (reply.StatusCode != 200) refused++;
            return reply;
        }
    }

    /// <summary>Counts a call whose body could not be read (too large, not a form or JSON, an argument missing) as a
    /// sync call refused, and returns its <paramref name="reply"/>: it never reaches <see cref="Sync"/>, yet it was
    /// answered.</summary>
    public SimulatorReply RefuseUnreadable(SimulatorReply reply)
    {
        lock (gate)
        {
            syncCalls++;
            refused++;
        }
        return reply;
    }

    /// <summary>Decides, for one incoming request, which fault (if any) to act out. Consumes nothing but the fault
    /// dice: no token is issued and no limit is used up, so a faulted call leaves the account as it was.</summary>
    public SimulatorFaultPlan NextFault()
    {
        lock (gate)
        {
            var current = faults;
            var rateLimited = false;
            var kind = Roll(current.TimeoutRate) ? SimulatorFaultKind.Timeout
                : Roll(current.ErrorRate) ? SimulatorFaultKind.Error
                : (rateLimited = Roll(current.RateLimitRate)) ? SimulatorFaultKind.Error
                : Roll(current.MalformedRate) ? SimulatorFaultKind.Malformed
                : SimulatorFaultKind.None;
            // A faulted call is answered (or left hanging) here and never reaches Sync, yet it is a sync call.
            if (kind != SimulatorFaultKind.None)
            {
                syncCalls++;
                faultsInjected++;
            }
            var error = kind == SimulatorFaultKind.Error
                ? SimulatorErrors.Injected(rateLimited ? 429 : current.ErrorStatus, current.RetryAfterSeconds)
                : null;
            return new SimulatorFaultPlan(TimeSpan.FromMilliseconds(current.LatencyMs), kind, error);
        }
    }

    /// <summary>Applies <paramref name="count"/> random, realistic edits (add, edit, complete, delete, comment, …).</summary>
    public void ApplyRandomChanges(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            if (announcing) account.StartJournal();
            changes.Apply(count);
            changeCount += count;
            if (!announcing) return;
            foreach (var webhook in WebhookEvents.From(account.TakeJournal(), account))
            {
                webhooks.Writer.TryWrite(webhook);
                announced++;
            }
        }
    }

    /// <summary>The webhooks the account's changes announce, from the first call on (nothing is collected before
    /// someone reads: the simulator's sender, in demo mode).</summary>
    public ChannelReader<SimulatedWebhook> Webhooks()
    {
        lock (gate) announcing = true;
        return webhooks.Reader;
    }

    /// <summary>The Todoist user the account belongs to (webhooks carry it as <c>user_id</c>).</summary>
    public string UserId => account.UserId;

    /// <summary>The account as a mirror should hold it after syncing: active objects plus completed tasks (and their
    /// comments), without tombstones.</summary>
    public SimulatorSnapshot Snapshot()
    {
        lock (gate)
        {
            var items = account.Items.Values.Where(i => !i.IsDeleted).ToList();
            var itemIds = items.Select(i => i.Id).ToHashSet();
            return new SimulatorSnapshot(
                items,
                account.Projects.Values.Where(SimulatedAccount.IsActive).ToList(),
                account.Sections.Values.Where(SimulatedAccount.IsActive).ToList(),
                account.Labels.Values.Where(SimulatedAccount.IsActive).ToList(),
                account.Notes.Values.Where(n => !n.IsDeleted && itemIds.Contains(n.ItemId!)).ToList());
        }
    }

    private SimulatorReply Serve(
        string? bearerToken, string syncToken, IReadOnlyList<string>? resourceTypes, IReadOnlyList<SyncCommand>? commands)
    {
        if (bearerToken is null) return SimulatorErrors.MissingToken();
        if (!TokenMatches(bearerToken)) return SimulatorErrors.InvalidToken();
        // Checked before the limits: a request refused for its arguments uses up nothing.
        var (types, notModelled) = ResourceTypeParser.Parse(resourceTypes);
        if (notModelled.Count > 0) return SimulatorErrors.NotModelled(notModelled);

        var full = syncToken == FullSyncToken;
        var now = time.GetUtcNow();
        var limit = full ? options.FullSyncLimit : options.IncrementalSyncLimit;
        if (limiter.TryAcquire(bearerToken, full, limit, now) is { } retryAfter)
        {
            return SimulatorErrors.LimitsReached(retryAfter);
        }

        long since = 0;
        if (!full && !tokens.TryResolve(syncToken, out since)) return SimulatorErrors.InvalidSyncToken();

        var response = full ? FullSync(types) : ChangesAfter(since, types);
        // An answer the drift faults changed was given a fault: counted there, not as a served sync.
        if (!full && InjectDrift(ref response)) faultsInjected++;
        else if (full) fullSyncs++;
        else incrementalSyncs++;
        return SimulatorReply.Ok(response with
        {
            SyncToken = tokens.Issue(account.Sequence),
            FullSync = full,
            FullSyncDateUtc = full ? account.Now().AddSeconds(-options.SnapshotLagSeconds) : null,
            SyncStatus = commands is null ? null : Refuse(commands),
            TempIdMapping = commands is null ? null : new Dictionary<string, string>(),
        });
    }

    /// <summary>What <see cref="SimulatorFaults.LoseObjects"/> and <see cref="SimulatorFaults.CorruptObjects"/> did so
    /// far, oldest first.</summary>
    public IReadOnlyList<SimulatedDrift> InjectedDrift
    {
        get { lock (gate) return injectedDrift.ToList(); }
    }

    /// <summary>Spends the drift faults on this incremental answer; true when they changed it.</summary>
    private bool InjectDrift(ref SyncResponse answer)
    {
        if (faults.LoseObjects == 0 && faults.CorruptObjects == 0) return false;
        var injection = new DriftInjection(faults.LoseObjects, faults.CorruptObjects, account);
        var tampered = injection.Apply(answer);
        if (injection.Injected.Count == 0) return false;
        faults = faults with { LoseObjects = injection.LoseLeft, CorruptObjects = injection.CorruptLeft };
        injectedDrift.AddRange(injection.Injected);
        answer = tampered;
        return true;
    }

    /// <summary>The simulator changes its account on its own, never on request: each command is answered with its
    /// own error in <c>sync_status</c> (a repeated uuid is answered once, as Todoist runs a uuid once).</summary>
    private static Dictionary<string, object> Refuse(IReadOnlyList<SyncCommand> commands)
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var command in commands) status.TryAdd(command.Uuid, SimulatorErrors.CommandNotRun(command.Type));
        return status;
    }

    private SyncResponse FullSync(ResourceTypes types) => new()
    {
        Items = Select(types, ResourceTypes.Items, account.Items.Values.Where(SimulatedAccount.IsActive)),
        Projects = Select(types, ResourceTypes.Projects, account.Projects.Values.Where(SimulatedAccount.IsActive)),
        Sections = Select(types, ResourceTypes.Sections, account.Sections.Values.Where(SimulatedAccount.IsActive)),
        Labels = Select(types, ResourceTypes.Labels, account.Labels.Values.Where(SimulatedAccount.IsActive)),
        Notes = Select(types, ResourceTypes.Notes, account.Notes.Values.Where(account.IsActive)),
    };

    private SyncResponse ChangesAfter(long sequence, ResourceTypes types) => new()
    {
        Items = Select(types, ResourceTypes.Items, account.Items.ChangedAfter(sequence)),
        Projects = Select(types, ResourceTypes.Projects, account.Projects.ChangedAfter(sequence)),
        Sections = Select(types, ResourceTypes.Sections, account.Sections.ChangedAfter(sequence)),
        Labels = Select(types, ResourceTypes.Labels, account.Labels.ChangedAfter(sequence)),
        Notes = Select(types, ResourceTypes.Notes, account.Notes.ChangedAfter(sequence)),
    };

    // Only the requested arrays appear; a requested type with nothing in it is an empty array, not a missing key.
    private static List<T>? Select<T>(ResourceTypes requested, ResourceTypes type, IEnumerable<T> objects) =>
        requested.HasFlag(type) ? objects.ToList() : null;

    private bool TokenMatches(string bearerToken) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearerToken), Encoding.UTF8.GetBytes(options.Token));

    private bool Roll(double rate) => rate > 0 && faultRandom.NextDouble() < rate;
}
