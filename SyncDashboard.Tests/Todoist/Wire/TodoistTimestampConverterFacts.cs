using System.Text.Json;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Wire;

public sealed class TodoistTimestampConverterFacts
{
    private sealed record Stamped(DateTime At, DateTime? Maybe);

    [Theory]
    [InlineData("2025-02-10T10:33:38.000000Z")]
    [InlineData("2025-02-10T10:33:38Z")]
    [InlineData("2025-02-10T10:33:38")]
    [InlineData("2025-02-10T11:33:38+01:00")]
    [InlineData("2025-02-10T05:33:38.0000000-05:00")]
    public void Read_ReturnsUtc_WhateverTheIsoForm(string text)
    {
        var value = JsonSerializer.Deserialize<Stamped>($$"""{"at":"{{text}}"}""", TodoistJson.Options)!;

        Assert.Equal(new DateTime(2025, 2, 10, 10, 33, 38, DateTimeKind.Utc), value.At);
        Assert.Equal(DateTimeKind.Utc, value.At.Kind);
    }

    [Fact]
    public void Write_UsesSixFractionalDigitsAndZ_ForNullableToo()
    {
        var at = new DateTime(2025, 2, 10, 10, 33, 38, DateTimeKind.Utc).AddTicks(1234567);

        var json = JsonSerializer.Serialize(new Stamped(at, at), TodoistJson.Options);

        Assert.Equal("""{"at":"2025-02-10T10:33:38.123456Z","maybe":"2025-02-10T10:33:38.123456Z"}""", json);
    }

    [Fact]
    public void Read_Throws_WhenTheTextIsNotATimestamp()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Stamped>("""{"at":"next tuesday"}""", TodoistJson.Options));
    }
}
