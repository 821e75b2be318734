using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCompare.Core.Data;
using NewsCompare.Core.Metadata;
using NewsCompare.Core.Stories;

namespace NewsCompare.Core.Articles;

/// <summary>A correction that cannot be made; the message says which value and why.</summary>
public sealed class ArticleCorrectionException(string message) : Exception(message);

/// <summary>
/// Editors' corrections of an article's metadata (outlet, date, address, headline, byline, language). Each changed
/// value takes the source <c>editor:NAME</c> and is recorded in <see cref="NewsDb.MetadataChanges"/> with the old value,
/// who, when and why. Corrected values are kept by regrouping (only inferred dates are recomputed) and by imports of
/// the same bytes with a manifest (which never overwrite an editor's value). When a value grouping reads changes (date,
/// headline, outlet, language), the article is placed again (<see cref="StoryStore.PlaceAgainAsync"/>).
/// </summary>
public static class ArticleCorrections
{
    /// <summary>Why <paramref name="value"/> cannot be the article's <paramref name="field"/>, or null when it can.</summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The new value; null or blank clears it.</param>
    public static string? Problem(MetadataField field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        return field switch
        {
            MetadataField.Published when ParseDate(v) is null => $"date: \"{v}\" is not a date (write it as YYYY-MM-DD)",
            MetadataField.Url when Hosts.Parse(v) is null => $"address: \"{v}\" is not an http(s) address",
            MetadataField.Language when v.Length is < 2 or > 3 || !v.All(char.IsAsciiLetter) => $"language: \"{v}\" is not a two-letter language code (en, fr, de…)",
            _ when v.Length > 1000 => $"{Name(field)}: longer than 1,000 characters",
            _ => null,
        };
    }

    /// <summary>The field as readers name it ("date", "address").</summary>
    /// <param name="field">The field.</param>
    public static string Name(MetadataField field) => field switch
    {
        MetadataField.Published => "date",
        MetadataField.Url => "address",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Sets the given values of article <paramref name="articleId"/>; values equal to the current ones are left alone.
    /// Returns the changes recorded (none when nothing differed).
    /// </summary>
    /// <param name="db">The open store.</param>
    /// <param name="articleId">The article.</param>
    /// <param name="values">The fields to set and their new values (null or blank clears a value).</param>
    /// <param name="editor">Who corrects.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ArticleCorrectionException">No reason, an unknown article, or a value that is not valid.</exception>
    public static async Task<IReadOnlyList<MetadataChange>> CorrectAsync(NewsDb db, long articleId, IReadOnlyDictionary<MetadataField, string?> values,
        string editor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(values);
        var dialect = StoreDialect.For(db);
        if (string.IsNullOrWhiteSpace(reason)) throw new ArticleCorrectionException("a correction needs a reason");
        if (string.IsNullOrWhiteSpace(editor)) throw new ArticleCorrectionException("a correction needs the editor's name");
        var problems = values.Select(v => Problem(v.Key, v.Value)).OfType<string>().ToList();
        if (problems.Count > 0) throw new ArticleCorrectionException(string.Join("; ", problems));

        // The article is read and written in one transaction that holds its row (SQLite: the write lock; PostgreSQL:
        // the row lock), so the old values recorded are the ones replaced, and an import's manifest update or another
        // editor's correction waits instead of being overwritten unrecorded.
        var changes = new List<MetadataChange>();
        bool placeAgain;
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (dialect.Provider == StoreProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "Articles" WHERE "Id" = {0} FOR UPDATE""", [articleId], cancellationToken);
            var article = await db.Articles.AsTracking().FirstOrDefaultAsync(a => a.Id == articleId, cancellationToken)
                          ?? throw new ArticleCorrectionException($"article {articleId} does not exist");

            var source = MetadataSources.Editor + ":" + editor.Trim();
            var now = DateTime.UtcNow;
            foreach (var (field, raw) in values)
            {
                var value = string.IsNullOrWhiteSpace(raw) ? null : Canonical(field, raw.Trim());
                var (old, oldSource) = Get(article, field);
                if (string.Equals(old, value, StringComparison.Ordinal) || (value is not null && string.Equals(old, raw!.Trim(), StringComparison.Ordinal))) continue;
                Set(article, field, value, source);
                changes.Add(new MetadataChange
                {
                    ArticleId = articleId, Field = field.ToString(), OldValue = old, OldSource = oldSource, NewValue = value,
                    NewSource = source, Editor = editor.Trim(), Reason = reason.Trim(), At = now,
                });
            }
            if (changes.Count == 0) return changes;
            placeAgain = article.IsLatest && changes.Any(c => c.Field is nameof(MetadataField.Published) or nameof(MetadataField.Headline)
                or nameof(MetadataField.Outlet) or nameof(MetadataField.Language));
            db.MetadataChanges.AddRange(changes);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        if (placeAgain) await new StoryStore(db).PlaceAgainAsync([articleId], cancellationToken);
        return changes;
    }

    /// <summary>The article's corrections and manifest updates, oldest first.</summary>
    /// <param name="db">The open store.</param>
    /// <param name="articleId">The article.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<MetadataChange>> HistoryAsync(NewsDb db, long articleId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.MetadataChanges.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>True when <paramref name="source"/> says an editor set the value.</summary>
    /// <param name="source">A metadata source code.</param>
    public static bool IsCorrection(string? source) =>
        source is not null && (source == MetadataSources.Editor || source.StartsWith(MetadataSources.Editor + ":", StringComparison.Ordinal));

    private static string Canonical(MetadataField field, string value) => field switch
    {
        MetadataField.Published => ParseDate(value)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        MetadataField.Language => value.ToLowerInvariant(),
        MetadataField.Url => Hosts.Parse(value)!.AbsoluteUri,
        MetadataField.Outlet => OutletRegistry.Default.FindByName(value)?.Name ?? value,
        _ => value,
    };

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static (string? Value, string? Source) Get(Article a, MetadataField field) => field switch
    {
        MetadataField.Outlet => (a.Outlet, a.OutletSource),
        MetadataField.Published => (a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.PublishedSource),
        MetadataField.Url => (a.Url, a.UrlSource),
        MetadataField.Headline => (a.Headline, a.HeadlineSource),
        MetadataField.Byline => (a.Byline, a.BylineSource),
        MetadataField.Language => (a.Language, a.LanguageSource),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void Set(Article a, MetadataField field, string? value, string source)
    {
        switch (field)
        {
            case MetadataField.Outlet: (a.Outlet, a.OutletSource) = (value, source); break;
            case MetadataField.Published:
                (a.Published, a.PublishedSource, a.PublishedInferred) = (value is null ? null : ParseDate(value), source, false);
                break;
            case MetadataField.Url:
                (a.Url, a.UrlSource, a.UrlKey) = (value, source, Hosts.UrlKey(value));
                // The site is the address's host, named through the registry, as at import.
                var host = Hosts.HostOf(value);
                (a.Site, a.SiteSource) = host is null ? (a.Site, a.SiteSource) : (OutletRegistry.Default.FindByHost(host)?.Name ?? host, MetadataSources.UrlHost);
                break;
            case MetadataField.Headline: (a.Headline, a.HeadlineSource) = (value, source); break;
            case MetadataField.Byline: (a.Byline, a.BylineSource) = (value, source); break;
            case MetadataField.Language: (a.Language, a.LanguageSource) = (value, source); break;
        }
    }
}
