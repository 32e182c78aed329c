using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>Where a page ended: the last row's start time and id. Keyset paging, never OFFSET, so a page is as fast
/// at event one million as at event one, and new events arriving at the top never shift what comes next.</summary>
public sealed record EventCursor(DateTime StartedUtc, long Id)
{
    public string Encode() => $"{StartedUtc.Ticks}-{Id}";

    public static bool TryDecode(string? text, out EventCursor? cursor)
    {
        cursor = null;
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], out var ticks) || !long.TryParse(parts[1], out var id)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || id < 1)
        {
            return false;
        }
        cursor = new EventCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
