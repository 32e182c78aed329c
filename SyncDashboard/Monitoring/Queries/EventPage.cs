using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>A page of events, newest first, and the cursor of the next (older) page when there is one.</summary>
public sealed record EventPage(IReadOnlyList<EventRow> Events, EventCursor? Next);
