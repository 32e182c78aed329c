namespace SyncDashboard.Todoist.Simulator;

/// <summary>A webhook the simulated account announces: Todoist's event name, the object as it is now, and when.</summary>
public sealed record SimulatedWebhook(string EventName, object EventData, DateTime TriggeredUtc);
