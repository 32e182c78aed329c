using Microsoft.Extensions.Options;

namespace SyncDashboard.Configuration;

public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="T"/> to its section, validates its data annotations (and those of the
    /// objects nested in it: <see cref="NestedDataAnnotations{T}"/>) at start-up, so a bad setting stops the app with
    /// a message naming the key. Each section is also listed for <see cref="ConfigurationProblems"/>, which reads
    /// them all before the host starts and reports every problem at once.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new NestedDataAnnotations<T>(section));
        services.AddSingleton(new ValidatedSection(section,
            provider => provider.GetRequiredService<IOptionsMonitor<T>>().Get(Options.DefaultName)));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }
}
