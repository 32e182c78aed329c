using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Configuration;

/// <summary>Validates the data annotations of the objects nested in an options class (<c>Simulator:Faults</c>,
/// <c>Alerts:Email</c>, <c>Access:Users:0</c>, …), which <c>ValidateDataAnnotations</c> does not: it checks the
/// top-level properties only, so a bad nested value went unnoticed until something read it. Each failure names the
/// full configuration key.</summary>
public sealed class NestedDataAnnotations<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Members(options, section, failures, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The nested objects of <paramref name="value"/> (the object itself is the top-level validator's).</summary>
    private static void Members(object value, string path, List<string> failures, HashSet<object> seen)
    {
        if (!seen.Add(value)) return;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetValue(value) is not { } child) continue;
            var key = $"{path}:{property.Name}";
            if (IsOurs(child.GetType()))
            {
                Check(child, key, failures, seen);
            }
            else if (child is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && IsOurs(item.GetType())) Check(item, $"{key}:{index}", failures, seen);
                    index++;
                }
            }
        }
    }

    private static void Check(object value, string path, List<string> failures, HashSet<object> seen)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => r.MemberNames.Any()
                ? $"{string.Join(", ", r.MemberNames.Select(m => $"{path}:{m}"))}: {r.ErrorMessage}"
                : $"{path}: {r.ErrorMessage}"));
        }
        Members(value, path, failures, seen);
    }

    /// <summary>Only the app's own settings classes are walked, never framework types they happen to hold.</summary>
    private static bool IsOurs(Type type) =>
        type is { IsClass: true } && type.Namespace?.StartsWith("SyncDashboard", StringComparison.Ordinal) == true;
}
