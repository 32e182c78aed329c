using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>An event as the history's details drawer shows it.</summary>
public sealed record EventDetail(
    EventRow Event, FailureKind? ErrorKind, string? SyncTokenBefore, string? SyncTokenAfter, string? Node)
{
    /// <summary>The mirror verification this full sync made, if it made one.</summary>
    public VerificationRow? Verification { get; init; }
}
