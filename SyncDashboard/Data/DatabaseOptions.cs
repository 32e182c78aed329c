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

    /// <summary>PostgreSQL only: how long a job taken by a node that stopped renewing it stays invisible to the
    /// others. A live node renews its jobs every fifth of this (sliding), so a long sync is never taken twice; a node
    /// killed mid-job stops renewing, and another node runs the job again once this has passed.</summary>
    [Range(5, 86_400)]
    public int JobInvisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>PostgreSQL only: how old a Hangfire lock row must be before another node may delete it. Hangfire's
    /// locks on PostgreSQL are rows, not sessions: a node killed while holding one (a job's state change, the
    /// schedulers of delayed and recurring jobs) leaves it behind, and whatever needs it waits this long. Keep it above
    /// the longest a live node holds one (a metric rollup, which holds its lock for the whole run).</summary>
    [Range(5, 86_400)]
    public int JobLockTimeoutSeconds { get; set; } = 120;

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
