using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SyncDashboard.Todoist.Wire;

/// <summary>What the app keeps of a Todoist webhook body: who, what, which object and when. The body's signature is
/// checked before this is ever called.</summary>
public sealed partial record WebhookPayload(string EventName, string UserId, string? ObjectType, string? ObjectId, DateTime? TriggeredUtc)
{
    private const int MaxDepth = 32;

    /// <summary>Parses a webhook body, or says in a sentence what is wrong with it (for a 400's problem detail).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out WebhookPayload? payload, out string? problem)
    {
        payload = null;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("the body must be a JSON object", out problem);

            if (!root.TryGetProperty("event_name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                || nameElement.GetString() is not { } eventName || !EventNamePattern().IsMatch(eventName))
            {
                return Fail("'event_name' must be a string such as \"item:added\"", out problem);
            }
            if (!root.TryGetProperty("user_id", out var userElement) || Scalar(userElement) is not { Length: > 0 and <= 64 } userId)
            {
                return Fail("'user_id' must be a string or a number", out problem);
            }
            if (!root.TryGetProperty("event_data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return Fail("'event_data' must be a JSON object", out problem);
            }
            DateTime? triggered = null;
            if (root.TryGetProperty("triggered_at", out var triggeredElement) && triggeredElement.ValueKind != JsonValueKind.Null)
            {
                if (triggeredElement.ValueKind != JsonValueKind.String
                    || !DateTimeOffset.TryParse(triggeredElement.GetString(), CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    return Fail("'triggered_at' must be an ISO-8601 time", out problem);
                }
                triggered = at.UtcDateTime;
            }
            var objectId = data.TryGetProperty("id", out var idElement) ? Scalar(idElement) : null;
            payload = new WebhookPayload(eventName, userId, eventName[..eventName.IndexOf(':')],
                objectId is { Length: <= 64 } ? objectId : null, triggered);
            problem = null;
            return true;
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and byte where the JSON breaks off; it holds no secret.
            return Fail($"the body is not valid JSON ({ex.Message})", out problem);
        }
        catch (ArgumentException)
        {
            return Fail("the body is not UTF-8 JSON", out problem);
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static bool Fail(string text, out string? problem)
    {
        problem = text;
        return false;
    }

    [GeneratedRegex("^[a-z_]{1,24}:[a-z_]{1,32}$")]
    private static partial Regex EventNamePattern();
}
