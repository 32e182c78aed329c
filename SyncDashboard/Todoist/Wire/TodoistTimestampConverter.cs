using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncDashboard.Todoist.Wire;

/// <summary>Todoist writes timestamps as <c>2025-02-10T10:33:38.000000Z</c>. We read any ISO-8601 form (with or without
/// a fraction, with <c>Z</c>, an offset or nothing) as UTC, because payloads from older clients and webhooks vary, and
/// always write Todoist's own six-digit <c>Z</c> form so any Todoist client can read what the simulator sends.</summary>
public sealed class TodoistTimestampConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO-8601 timestamp string, got {reader.TokenType}.");
        }
        // TryGetDateTime tells us whether the text carried an offset: Unspecified means it did not, and Todoist's
        // times are UTC. With an offset, go through DateTimeOffset so the local time zone never gets involved.
        if (!reader.TryGetDateTime(out var parsed))
        {
            throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 timestamp.");
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        }
        return reader.TryGetDateTimeOffset(out var withOffset) ? withOffset.UtcDateTime : parsed.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}
