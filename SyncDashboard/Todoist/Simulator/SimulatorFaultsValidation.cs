using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Checks faults set at run time against the same ranges the configuration is validated with, and names
/// the offending fields as they are spelled in JSON (camelCase).</summary>
public static class SimulatorFaultsValidation
{
    public static Dictionary<string, string[]> Validate(SimulatorFaults faults)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(faults, new ValidationContext(faults), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid value.").ToArray());
    }
}
