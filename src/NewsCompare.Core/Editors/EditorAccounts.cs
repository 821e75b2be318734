using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;

namespace NewsCompare.Core.Editors;

/// <summary>Creates editors and checks their sign-in. Shared by the command line and the web app.</summary>
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

        var editor = new Editor { UserName = userName, PasswordHash = EditorPasswords.Hash(password), CreatedAt = DateTime.UtcNow };
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

    private static Task<Editor?> FindAsync(NewsDb db, string userName, CancellationToken ct) =>
        db.Set<Editor>().AsNoTracking().FirstOrDefaultAsync(e => e.UserName == userName, ct);

    private static readonly Lazy<string> UnknownEditorHash = new(() => EditorPasswords.Hash(Guid.NewGuid().ToString()));

    [GeneratedRegex(@"^[\p{L}\p{Nd}._@-]{1,64}$")]
    private static partial Regex NamePattern();
}
