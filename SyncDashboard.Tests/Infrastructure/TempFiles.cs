using Xunit;

[assembly: AssemblyFixture(typeof(SyncDashboard.Tests.Infrastructure.TempFiles.Cleanup))]

namespace SyncDashboard.Tests.Infrastructure;

public static class TempFiles
{
    /// <summary>This run's own folder in the system's temp folder (databases, data-protection keys), deleted with
    /// everything in it when the run ends, so a run leaves nothing behind and parallel runs never share a file.
    /// </summary>
    public static string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), $"syncdashboard-tests-{Environment.ProcessId}")).FullName;

    public static string NewDatabasePath() => Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".migrating" })
        {
            try { File.Delete(file); } catch (IOException) { /* best effort: the run's folder goes at the end */ }
        }
    }

    /// <summary>Deletes <see cref="Folder"/> once every test of the run is done.</summary>
    public sealed class Cleanup : IDisposable
    {
        public void Dispose()
        {
            try { Directory.Delete(Folder, recursive: true); }
            catch (DirectoryNotFoundException) { /* nothing was written */ }
        }
    }
}
