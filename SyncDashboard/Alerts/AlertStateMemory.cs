using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

/// <summary>Reads and writes the flap control's memory in its <c>alert_state</c> row.</summary>
public static class AlertStateMemory
{
    public static AlertMemory ToMemory(this AlertState state) => new(
        state.NotifiedStatus, state.ConsecutiveBad, state.ConsecutiveGood, state.LastSentUtc,
        state.NotifiedCriticalCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), state.BadSinceUtc, state.GoodSinceUtc);

    public static void Remember(this AlertState state, AlertMemory memory)
    {
        state.NotifiedStatus = memory.NotifiedStatus;
        state.ConsecutiveBad = memory.ConsecutiveBad;
        state.ConsecutiveGood = memory.ConsecutiveGood;
        state.LastSentUtc = memory.LastSentUtc;
        state.NotifiedCriticalCodes = string.Join(',', memory.NotifiedCriticalCodes);
        state.BadSinceUtc = memory.BadSinceUtc;
        state.GoodSinceUtc = memory.GoodSinceUtc;
    }
}
