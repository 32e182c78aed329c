namespace SyncDashboard.Sync.Mirror;

/// <summary>How a sync changed the mirror, summed over its tables.</summary>
public readonly record struct MirrorChanges(int Added, int Updated, int Deleted)
{
    public static MirrorChanges operator +(MirrorChanges a, MirrorChanges b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.Deleted + b.Deleted);
}
