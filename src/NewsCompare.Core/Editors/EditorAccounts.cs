using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Editors;

/// <summary>
/// Creates, changes and removes editors and checks their sign-in. Shared by the command line and the web app. Every
/// change that must end existing sign-ins (new password, sign-out, removal) changes or deletes the security stamp
/// that each sign-in carries.
/// </summary>
public static partial class EditorAccounts
{
    /// <summary>Why <paramref name="userName"/> is not acceptable as an editor name, or null when it is.</summary>
    public static string? NameProblem(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "The editor name is empty."
        : !NamePattern().IsMatch(userName) ? "An editor name has 1 to 64 letters, digits, dots, dashes, underscores or @."
        : null;

    /// <summary>Creates an editor. Throws <see cref="ArgumentException"/> for a bad name or password, or one already taken.</summary>
    public static async Task<Editor> AddAsync(NewsDb db, string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var problem = NameProblem(userName) ?? EditorPasswords.Problem(password);
        if (problem is not null) throw new ArgumentException(problem);
        if (await FindAsync(db, userName, cancellationToken) is not null)
            throw new ArgumentException($"An editor named '{userName}' already exists.");

        var editor = new Editor
        {
            UserName = userName, PasswordHash = EditorPasswords.Hash(password), CreatedAt = DateTime.UtcNow, SecurityStamp = NewStamp(),
        };
        db.Set<Editor>().Add(editor);
        await db.SaveChangesAsync(cancellationToken);
        return editor;
    }

    /// <summary>The editor with <paramref name="userName"/> and <paramref name="password"/>, or null when either is wrong.</summary>
    public static async Task<Editor?> SignInAsync(NewsDb db, string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (NameProblem(userName) is not null || string.IsNullOrEmpty(password)) return null;
        var editor = await FindAsync(db, userName, cancellationToken);
        // Hash even for an unknown name, so the response time does not tell which names exist.
        var ok = EditorPasswords.Verify(password, editor?.PasswordHash ?? UnknownEditorHash.Value);
        return ok && editor is not null ? editor : null;
    }

    /// <summary>True when the store holds at least one editor.</summary>
    public static Task<bool> AnyAsync(NewsDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Editor>().AnyAsync(cancellationToken);
    }

    /// <summary>The editor's current security stamp, or null when no editor has that name (removed, or never existed).</summary>
    public static Task<string?> StampAsync(NewsDb db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Editor>().AsNoTracking().Where(e => e.UserName == userName).Select(e => e.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Gives the editor a new security stamp, ending every sign-in made before. False when there is no such editor.</summary>
    public static async Task<bool> RotateStampAsync(NewsDb db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = NewStamp();
        return await db.Set<Editor>().Where(e => e.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.SecurityStamp, stamp), cancellationToken) > 0;
    }

    /// <summary>
    /// Sets a new password and ends every sign-in made with the old one. Throws <see cref="ArgumentException"/> for a
    /// password that is not acceptable or an editor that does not exist.
    /// </summary>
    public static async Task SetPasswordAsync(NewsDb db, string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (EditorPasswords.Problem(password) is { } problem) throw new ArgumentException(problem);
        var hash = EditorPasswords.Hash(password);
        var stamp = NewStamp();
        var changed = await db.Set<Editor>().Where(e => e.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.PasswordHash, hash).SetProperty(e => e.SecurityStamp, stamp), cancellationToken);
        if (changed == 0) throw new ArgumentException($"There is no editor named '{userName}'.");
    }

    /// <summary>
    /// Removes the editor: their sign-ins stop working on the next request. The corrections they made stay, shown
    /// as "an editor". Throws <see cref="ArgumentException"/> when there is no such editor.
    /// </summary>
    public static async Task RemoveAsync(NewsDb db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var removed = await db.Set<Editor>().Where(e => e.UserName == userName).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) throw new ArgumentException($"There is no editor named '{userName}'.");
    }

    /// <summary>Why <paramref name="displayName"/> cannot be shown to readers, or null when it can (null or empty clears it).</summary>
    public static string? DisplayNameProblem(string? displayName) =>
        string.IsNullOrEmpty(displayName) ? null
        : displayName.Trim().Length is 0 or > 64 ? "A display name has 1 to 64 characters."
        : displayName.Any(char.IsControl) ? "A display name cannot hold control characters."
        : null;

    /// <summary>
    /// Sets the name readers see on the editor's corrections (null or empty: "an editor"). Throws
    /// <see cref="ArgumentException"/> for an unacceptable name or an editor that does not exist.
    /// </summary>
    public static async Task SetDisplayNameAsync(NewsDb db, string userName, string? displayName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (DisplayNameProblem(displayName) is { } problem) throw new ArgumentException(problem);
        var shown = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var changed = await db.Set<Editor>().Where(e => e.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.DisplayName, shown), cancellationToken);
        if (changed == 0) throw new ArgumentException($"There is no editor named '{userName}'.");
    }

    /// <summary>
    /// The display names of <paramref name="userNames"/> (compared without regard to case); editors without one, and
    /// names no editor has, are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(NewsDb db, IReadOnlyCollection<string> userNames,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(userNames);
        if (userNames.Count == 0) return new Dictionary<string, string>();
        var rows = await db.Set<Editor>().AsNoTracking()
            .Where(e => userNames.Contains(e.UserName) && e.DisplayName != null)
            .Select(e => new { e.UserName, e.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UserName, r => r.DisplayName!, StringComparer.OrdinalIgnoreCase);
    }

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private static Task<Editor?> FindAsync(NewsDb db, string userName, CancellationToken ct) =>
        db.Set<Editor>().AsNoTracking().FirstOrDefaultAsync(e => e.UserName == userName, ct);

    private static readonly Lazy<string> UnknownEditorHash = new(() => EditorPasswords.Hash(Guid.NewGuid().ToString()));

    [GeneratedRegex(@"^[\p{L}\p{Nd}._@-]{1,64}$")]
    private static partial Regex NamePattern();
}
