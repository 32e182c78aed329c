namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Waits for something another thread (a Hangfire worker, a circuit) makes true, with a deadline.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? within = null) where T : class
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Nothing came within {within ?? TimeSpan.FromSeconds(20)}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
