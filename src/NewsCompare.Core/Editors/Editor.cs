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
}
