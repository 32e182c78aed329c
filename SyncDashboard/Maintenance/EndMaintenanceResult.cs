namespace SyncDashboard.Maintenance;

/// <summary>Ended: it covers nothing from now on. NotFound: no such window. AlreadyOver: nothing was left to end.</summary>
public enum EndMaintenanceResult { Ended, NotFound, AlreadyOver }
