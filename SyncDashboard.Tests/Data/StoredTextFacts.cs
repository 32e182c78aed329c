using SyncDashboard.Data;

namespace SyncDashboard.Tests.Data;

/// <summary>What a person types is stored only when every provider can store it as it is.</summary>
public sealed class StoredTextFacts
{
    [Theory]
    [InlineData("on it", null)]
    [InlineData("  padded  ", null)]
    [InlineData("two\nlines\r\nand\ta tab", null)]
    [InlineData("日本語 😀 ä", null)]
    [InlineData(null, "must not be empty")]
    [InlineData("", "must not be empty")]
    [InlineData(" \n\t ", "must not be empty")]
    [InlineData("a\0b", "must not contain control characters")]
    [InlineData("bell\u0007", "must not contain control characters")]
    [InlineData("esc\u001b[31m", "must not contain control characters")]
    public void Problem_SaysWhatIsWrong_OrNothing(string? text, string? problem) =>
        Assert.Equal(problem, StoredText.Problem(text, 20));

    /// <summary>Built at run time: an attribute's strings are stored as UTF-8, where a lone surrogate cannot travel.</summary>
    [Fact]
    public void Problem_RefusesALoneSurrogate()
    {
        Assert.Equal("must be valid Unicode text", StoredText.Problem("lone " + (char)0xD800 + " high", 20));
        Assert.Equal("must be valid Unicode text", StoredText.Problem(((char)0xDC00).ToString(), 20));
        Assert.Null(StoredText.Problem("😀 is a pair", 20));
    }

    [Fact]
    public void Problem_CountsTheTrimmedText_AgainstTheLimit()
    {
        Assert.Null(StoredText.Problem("  " + new string('x', 20) + "  ", 20));
        Assert.Equal("must be at most 20 characters", StoredText.Problem(new string('x', 21), 20));
    }
}
