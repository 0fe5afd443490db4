namespace CallCenter.Users;

/// <summary>
/// The password policy (R-ME-1), stated once: 8 to 128 characters, at least one letter and one digit, not containing
/// the login name, and not a known default (the demo password, "password", "12345678").
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const string Statement = "8–128 characters with at least one letter and one digit, not containing the login name, not a default password.";
    static readonly HashSet<string> Defaults = new(StringComparer.OrdinalIgnoreCase) { "demo123", "password", "password1", "12345678", "123456789", "admin123", "changeme1" };

    /// <summary>Null when acceptable, else why not.</summary>
    public static string? Check(string? password, string userId)
    {
        if (string.IsNullOrEmpty(password)) return "Enter a password.";
        if (password.Length < MinLength || password.Length > MaxLength) return $"The password must have {MinLength}–{MaxLength} characters.";
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit)) return "The password needs at least one letter and one digit.";
        if (password.Any(char.IsControl)) return "The password may not contain control characters.";
        if (userId.Length > 0 && password.Contains(userId, StringComparison.OrdinalIgnoreCase)) return "The password may not contain the login name.";
        if (Defaults.Contains(password)) return "That is a default password; choose another.";
        return null;
    }
}
