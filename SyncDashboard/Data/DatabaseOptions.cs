using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server. For SQLite, empty means a file under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded SQLite file lives, relative to the app's content root unless absolute.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up (the embedded default). Production may run them separately.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is SqlServer.",
                [nameof(ConnectionString)]);
        }
    }
}
