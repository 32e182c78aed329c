using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>Refuses to start open outside Development, and refuses users or an OpenID Connect setup that could never
/// work, naming the keys to fix.</summary>
public sealed class AccessOptionsValidator(IHostEnvironment environment) : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        if (!options.RequiresSignIn && !environment.IsDevelopment())
        {
            failures.Add($"No sign-in is configured and the environment is {environment.EnvironmentName}, not " +
                "Development: the dashboard refuses to start open. Configure users (Access:Users:0:Name, " +
                "Access:Users:0:PasswordHash, Access:Users:0:Role = Viewer|Operator; make a hash with " +
                "`dotnet run --project SyncDashboard -- hash-password`) or OpenID Connect (Access:Oidc:Authority, " +
                "Access:Oidc:ClientId).");
        }

        if (options.MaxSessionHours < options.SessionHours)
        {
            failures.Add($"Access:MaxSessionHours ({options.MaxSessionHours}) must be at least Access:SessionHours " +
                $"({options.SessionHours}): a session cannot slide past its absolute end.");
        }

        for (var i = 0; i < options.Users.Count; i++)
        {
            // Data annotations do not reach into lists: each user is checked here.
            var user = options.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"Access:Users:{i}:Name is required.");
            }
            if (user.ParsedRole is null)
            {
                failures.Add($"Access:Users:{i}:Role must be Viewer or Operator.");
            }
            if (!IsIdentityHash(user.PasswordHash))
            {
                failures.Add($"Access:Users:{i}:PasswordHash is not a password hash made by `hash-password` " +
                    "(a plain password does not belong in configuration).");
            }
        }
        foreach (var duplicate in options.Users.GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Count() > 1))
        {
            failures.Add($"Access:Users: the name '{duplicate.Key}' is configured more than once.");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(key.Name)) failures.Add($"Access:ApiKeys:{i}:Name is required.");
            if (key.ParsedRole is null) failures.Add($"Access:ApiKeys:{i}:Role must be Viewer or Operator.");
            if (!ApiKeys.IsHash(key.Hash))
            {
                failures.Add($"Access:ApiKeys:{i}:Hash is not a key's hash (64 hex digits, as `new-api-key` prints " +
                    "it; the key itself does not belong in configuration).");
            }
        }
        foreach (var duplicate in options.ApiKeys.Where(k => ApiKeys.IsHash(k.Hash))
                     .GroupBy(k => k.Hash, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"Access:ApiKeys: the keys named {string.Join(", ", duplicate.Select(k => $"'{k.Name}'"))} " +
                "have the same hash.");
        }

        var oidc = options.Oidc;
        if (oidc.IsConfigured)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && (oidc.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
            {
                failures.Add("Access:Oidc:Authority must be an absolute https:// URL (http only with " +
                    "Access:Oidc:RequireHttpsMetadata=false).");
            }
            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Access:Oidc:ClientId is required when Access:Oidc:Authority is set.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Identity's v3 format: a base64 blob whose first byte is the format marker 0x01, 61+ bytes long.</summary>
    private static bool IsIdentityHash(string hash)
    {
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 61 && bytes[0] == 0x01;
    }
}
