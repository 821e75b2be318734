namespace NewsCompare.Core.Editors;

/// <summary>A person allowed to change the store: import captures, move articles, split and merge stories.</summary>
public sealed class Editor
{
    /// <summary>Store key.</summary>
    public long Id { get; set; }
    /// <summary>The name the editor signs in with; unique, compared without regard to case.</summary>
    public required string UserName { get; set; }
    /// <summary>The password as a PBKDF2 hash (see <see cref="EditorPasswords"/>); never the password itself.</summary>
    public required string PasswordHash { get; set; }
    /// <summary>When the editor was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// A random value every sign-in carries; changing it (sign-out, new password) makes every earlier sign-in invalid.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
    /// <summary>The name readers see on the editor's corrections; null shows "an editor". The sign-in name is never public.</summary>
    public string? DisplayName { get; set; }
}
