using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist;

/// <summary>Calls Todoist API v1's sync endpoint. It does not retry: the sync engine and Hangfire own retries, so a
/// failure surfaces once, classified, as a <see cref="TodoistApiException"/>.</summary>
public sealed class TodoistClient(
    HttpClient http,
    TodoistTargetResolver targets,
    IOptions<TodoistOptions> options,
    TimeProvider time,
    ILogger<TodoistClient> logger)
{
    public const string FullSyncToken = "*";
    private const int MaxErrorBodyChars = 4096;
    public const int MaxSyncTokenLength = 512;

    public async Task<SyncResponse> SyncAsync(string syncToken, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseAddress, "/api/v1/sync"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["sync_token"] = syncToken,
                // Each type once, whatever the configuration layered together.
                ["resource_types"] = JsonSerializer.Serialize(options.Value.ResourceTypes.Distinct(StringComparer.Ordinal)),
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await ErrorFromAsync(response, timeout.Token);
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var sync = await JsonSerializer.DeserializeAsync<SyncResponse>(body, TodoistJson.Options, timeout.Token);
            if (sync?.SyncToken is not { Length: > 0 })
            {
                throw new TodoistApiException(FailureKind.Contract, "MALFORMED_RESPONSE",
                    "Todoist answered 200 without a sync_token.", httpStatus: 200);
            }
            if (sync.SyncToken.Length > MaxSyncTokenLength)
            {
                // Stored with the state; a token that does not fit must fail here, not in the middle of the commit.
                throw new TodoistApiException(FailureKind.Contract, "MALFORMED_RESPONSE",
                    $"Todoist's sync_token is {sync.SyncToken.Length} characters long; at most {MaxSyncTokenLength} are stored.",
                    httpStatus: 200);
            }
            return sync;
        }
        catch (JsonException ex)
        {
            throw new TodoistApiException(FailureKind.Contract, "MALFORMED_RESPONSE",
                $"Todoist's sync response is not valid JSON: {ex.Message}", httpStatus: 200, inner: ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TodoistApiException(FailureKind.Transient, "TIMEOUT",
                $"Todoist did not answer within {options.Value.RequestTimeoutSeconds} s.", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TodoistApiException(FailureKind.Transient, "NETWORK",
                $"Could not reach Todoist at {target.BaseAddress.GetLeftPart(UriPartial.Authority)}: {ex.Message}",
                inner: ex);
        }
        catch (IOException ex)
        {
            throw new TodoistApiException(FailureKind.Transient, "NETWORK",
                $"The connection to Todoist broke while reading the response: {ex.Message}", inner: ex);
        }
    }

    private async Task<TodoistApiException> ErrorFromAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var text = await ReadCappedAsync(response, ct);
        WireError? error = null;
        try { error = JsonSerializer.Deserialize<WireError>(text, TodoistJson.Options); }
        catch (JsonException) { /* Todoist promises JSON errors; a proxy in between may not. */ }

        var kind = FailureClassifier.Classify(status, error?.ErrorTag, error?.Error ?? text);
        var retryAfter = RetryAfterOf(response, time.GetUtcNow()) ?? (error?.ErrorExtra?.RetryAfter is int s ? TimeSpan.FromSeconds(s) : null);
        var code = error?.ErrorTag ?? $"HTTP_{status}";
        var message = $"Todoist answered {status} {response.ReasonPhrase}" +
                      (error?.Error is { Length: > 0 } e ? $": {e}" : "");
        logger.LogWarning("Todoist sync call failed: {Status} {Code} ({Kind})", status, code, kind);
        return new TodoistApiException(kind, code, message, status, error?.ErrorTag, error?.ErrorCode,
            error?.ErrorExtra?.EventId, retryAfter);
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
            _ => null,
        };

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length <= MaxErrorBodyChars ? text : text[..MaxErrorBodyChars];
    }
}
