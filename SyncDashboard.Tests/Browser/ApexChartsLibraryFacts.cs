using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Browser;

/// <summary>The chart library the pages load is committed (wwwroot/lib/apexcharts), not fetched by the build, so
/// nothing but scripts/upgrade-apexcharts.sh may change it: these pin its version, its bytes and its licence. No
/// browser needed.</summary>
public sealed class ApexChartsLibraryFacts
{
    /// <summary>Set by scripts/upgrade-apexcharts.sh together with the file and its recorded hash.</summary>
    private const string PinnedVersion = "4.7.0";

    private static readonly string Folder =
        Path.Combine(RepositoryRoot.Path, "SyncDashboard", "wwwroot", "lib", "apexcharts");

    private static string Library => Path.Combine(Folder, "apexcharts.min.js");

    [Fact]
    public void Banner_NamesThePinnedMitVersion()
    {
        // The build's banner: "/*! * ApexCharts v4.7.0 * (c) 2018-2025 ApexCharts * Released under the MIT License. */"
        var banner = ReadStart(Library, 300);

        var version = Regex.Match(banner, @"ApexCharts v(\d+\.\d+\.\d+)\b");
        Assert.True(version.Success, $"No 'ApexCharts vX.Y.Z' banner at the start of {Library}: {banner}");
        Assert.Equal(PinnedVersion, version.Groups[1].Value);
        // 5.x is no longer MIT: a 4.x file that says MIT is the only kind we may ship.
        Assert.StartsWith("4.", version.Groups[1].Value);
        Assert.Contains("Released under the MIT License.", banner);
    }

    [Fact]
    public void Sha256_EqualsTheOneRecordedBesideIt()
    {
        // sha256sum's own format, so `sha256sum -c apexcharts.min.js.sha256` checks it in that folder too.
        var record = File.ReadAllText(Library + ".sha256").Trim();
        var match = Regex.Match(record, @"^([0-9a-f]{64}) [ *]apexcharts\.min\.js$");
        Assert.True(match.Success, $"apexcharts.min.js.sha256 is not one sha256sum line for apexcharts.min.js: '{record}'");

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Library)));

        Assert.True(match.Groups[1].Value == actual,
            $"apexcharts.min.js has SHA-256 {actual}, recorded {match.Groups[1].Value}: the file was changed by hand "
            + "or by a checkout that rewrote line endings; restore it with scripts/upgrade-apexcharts.sh " + PinnedVersion);
    }

    [Fact]
    public void License_IsMit()
    {
        var license = File.ReadAllText(Path.Combine(Folder, "LICENSE"));

        Assert.StartsWith("The MIT License (MIT)", license);
        Assert.Contains("Permission is hereby granted, free of charge, to any person obtaining a copy", license);
        Assert.Contains("Copyright (c) 2018 ApexCharts", license);
    }

    private static string ReadStart(string path, int chars)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[chars];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, chars));
    }
}
