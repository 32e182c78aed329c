using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Configuration;

/// <summary>Validates the data annotations of an options class and of the objects nested in it (<c>Simulator:Faults</c>,
/// <c>Alerts:Email</c>, <c>Access:Users:0</c>, …). <c>ValidateDataAnnotations</c> checks the top level only, and
/// names a failure by class and member (<c>'RetentionOptions' members: 'EventDays'</c>); here every failure names
/// the configuration key as it is written (<c>Retention:EventDays</c>) and the value it has.</summary>
public sealed class NestedDataAnnotations<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = new List<string>();
        Check(options, section, failures, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The nested objects of <paramref name="value"/> (the object itself is checked by the caller).</summary>
    private static void Members(object value, string path, List<string> failures, HashSet<object> seen)
    {
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
        if (!seen.Add(value)) return;
        var propertiesValid = true;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
            if (attributes.Count == 0 || property.GetIndexParameters().Length > 0) continue;
            var key = $"{path}:{property.Name}";
            var member = property.GetValue(value);
            // The display name is the key, so the attribute's own sentence names it: "The field Retention:EventDays
            // must be between 1 and 3650."
            var context = new ValidationContext(value) { MemberName = property.Name, DisplayName = key };
            var results = new List<ValidationResult>();
            if (Validator.TryValidateValue(member, context, results, attributes)) continue;
            propertiesValid = false;
            failures.AddRange(results.Select(r => r.ErrorMessage + Shown(member)));
        }
        // As Validator.TryValidateObject does: rules across members only once each member is valid on its own.
        if (propertiesValid && value is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(value)).Where(r => r != ValidationResult.Success))
            {
                var message = result.ErrorMessage ?? "is not valid.";
                var keys = result.MemberNames.Select(m => $"{path}:{m}").ToList();
                // Messages that already name their keys are kept as they are.
                failures.Add(keys.Count == 0 ? (message.Contains(path, StringComparison.Ordinal) ? message : $"{path}: {message}")
                    : keys.Any(k => message.Contains(k, StringComparison.Ordinal)) ? message
                    : $"{string.Join(", ", keys)}: {message}");
            }
        }
        Members(value, path, failures, seen);
    }

    /// <summary>The value beside the rule it breaks; text is never repeated, it may be a secret.</summary>
    private static string Shown(object? value) => value switch
    {
        null => " It is not set.",
        string { Length: 0 } => " It is empty.",
        IFormattable number and not Enum => $" It is {number.ToString(null, CultureInfo.InvariantCulture)}.",
        _ => "",
    };

    /// <summary>Only the app's own settings classes are walked, never framework types they happen to hold.</summary>
    private static bool IsOurs(Type type) =>
        type is { IsClass: true } && type.Namespace?.StartsWith("SyncDashboard", StringComparison.Ordinal) == true;
}
