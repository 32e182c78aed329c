namespace SyncDashboard.Maintenance;

/// <summary>Active: an occurrence is in progress. Upcoming: one is ahead. Past: none is in progress or ahead.</summary>
public enum MaintenanceState { Active, Upcoming, Past }
