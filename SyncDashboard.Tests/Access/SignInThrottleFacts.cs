using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Access;

namespace SyncDashboard.Tests.Access;

/// <summary>The limits on guessing, with a fake clock: failures lock a name per address, never for everyone; a name
/// guessed at from many addresses slows down instead.</summary>
public sealed class SignInThrottleFacts
{
    private const string Attacker = "198.51.100.7";
    private const string RealUser = "203.0.113.20";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle(int maxFailed = 5, int lockoutMinutes = 15, int backoffAfter = 20,
        int backoffSeconds = 2, int maxWaitSeconds = 10) =>
        new(Options.Create(new AccessOptions
        {
            MaxFailedSignIns = maxFailed,
            LockoutMinutes = lockoutMinutes,
            NameBackoffAfter = backoffAfter,
            NameBackoffSeconds = backoffSeconds,
            MaxSignInWaitSeconds = maxWaitSeconds,
        }), clock);

    [Fact]
    public void Enter_RefusesTheNameToTheAddress_AfterMaxFailedSignIns()
    {
        var throttle = Throttle(maxFailed: 3);
        for (var i = 0; i < 2; i++) throttle.RecordFailure("otto", Attacker);
        var beforeThird = throttle.Enter("otto", Attacker);
        throttle.RecordFailure("OTTO ", Attacker);

        Assert.Equal(TimeSpan.Zero, beforeThird);
        Assert.Null(throttle.Enter("otto", Attacker));
    }

    [Fact]
    public void Enter_LetsTheRealUserIn_FromAnotherAddress_WhileTheGuesserIsLockedOut()
    {
        var throttle = Throttle();
        for (var i = 0; i < 5; i++) throttle.RecordFailure("otto", Attacker);

        Assert.Null(throttle.Enter("otto", Attacker));
        Assert.Equal(TimeSpan.Zero, throttle.Enter("otto", RealUser));
        Assert.Equal(TimeSpan.Zero, throttle.Enter("vera", Attacker));
    }

    [Fact]
    public void Enter_LetsTheAddressTryAgain_AfterLockoutMinutes()
    {
        var throttle = Throttle(lockoutMinutes: 15);
        for (var i = 0; i < 5; i++) throttle.RecordFailure("otto", Attacker);

        clock.Advance(TimeSpan.FromMinutes(14.9));
        var during = throttle.Enter("otto", Attacker);
        clock.Advance(TimeSpan.FromMinutes(0.2));

        Assert.Null(during);
        Assert.Equal(TimeSpan.Zero, throttle.Enter("otto", Attacker));
    }

    [Fact]
    public void RecordSuccess_ClearsOnlyThatAddressesCount()
    {
        var throttle = Throttle(maxFailed: 2);
        throttle.RecordFailure("otto", RealUser);
        throttle.RecordFailure("otto", Attacker);

        throttle.RecordSuccess("otto", RealUser);
        throttle.RecordFailure("otto", RealUser);
        throttle.RecordFailure("otto", Attacker);

        Assert.Equal(TimeSpan.Zero, throttle.Enter("otto", RealUser));
        Assert.Null(throttle.Enter("otto", Attacker));
    }

    /// <summary>Twenty addresses each stay under their own limit; together they put the name on turns two seconds
    /// apart. The real user waits for a turn and is let in; nobody is refused while the queue is short.</summary>
    [Fact]
    public void Enter_SpacesAttemptsAtAName_GuessedFromManyAddresses()
    {
        var throttle = Throttle(backoffAfter: 20, backoffSeconds: 2, maxWaitSeconds: 10);
        for (var i = 0; i < 20; i++) throttle.RecordFailure("otto", $"198.51.100.{i}");

        var waits = Enumerable.Range(0, 6).Select(_ => throttle.Enter("otto", RealUser)).ToList();

        Assert.Equal([0, 2, 4, 6, 8, 10], waits.Select(w => w!.Value.TotalSeconds));
        Assert.Null(throttle.Enter("otto", RealUser));
        Assert.Equal(TimeSpan.Zero, throttle.Enter("vera", RealUser));
    }

    [Fact]
    public void Enter_StopsSpacing_WhenTheNamesFailuresAreOlderThanTheWindow()
    {
        var throttle = Throttle(backoffAfter: 3, lockoutMinutes: 15);
        for (var i = 0; i < 3; i++) throttle.RecordFailure("otto", $"198.51.100.{i}");
        throttle.Enter("otto", RealUser);
        var spaced = throttle.Enter("otto", RealUser);

        clock.Advance(TimeSpan.FromMinutes(15));

        Assert.True(spaced > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.Enter("otto", RealUser));
        Assert.Equal(TimeSpan.Zero, throttle.Enter("otto", RealUser));
    }

    [Theory]
    // now, next turn (seconds from a start), spacing, max wait -> wait (null: refused), next turn after
    [InlineData(0, 0, 2, 10, 0d, 2)]
    [InlineData(5, 0, 2, 10, 0d, 7)]
    [InlineData(0, 6, 2, 10, 6d, 8)]
    [InlineData(0, 10, 2, 10, 10d, 12)]
    [InlineData(0, 11, 2, 10, null, 11)]
    [InlineData(0, 1, 2, 0, null, 1)]
    public void NextTurn_GivesTheNextFreeTurn_WithinTheLongestWait(
        int now, int nextTurn, int spacing, int maxWait, double? wait, int nextAfter)
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        var (actualWait, actualNext) = SignInThrottle.NextTurn(start.AddSeconds(now), start.AddSeconds(nextTurn),
            TimeSpan.FromSeconds(spacing), TimeSpan.FromSeconds(maxWait));

        Assert.Equal(wait, actualWait?.TotalSeconds);
        Assert.Equal(start.AddSeconds(nextAfter), actualNext);
    }
}
