using SyncDashboard.Data;

namespace SyncDashboard.Tests.Data;

/// <summary>The SQLite time text reads back exactly what Microsoft.Data.Sqlite writes, and anything else the general way.</summary>
public sealed class SqliteTimeTextFacts
{
    public static TheoryData<DateTime> Times => new()
    {
        new DateTime(2026, 5, 31, 23, 59, 36, DateTimeKind.Utc).AddTicks(8997354),
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2024, 2, 29, 12, 30, 15, 500, DateTimeKind.Utc),
        new DateTime(2026, 7, 4, 8, 5, 9, DateTimeKind.Utc).AddTicks(10),
        DateTime.MinValue,
        DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void Read_OfWrite_GivesTheSameUtcTime(DateTime utc)
    {
        var text = SqliteTimeText.Write(utc);

        var back = SqliteTimeText.Read(text);

        Assert.Equal((utc.Ticks, DateTimeKind.Utc), (back.Ticks, back.Kind));
    }

    [Theory]
    [MemberData(nameof(Times))]
    public void Write_IsTheTextTheSqliteDriverWrites(DateTime utc) =>
        // Microsoft.Data.Sqlite binds a DateTime parameter as this text; indexes and comparisons rely on the match.
        Assert.Equal(utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
            SqliteTimeText.Write(utc));

    [Theory]
    [InlineData("2026-05-31T23:59:36Z", "2026-05-31 23:59:36")]
    [InlineData("2026-05-31T23:59:36.5+02:00", "2026-05-31 21:59:36.5")]
    [InlineData("2026-05-31 23:59", "2026-05-31 23:59:00")]
    [InlineData("2026-05-31", "2026-05-31 00:00:00")]
    public void Read_TakesOtherFormsTheGeneralWay_AsUtc(string text, string expected)
    {
        var value = SqliteTimeText.Read(text);

        Assert.Equal((expected, DateTimeKind.Utc), (value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF"), value.Kind));
    }

    [Theory]
    [InlineData("2026-13-01 00:00:00")]
    [InlineData("2026-02-30 00:00:00")]
    [InlineData("not a time at all!!")]
    public void Read_RefusesWhatIsNoTime(string text) =>
        Assert.Throws<FormatException>(() => SqliteTimeText.Read(text));
}
