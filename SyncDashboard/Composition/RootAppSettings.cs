using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace SyncDashboard.Composition;

public static class RootAppSettings
{
    public const string FileName = "appsettings.json";

    /// <summary>The one <c>appsettings.json</c> lives at the repository root and is copied next to the app's
    /// assembly. <c>dotnet run</c> uses the project folder as content root, where there is no copy, so read it from
    /// the assembly folder instead, at the same place in the configuration chain (environment variables and the
    /// command line still override it).</summary>
    public static IHostApplicationBuilder UseRootAppSettings(this IHostApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: FileName });
        if (index < 0 || File.Exists(Path.Combine(builder.Environment.ContentRootPath, FileName))) return builder;

        sources[index] = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        }; // ConfigurationManager reloads its sources when one is replaced.
        return builder;
    }
}
