using System.Diagnostics;

namespace SyncDashboard.Sync;

/// <summary>Names this process in leases and events ("machine/pid"), so that after a crash a restarted process on
/// the same machine can tell that a lease's owner is dead and need not wait for the lease to expire.</summary>
public static class RunIdentity
{
    public static string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public static string NewRunOwner() => $"{Node}/{Guid.NewGuid():N}";

    /// <summary>True when <paramref name="owner"/> names a process on this machine that no longer runs.</summary>
    public static bool IsDeadLocalProcess(string? owner)
    {
        if (owner is null) return false;
        var parts = owner.Split('/');
        if (parts.Length < 2 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // No such process.
        }
    }
}
