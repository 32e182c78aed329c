namespace SyncDashboard.Tests.Infrastructure;

public sealed class TestTimeoutsFacts
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("", 1.0)]
    [InlineData("2", 2.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("0.5", 0.5)]
    public void ParseScale_ReadsTheMultiplier_DefaultingToOne(string? value, double expected) =>
        Assert.Equal(expected, TestTimeouts.ParseScale(value));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("2,5")]
    [InlineData("twice")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void ParseScale_NamesTheVariable_WhenNotAPositiveNumber(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestTimeouts.ParseScale(value));

        Assert.Contains(TestTimeouts.ScaleVariable, error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }
}
