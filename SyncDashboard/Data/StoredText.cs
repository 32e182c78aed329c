using System.Text;

namespace SyncDashboard.Data;

/// <summary>The rule for text a person types that the database stores (an acknowledgement's note, a timeline note):
/// not blank, not longer than its column, and no control character but line breaks and tabs. PostgreSQL cannot store
/// a NUL, and a lone UTF-16 surrogate has no UTF-8 form; refused here, neither reaches a provider as an exception.</summary>
public static class StoredText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>What is wrong with <paramref name="text"/>, as the end of a sentence that starts with its name
    /// ("must not be empty"); null when it may be stored as it is, trimmed.</summary>
    public static string? Problem(string? text, int maxLength)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return "must not be empty";
        if (trimmed.Length > maxLength) return $"must be at most {maxLength} characters";
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return "must not contain control characters";
        try
        {
            Strict.GetByteCount(trimmed);
        }
        catch (EncoderFallbackException)
        {
            return "must be valid Unicode text";
        }
        return null;
    }
}
