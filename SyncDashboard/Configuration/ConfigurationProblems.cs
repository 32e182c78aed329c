using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Configuration;

/// <summary>Reads every validated section before the host starts and turns what is wrong into one paragraph per
/// problem, naming the key as it is written in configuration and the fix. <c>ValidateOnStart</c> alone stops at the
/// first value that does not bind (an unknown enum name) and names classes and members, not keys.</summary>
public static partial class ConfigurationProblems
{
    public static IReadOnlyList<string> Collect(IServiceProvider services, ILogger logger)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var problems = new List<string>();
        foreach (var section in services.GetServices<ValidatedSection>())
        {
            try
            {
                section.Read(services);
            }
            catch (Exception error) when (Describe(error, configuration) is { Count: > 0 } described)
            {
                logger.LogDebug(error, "Configuration section {Section} is not valid", section.Section);
                problems.AddRange(described);
            }
        }
        if (problems.Count > 0) return problems.Distinct().ToList();
        // What was registered with ValidateOnStart some other way.
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception error) when (Describe(error, configuration) is { Count: > 0 } described)
        {
            logger.LogDebug(error, "Configuration is not valid");
            problems.AddRange(described);
        }
        return problems.Distinct().ToList();
    }

    /// <summary>The problems an exception thrown while binding or validating options stands for; none when it is
    /// something else.</summary>
    public static IReadOnlyList<string> Describe(Exception error, IConfiguration? configuration = null) => error switch
    {
        StartupProblemsException known => known.Problems,
        OptionsValidationException invalid => invalid.Failures.Select(Rephrase).ToList(),
        AggregateException many => many.InnerExceptions.SelectMany(e => Describe(e, configuration)).ToList(),
        InvalidOperationException when UnconvertibleValue().Match(error.Message) is { Success: true } match =>
            [Unconvertible(match.Groups["key"].Value, match.Groups["type"].Value, configuration)],
        _ when error.InnerException is { } inner => Describe(inner, configuration),
        _ => [],
    };

    /// <summary>Framework messages name the options class and member; ours already name the key.</summary>
    private static string Rephrase(string failure) =>
        FrameworkAnnotation().Match(failure) is { Success: true } match
            ? $"{match.Groups["type"].Value}:{match.Groups["member"].Value}: {match.Groups["error"].Value}"
            : failure;

    private static string Unconvertible(string key, string typeName, IConfiguration? configuration)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var fix = type switch
        {
            { IsEnum: true } => $"Use one of: {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(bool) => "Use true or false.",
            _ when type == typeof(int) || type == typeof(long) => "Use a whole number.",
            _ when type == typeof(double) || type == typeof(decimal) => "Use a number, with a dot for decimals.",
            _ when type == typeof(TimeSpan) => "Use a duration such as 00:05:00.",
            _ => $"Use a value of type {type?.Name ?? typeName}.",
        };
        // Only an enum's value is repeated: it is a name from a short list, never a secret.
        var value = type is { IsEnum: true } ? configuration?[key] : null;
        return value is null
            ? $"{key} has a value that is not valid here. {fix}"
            : $"{key} is '{value}', which is not one of its values. {fix}";
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex UnconvertibleValue();

    [GeneratedRegex(@"^DataAnnotation validation failed for '(?<type>[^']+)' members: '(?<member>[^']*)' with the error: '(?<error>.*)'\.$")]
    private static partial Regex FrameworkAnnotation();
}
