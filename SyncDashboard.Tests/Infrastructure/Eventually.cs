namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Waits for something another thread (a Hangfire worker, a circuit) makes true, with a deadline.</summary>
public static class Eventually
{
    /// <summary><paramref name="within"/> is the budget on an idle machine, scaled like every test time-out; by
    /// default <see cref="TestTimeouts.Eventually"/>.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null) where T : class
    {
        var budget = within is { } idle ? TestTimeouts.Scaled(idle) : TestTimeouts.Eventually;
        var deadline = DateTime.UtcNow + budget;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nothing came within {budget}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
