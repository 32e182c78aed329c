using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

/// <summary>The SQLite file and its companions are readable by the app's user only, in a folder only it may enter;
/// checked on the files the real app makes at start-up.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateDatabaseFileFacts
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    private static string NewFolder() =>
        Path.Combine(Path.GetTempPath(), "syncdashboard-tests", $"private-{Guid.NewGuid():N}", "data");

    [Fact]
    public async Task AppStart_CreatesTheDatabaseAndItsWal600()
    {
        SkipOnWindows();
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "syncdashboard.db");
        await using (var app = new TestApp(null, file))
        {
            await app.StartAsync();
            await using var db = await app.CreateDbAsync();
            // A write, so the WAL file exists whatever the pool has done with the migrator's connection, on a
            // connection held open: SQLite removes the WAL when its last connection closes, and another test's
            // SqliteConnection.ClearAllPools (they run in parallel) closes pooled ones.
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            db.AuditEntries.Add(new AuditEntry { Service = "test", Actor = "test", Action = AuditAction.Pause });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            Assert.Equal(Private, File.GetUnixFileMode(file));
            Assert.Equal(Private, File.GetUnixFileMode(file + "-wal"));
            Assert.Equal(Private, File.GetUnixFileMode(file + "-shm"));
        }
        TempFiles.DeleteDatabase(file);
    }

    [Fact]
    public void Prepare_CreatesAMissingFolder700_AndTheFile600()
    {
        SkipOnWindows();
        var folder = NewFolder();
        var file = Path.Combine(folder, "new.db");

        PrivateDatabaseFile.Prepare($"Data Source={file}", NullLogger.Instance);

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(folder));
        Assert.Equal(Private, File.GetUnixFileMode(file));
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public void Prepare_NarrowsAFileFoundWorldReadable()
    {
        SkipOnWindows();
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "old.db");
        File.WriteAllBytes(file, []);
        File.SetUnixFileMode(file, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivateDatabaseFile.Prepare($"Data Source={file}", NullLogger.Instance);

        Assert.Equal(Private, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Prepare_LeavesInMemoryDatabasesAlone()
    {
        PrivateDatabaseFile.Prepare("Data Source=:memory:", NullLogger.Instance);
        PrivateDatabaseFile.Prepare("Data Source=shared;Mode=Memory;Cache=Shared", NullLogger.Instance);

        Assert.False(File.Exists("shared"));
    }

    /// <summary>The default data folder (no connection string) is made 700 as well.</summary>
    [Fact]
    public void SqliteConnectionString_MakesTheDataFolder700()
    {
        SkipOnWindows();
        var folder = NewFolder();

        DatabaseSetup.SqliteConnectionString(new DatabaseOptions { DataFolder = folder }, "/");

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(folder));
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("Unix file modes only.");
    }
}
