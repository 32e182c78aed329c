using System.Buffers;
using System.Text;
using SyncDashboard.Api;

namespace SyncDashboard.Tests.Api;

public sealed class CsvWriterFacts
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line1\r\nline2", "\"line1\r\nline2\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_QuotesAndDefusesAsRfc4180AndOwaspSay(string? value, string expected)
    {
        Assert.Equal(expected + "\r\n", Write(csv => csv.Text(value)));
    }

    [Fact]
    public void Row_SeparatesFieldsWithCommas_AndEndsWithCrLf()
    {
        var text = Write(csv => csv.Number(42).Number(null).Time(new DateTime(2026, 11, 1, 8, 30, 0, DateTimeKind.Utc))
            .Time(new DateTime(2026, 11, 1, 8, 30, 0, 500, DateTimeKind.Utc)).Text("x"));

        Assert.Equal("42,,2026-11-01T08:30:00Z,2026-11-01T08:30:00.5Z,x\r\n", text);
    }

    [Fact]
    public void Text_WritesUtf8()
    {
        Assert.Equal("Überfällig ✓\r\n", Write(csv => csv.Text("Überfällig ✓")));
    }

    private static string Write(Action<CsvWriter> row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var csv = new CsvWriter(buffer);
        row(csv);
        csv.EndRow();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
