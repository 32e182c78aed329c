using SyncDashboard.Data;

namespace SyncDashboard.Tests.Data;

public sealed class AttemptEndsFacts
{
    private static readonly DateTime Hour = new(2026, 11, 5, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Decode_GivesBackTheAttemptsInOrder_ToTheMicrosecond()
    {
        AttemptEnd[] attempts =
        [
            new(Hour.AddMinutes(50).AddTicks(1_234_567), false), new(Hour, true),
            new(Hour.AddMinutes(59).AddSeconds(59).AddTicks(9_999_999), true), new(Hour.AddMinutes(50).AddTicks(1_234_567), false),
        ];

        var decoded = AttemptEnds.Decode(Hour, AttemptEnds.Encode(Hour, attempts));

        // 1,234,567 ticks is 123,456.7 µs: the 0.7 is dropped, as PostgreSQL drops it from a stored time.
        Assert.Equal(
            [new(Hour, true), new(Hour.AddMinutes(50).AddTicks(1_234_560), false), new(Hour.AddMinutes(50).AddTicks(1_234_560), false),
             new(Hour.AddMinutes(59).AddSeconds(59).AddTicks(9_999_990), true)],
            decoded);
        Assert.All(decoded, a => Assert.Equal(DateTimeKind.Utc, a.EndUtc.Kind));
    }

    /// <summary>The cost docs/slo.md gives: 5 bytes an attempt at one every five minutes (a delta of 300,000,000 µs
    /// doubled is 30 bits), 4 at one every 30 seconds (26 bits).</summary>
    [Theory]
    [InlineData(300, 12, 60)]
    [InlineData(30, 120, 480)]
    public void Encode_TakesTheDocumentedBytes_AtAScheduleOf(int everySeconds, int attempts, int bytes)
    {
        var log = AttemptEnds.Encode(Hour, Enumerable.Range(1, attempts).Select(i => new AttemptEnd(Hour.AddSeconds(everySeconds * i - 1), true)));

        Assert.Equal(bytes, log.Length);
    }

    [Fact]
    public void Add_InsertsInOrder_AndAnEmptyOrMissingLogHasNoAttempts()
    {
        var log = AttemptEnds.Add(Hour, null, new AttemptEnd(Hour.AddMinutes(30), true));
        log = AttemptEnds.Add(Hour, log, new AttemptEnd(Hour.AddMinutes(10), false));

        Assert.Equal([new(Hour.AddMinutes(10), false), new(Hour.AddMinutes(30), true)], AttemptEnds.Decode(Hour, log));
        Assert.Empty(AttemptEnds.Decode(Hour, null));
        Assert.Empty(AttemptEnds.Decode(Hour, []));
    }

    [Fact]
    public void Encode_Throws_WhenAnAttemptEndedOutsideTheHour()
    {
        Assert.Throws<ArgumentException>(() => AttemptEnds.Encode(Hour, [new AttemptEnd(Hour.AddHours(1), true)]));
        Assert.Throws<ArgumentException>(() => AttemptEnds.Encode(Hour, [new AttemptEnd(Hour.AddTicks(-10), true)]));
    }
}
