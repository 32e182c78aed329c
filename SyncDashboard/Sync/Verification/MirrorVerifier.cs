using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Verification;

/// <summary>Fetches a full sync's snapshot so that the mirror can be compared with it without trusting clocks: the
/// changes since the mirror's token bring the mirror forward, and two incremental calls from the new tokens, both
/// empty, prove that nothing changed between the answers. Otherwise it tries again, up to
/// <see cref="VerificationOptions.MaxAlignAttempts"/>, and then says it could not align rather than compare answers
/// of different moments. A verification call that fails (rate limit included) costs the verification, never the full
/// sync: only the snapshot's own call can fail the run, as it would without verification.</summary>
public sealed class MirrorVerifier(TodoistClient todoist, IOptions<VerificationOptions> options, ILogger<MirrorVerifier> logger)
{
    public async Task<VerifiedFetch> FetchAsync(string storedToken, CancellationToken ct)
    {
        var deltas = new List<SyncResponse>();
        var calls = 0;
        string token;
        try
        {
            calls++;
            var delta = await todoist.SyncAsync(storedToken, ct);
            deltas.Add(delta);
            token = delta.SyncToken!;
        }
        catch (TodoistApiException ex)
        {
            return await WithoutVerificationAsync(ex, calls, 0, ct);
        }

        var attempts = options.Value.MaxAlignAttempts;
        SyncResponse? snapshot = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (snapshot is null)
            {
                // The full sync's own call: its failure is the run's, as without verification.
                snapshot = await todoist.SyncAsync(TodoistClient.FullSyncToken, ct);
            }
            else
            {
                try
                {
                    calls++;
                    snapshot = await todoist.SyncAsync(TodoistClient.FullSyncToken, ct);
                }
                catch (TodoistApiException ex)
                {
                    return Unverified(snapshot, ex, calls, attempt);
                }
            }
            SyncResponse sinceMirror, sinceSnapshot;
            try
            {
                calls++;
                sinceMirror = await todoist.SyncAsync(token, ct);
                calls++;
                sinceSnapshot = await todoist.SyncAsync(snapshot.SyncToken!, ct);
            }
            catch (TodoistApiException ex)
            {
                return Unverified(snapshot, ex, calls, attempt);
            }
            if (sinceMirror.ObjectCount == 0 && sinceSnapshot.ObjectCount == 0)
            {
                return new VerifiedFetch(snapshot, deltas, null, attempt, calls, null);
            }
            if (sinceMirror.ObjectCount > 0)
            {
                deltas.Add(sinceMirror);
                token = sinceMirror.SyncToken!;
            }
            logger.LogInformation("Todoist changed while the verification fetched (attempt {Attempt} of {Attempts})",
                attempt, attempts);
        }
        return new VerifiedFetch(snapshot!, deltas, VerificationOutcome.NotAligned, attempts, calls,
            $"Todoist kept changing while the answers were fetched ({attempts} attempts), so they could not be lined up; " +
            "nothing was compared.");
    }

    /// <summary>The first verification call failed: the snapshot is fetched as a plain full sync would.</summary>
    private async Task<VerifiedFetch> WithoutVerificationAsync(TodoistApiException ex, int calls, int attempts, CancellationToken ct)
    {
        var snapshot = await todoist.SyncAsync(TodoistClient.FullSyncToken, ct);
        return Unverified(snapshot, ex, calls, attempts);
    }

    private VerifiedFetch Unverified(SyncResponse snapshot, TodoistApiException ex, int calls, int attempts)
    {
        logger.LogWarning("The mirror was not verified: a verification call failed with {Code} ({Kind})", ex.Code, ex.Kind);
        var (outcome, note) = ex.Kind switch
        {
            FailureKind.RateLimited => (VerificationOutcome.Skipped,
                "Skipped: Todoist was rate-limiting the account's incremental calls, and verifying costs a few of them."),
            FailureKind.InvalidSyncToken => (VerificationOutcome.NotAligned,
                "Todoist refused the mirror's sync token, so the mirror could not be brought up to the snapshot's moment."),
            _ => (VerificationOutcome.NotAligned, $"A verification call failed ({ex.Code}); nothing was compared."),
        };
        return new VerifiedFetch(snapshot, [], outcome, attempts, calls, note);
    }
}
