namespace SyncDashboard.Todoist.Simulator;

/// <summary>A webhook the simulated account announces: Todoist's event name, the <c>event_data</c> as Todoist shapes
/// it for that event (the object as it is now), the <c>event_data_extra</c> where Todoist sends one, and when.</summary>
public sealed record SimulatedWebhook(string EventName, object EventData, DateTime TriggeredUtc, object? EventDataExtra = null);
