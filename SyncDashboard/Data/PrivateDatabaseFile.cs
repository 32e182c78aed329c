using Microsoft.Data.Sqlite;

namespace SyncDashboard.Data;

/// <summary>The SQLite file holds the mirror of someone's Todoist account and the dashboard's audit trail: on Unix it
/// is created readable by the app's user only (600), before SQLite would create it with the umask's 644, in a folder
/// only that user may enter (700). SQLite gives the <c>-wal</c> and <c>-shm</c> files the database file's mode. A file
/// found wider open is narrowed; one that cannot be (another owner) is reported, not fatal.</summary>
public static class PrivateDatabaseFile
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Prepares the file a SQLite connection string names; in-memory and URI databases are left alone.</summary>
    public static void Prepare(string? connectionString, ILogger logger)
    {
        if (OperatingSystem.IsWindows() || connectionString is null) return;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var path = Path.GetFullPath(source);
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder)) Directory.CreateDirectory(folder, FolderMode700);
            if (!File.Exists(path))
            {
                // An empty file is an empty SQLite database: SQLite opens it and keeps its mode.
                using var created = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode600,
                });
                return;
            }
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                if ((File.GetUnixFileMode(file) & ~FileMode600) != 0)
                {
                    File.SetUnixFileMode(file, FileMode600);
                    logger.LogInformation("Made {File} readable by the app's user only (600)", file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not make the database file {File} private (600)", path);
        }
    }
}
