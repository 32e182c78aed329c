namespace SyncDashboard.Tests.Infrastructure;

public static class TempFiles
{
    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "syncdashboard-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".migrating" })
        {
            try { File.Delete(file); } catch (IOException) { /* best effort: the OS cleans temp */ }
        }
    }
}
