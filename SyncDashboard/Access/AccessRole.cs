namespace SyncDashboard.Access;

/// <summary>What a signed-in person may do. An operator may also view.</summary>
public enum AccessRole { Viewer, Operator }
