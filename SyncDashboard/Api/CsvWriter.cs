using System.Buffers;
using System.Globalization;
using System.Text;

namespace SyncDashboard.Api;

/// <summary>RFC 4180 CSV into a buffer (a response's <c>PipeWriter</c>): fields separated by commas, rows ended by
/// CRLF, a field quoted when it holds a comma, a quote or a line break, its quotes doubled. Writing only appends to
/// the buffer; the caller decides when to flush it to the network.</summary>
/// <remarks>Text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading
/// <c>'</c>: a spreadsheet opening the file would otherwise run it as a formula (CSV injection, OWASP), and error
/// messages come from a remote API we do not control. The apostrophe is what Excel itself shows for "text, not a
/// formula". Numbers and times are written by us and never start with those characters, so they stay exact.</remarks>
public sealed class CsvWriter(IBufferWriter<byte> output)
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    private bool rowStarted;

    public CsvWriter Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value)) return this;
        var formula = FormulaStarts.Contains(value[0]);
        if (!formula && !value.AsSpan().ContainsAny(NeedsQuotes))
        {
            Append(value);
            return this;
        }
        var quoted = value.AsSpan().ContainsAny(NeedsQuotes);
        if (quoted) Append("\"");
        if (formula) Append("'");
        Append(quoted ? value.Replace("\"", "\"\"", StringComparison.Ordinal) : value);
        if (quoted) Append("\"");
        return this;
    }

    public CsvWriter Number(long? value)
    {
        Separate();
        if (value is { } number) Append(number.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>ISO 8601 in UTC with a <c>Z</c>, to the precision stored (e.g. <c>2026-11-01T08:30:00.1234567Z</c>).</summary>
    public CsvWriter Time(DateTime? value)
    {
        Separate();
        if (value is { } time)
        {
            Append(DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        return this;
    }

    public void EndRow()
    {
        Append("\r\n");
        rowStarted = false;
    }

    private void Separate()
    {
        if (rowStarted) Append(",");
        rowStarted = true;
    }

    private void Append(ReadOnlySpan<char> text) => Encoding.UTF8.GetBytes(text, output);
}
