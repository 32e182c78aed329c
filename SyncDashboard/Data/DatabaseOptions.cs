using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default), <c>SqlServer</c> or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server and PostgreSQL. For SQLite, empty means a file under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite file lives, relative to the app's content root unless absolute.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up (the embedded default). Production may run them separately.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>PostgreSQL only: how long a job taken by a node stays invisible to the others. A node killed
    /// mid-job leaves it taken; another node runs it again once this has passed. Keep it above the longest sync.</summary>
    [Range(1, 86_400)]
    public int JobInvisibilityTimeoutSeconds { get; set; } = 1800;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Database:ConnectionString is required when Database:Provider is {Provider}.",
                [nameof(ConnectionString)]);
        }
    }
}
