using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

public sealed class DurationSketchFacts
{
    [Fact]
    public void Quantile_IsNull_ForAnEmptySketch()
    {
        Assert.Null(DurationSketch.Empty.Quantile(0.5));
        Assert.Null(DurationSketch.Of([]).Quantile(0.95));
        Assert.Equal(0, DurationSketch.Empty.Count);
    }

    /// <summary>Every whole millisecond up to ten minutes stands for a value within α of itself: the guarantee the
    /// quantiles rest on, checked where floating point would break it (the bins' edges).</summary>
    [Fact]
    public void ValueOf_IndexOf_IsWithinTheRelativeAccuracy_ForEveryMillisecondUpToTenMinutes()
    {
        var worst = 0.0;
        for (long ms = 1; ms <= 600_000; ms++)
        {
            worst = Math.Max(worst, NearestRank.ErrorOf(DurationSketch.ValueOf(DurationSketch.IndexOf(ms)), ms));
        }
        Assert.InRange(worst, 0, DurationSketch.RelativeAccuracy * (1 + 1e-9));
    }

    /// <summary>Any spread, any size, the extreme quantiles too: the estimate is within α (1 %) of the exact
    /// nearest-rank percentile, so within the 2 % the dashboard promises.</summary>
    [Theory]
    [InlineData(1, 1, 0.5)]
    [InlineData(2, 2, 0.95)]
    [InlineData(3, 7, 0.5)]
    [InlineData(4, 20, 0.95)]
    [InlineData(5, 100, 0.99)]
    [InlineData(6, 1_000, 0.5)]
    [InlineData(7, 1_000, 0.95)]
    [InlineData(8, 1_000, 0.99)]
    [InlineData(9, 5_000, 0.0)]
    [InlineData(10, 5_000, 1.0)]
    [InlineData(11, 5_000, 0.05)]
    [InlineData(12, 20_000, 0.999)]
    public void Quantile_IsWithinOnePercent_OfTheExactNearestRank(int seed, int count, double p)
    {
        var random = new Random(seed);
        // Log-normal around 450 ms with a heavy tail: a few per cent of runs ten to a hundred times slower.
        var durations = Enumerable.Range(0, count).Select(_ =>
        {
            var ms = 450 * Math.Exp(0.6 * Normal(random));
            return (long)(random.Next(100) < 3 ? ms * (10 + random.Next(90)) : ms);
        }).ToList();

        NearestRank.AssertWithin(NearestRank.Of(durations, p), DurationSketch.Of(durations).Quantile(p),
            $"p{p * 100} of {count}", DurationSketch.RelativeAccuracy);
    }

    /// <summary>Runs packed close together (300..309 ms, each repeated): neighbouring ranks land in neighbouring bins,
    /// where a rank off by one bin would show.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Quantile_IsWithinOnePercent_ForRunsPackedIntoNeighbouringBins(double p)
    {
        foreach (var repeat in new[] { 1, 3, 10 })
        {
            var durations = Enumerable.Range(0, 10).SelectMany(i => Enumerable.Repeat(300L + i, repeat)).ToList();
            NearestRank.AssertWithin(NearestRank.Of(durations, p), DurationSketch.Of(durations).Quantile(p),
                $"p{p * 100} of {durations.Count}", DurationSketch.RelativeAccuracy);
        }
    }

    [Fact]
    public void Quantile_IsZero_ForTheRanksOfRunsUnderAMillisecond()
    {
        var sketch = DurationSketch.Of([0, 0, 0, 1, 5_000]);

        Assert.Equal(3, sketch.ZeroCount);
        Assert.Equal(0, sketch.Quantile(0.6)); // rank 3 of 5: the last zero
        Assert.InRange(sketch.Quantile(0.8)!.Value, 0.99, 1.01); // rank 4: 1 ms
        Assert.InRange(sketch.Quantile(1)!.Value, 4_950, 5_050);
    }

    [Fact]
    public void Add_GivesTheSketchOf_AllTheDurationsAdded()
    {
        var durations = new long[] { 120, 0, 40, 120, 9_000, 41, 0, 1 };
        var added = durations.Aggregate(DurationSketch.Empty, (sketch, ms) => sketch.Add(ms));

        Assert.Equal(DurationSketch.Of(durations), added);
        Assert.Equal(durations.Length, added.Count);
        Assert.Equal(0, DurationSketch.Empty.Count); // Add never changes the sketch it is called on
    }

    [Fact]
    public void Add_Rejects_ANegativeDuration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationSketch.Empty.Add(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationSketch.Of([5, -2]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(95)]
    [InlineData(double.NaN)]
    public void Quantile_Rejects_AQuantileOutsideZeroToOne(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationSketch.Of([100]).Quantile(p));

    /// <summary>The property the rollups rest on: however a set of runs is split (into hours, days, weeks, any number
    /// of parts, some empty), merging the parts' sketches gives the sketch of the whole set, bin for bin.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 24)]
    [InlineData(4, 168)]
    [InlineData(5, 720)]
    public void Merge_EqualsTheSketchOfTheUnion_HoweverTheRunsAreSplit(int seed, int parts)
    {
        var random = new Random(seed);
        var durations = Enumerable.Range(0, 3_000).Select(_ => random.Next(10) == 0 ? 0L : (long)Math.Exp(random.NextDouble() * 12)).ToList();
        var split = durations.GroupBy(_ => random.Next(parts)).Select(g => DurationSketch.Of(g)).ToList();
        split.Add(DurationSketch.Empty);

        var whole = DurationSketch.Of(durations);
        Assert.Equal(whole, DurationSketch.Merge(split));
        Assert.Equal(whole, DurationSketch.Merge(Enumerable.Reverse(split))); // order does not matter
        // Merging merges (hours into days, days into a week) is the same again.
        Assert.Equal(whole, DurationSketch.Merge(split.Chunk(7).Select(DurationSketch.Merge)));
        foreach (var p in new[] { 0.5, 0.95, 0.99 })
        {
            Assert.Equal(whole.Quantile(p), DurationSketch.Merge(split).Quantile(p));
        }
    }

    [Fact]
    public void Merge_OfNothing_IsEmpty() => Assert.Equal(DurationSketch.Empty, DurationSketch.Merge([]));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(10_000)]
    public void Decode_ReadsWhatEncodeWrote(int count)
    {
        var random = new Random(count);
        var sketch = DurationSketch.Of(Enumerable.Range(0, count).Select(_ => random.Next(20) == 0 ? 0L : (long)Math.Exp(random.NextDouble() * 14)));

        var stored = sketch.Encode();

        Assert.Equal(sketch, DurationSketch.Decode(stored));
        Assert.Equal(DurationSketch.Format, stored[0]);
    }

    /// <summary>What a row costs: an hour of a run a minute, spread like real syncs, is about a hundred bytes.</summary>
    [Fact]
    public void Encode_TakesAboutTwoBytesABin()
    {
        var random = new Random(3);
        var hour = DurationSketch.Of(Enumerable.Range(0, 60).Select(_ => (long)(450 * Math.Exp(0.5 * Normal(random)))));

        var stored = hour.Encode();

        Assert.InRange(stored.Length, 2 * hour.BinCount, 3 + 2 * hour.BinCount + 2);
        Assert.Equal([DurationSketch.Format, 0, 0], DurationSketch.Empty.Encode());
    }

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 9, 0, 0 }, "format 9")]
    [InlineData(new byte[] { 1, 0 }, "ends inside a number")]
    [InlineData(new byte[] { 1, 0x80 }, "ends inside a number")]
    [InlineData(new byte[] { 1, 0, 1, 5 }, "claims")]
    [InlineData(new byte[] { 1, 0, 0, 7 }, "after its last bin")]
    [InlineData(new byte[] { 1, 0, 2, 5, 1, 0, 1 }, "out of order")]
    [InlineData(new byte[] { 1, 0, 1, 5, 0 }, "empty or negative bin")]
    [InlineData(new byte[] { 1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, "claims")]
    public void Decode_Refuses_WhatEncodeCannotHaveWritten(byte[] stored, string message)
    {
        var error = Assert.Throws<FormatException>(() => DurationSketch.Decode(stored));
        Assert.Contains(message, error.Message);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
