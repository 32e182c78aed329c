using Microsoft.Extensions.Options;
using SyncDashboard.Data;

namespace SyncDashboard.Sync;

/// <summary>What a successful fetch brought and did to the mirror.</summary>
public sealed record RunResult(
    string Service, SyncType Type, string NewToken, int ObjectCount, Mirror.MirrorChanges Changes,
    DateTime? SnapshotUtc);
