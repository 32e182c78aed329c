using SyncDashboard.Data;
using SyncDashboard.Sync;

namespace SyncDashboard.Tests.Sync;

public sealed class RetryPolicyFacts
{
    private static readonly RetryOptions Seed = new();

    [Theory]
    [InlineData(FailureKind.Transient, true)]
    [InlineData(FailureKind.RateLimited, true)]
    [InlineData(FailureKind.Unknown, true)]
    [InlineData(FailureKind.Credentials, false)]
    [InlineData(FailureKind.Contract, false)]
    [InlineData(FailureKind.InvalidSyncToken, false)] // a full sync in the same run, not a retry
    public void Decide_RetriesOnlyWhatARetryCanFix(FailureKind kind, bool retries) =>
        Assert.Equal(retries, RetryPolicy.Decide(kind, 0, null, Seed, 0.5).ShouldRetry);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    public void Decide_FollowsTheSeedsLadder_WithoutJitterAtTheMiddleSample(int retriesDone, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.Decide(FailureKind.Transient, retriesDone, null, Seed, 0.5).Delay);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.999)]
    public void Decide_SpreadsEachDelay_WithinTheJitterRatio(double sample)
    {
        for (var retriesDone = 0; retriesDone < 5; retriesDone++)
        {
            var nominal = RetryPolicy.NominalDelay(retriesDone, Seed).TotalSeconds;
            var delay = RetryPolicy.Decide(FailureKind.Transient, retriesDone, null, Seed, sample).Delay!.Value.TotalSeconds;
            Assert.InRange(delay, nominal * (1 - Seed.JitterRatio), nominal * (1 + Seed.JitterRatio));
        }
    }

    [Fact]
    public void Decide_GivesUp_AfterMaxRetries()
    {
        var decision = RetryPolicy.Decide(FailureKind.Transient, 5, null, Seed, 0.5);
        Assert.False(decision.ShouldRetry);
        Assert.Contains("exhausted", decision.GiveUpReason);
    }

    [Fact]
    public void Decide_WaitsAtLeastRetryAfter_ForARateLimit()
    {
        var decision = RetryPolicy.Decide(FailureKind.RateLimited, 0, TimeSpan.FromSeconds(513), Seed, 0.0);
        Assert.Equal(TimeSpan.FromSeconds(513), decision.Delay);
    }

    [Fact]
    public void Decide_KeepsItsOwnDelay_WhenRetryAfterIsShorter()
    {
        var decision = RetryPolicy.Decide(FailureKind.RateLimited, 3, TimeSpan.FromSeconds(1), Seed, 0.5);
        Assert.Equal(TimeSpan.FromSeconds(8), decision.Delay);
    }

    [Fact]
    public void Decide_CapsDelays_AtMaxDelay()
    {
        var options = new RetryOptions { MaxRetries = 20, MaxDelaySeconds = 60, JitterRatio = 0 };
        Assert.Equal(TimeSpan.FromSeconds(60), RetryPolicy.Decide(FailureKind.Transient, 12, null, options, 0.5).Delay);
    }

    [Fact]
    public void Decide_NeverRetries_WhenRetriesAreOff()
    {
        var options = new RetryOptions { Enabled = false };
        Assert.False(RetryPolicy.Decide(FailureKind.Transient, 0, null, options, 0.5).ShouldRetry);
    }
}
