namespace SyncDashboard.Data;

/// <summary>The encoding of <see cref="SyncMetric.AttemptEnds"/>: the counted attempts that ended in one hour, in
/// order of end time, each as an unsigned LEB128 varint of <c>(Δ &lt;&lt; 1) | succeeded</c>, where Δ is the
/// microseconds since the previous end (the first: since the hour began). Pure.</summary>
/// <remarks>Microseconds because PostgreSQL keeps times to the microsecond (Npgsql drops the rest): an end time
/// truncated to it is the same whether it comes from a stored event or from this log, on every provider. A delta of
/// up to 4.5 minutes takes 4 bytes, up to an hour 5: about 60 bytes an hour at one run every five minutes, 480 at one
/// every 30 seconds.</remarks>
public static class AttemptEnds
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>The time as the objectives count it: truncated to the microsecond, UTC.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TicksPerMicrosecond, DateTimeKind.Utc);

    public static byte[] Encode(DateTime hourStartUtc, IEnumerable<AttemptEnd> attempts)
    {
        var bytes = new List<byte>();
        var previous = hourStartUtc.Ticks;
        foreach (var attempt in attempts.Select(a => a with { EndUtc = Truncate(a.EndUtc) }).OrderBy(a => a.EndUtc)
                     .ThenBy(a => a.Succeeded))
        {
            var ticks = attempt.EndUtc.Ticks;
            if (ticks < hourStartUtc.Ticks || ticks >= hourStartUtc.Ticks + TimeSpan.TicksPerHour)
            {
                throw new ArgumentException(
                    $"An attempt that ended at {attempt.EndUtc:O} is not in the hour of {hourStartUtc:O}.", nameof(attempts));
            }
            var value = (ulong)((ticks - previous) / TicksPerMicrosecond) << 1 | (attempt.Succeeded ? 1UL : 0UL);
            while (value >= 0x80)
            {
                bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }
            bytes.Add((byte)value);
            previous = ticks;
        }
        return bytes.ToArray();
    }

    public static List<AttemptEnd> Decode(DateTime hourStartUtc, byte[]? encoded) => [.. Enumerate(hourStartUtc, encoded)];

    /// <summary>The attempts of one hour's log in order, decoded as they are read: a month of logs is 86,000 attempts
    /// at one run every 30 s, which a caller that keeps only some of them need not hold at once.</summary>
    public static IEnumerable<AttemptEnd> Enumerate(DateTime hourStartUtc, byte[]? encoded)
    {
        if (encoded is null) yield break;
        var ticks = hourStartUtc.Ticks;
        var i = 0;
        while (i < encoded.Length)
        {
            ulong value = 0;
            var shift = 0;
            byte b;
            do
            {
                if (i >= encoded.Length || shift > 63) throw new FormatException("A truncated attempt log.");
                b = encoded[i++];
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            } while (b >= 0x80);
            ticks += (long)(value >> 1) * TicksPerMicrosecond;
            yield return new AttemptEnd(new DateTime(ticks, DateTimeKind.Utc), (value & 1) == 1);
        }
    }

    /// <summary><paramref name="encoded"/> with one more attempt (an hour's log is rewritten whole: a few dozen bytes).</summary>
    public static byte[] Add(DateTime hourStartUtc, byte[]? encoded, AttemptEnd attempt) =>
        Encode(hourStartUtc, Decode(hourStartUtc, encoded).Append(attempt));
}
