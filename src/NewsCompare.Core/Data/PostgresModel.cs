using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsCompare.Core.Articles;
using NewsCompare.Core.Editors;

namespace NewsCompare.Core.Data;

/// <summary>
/// Where the model on PostgreSQL differs from SQLite's: lists kept as the same JSON text (Npgsql would map them to
/// arrays), editors' names compared without case through an ICU collation (SQLite's NOCASE), and partial indexes
/// written with PostgreSQL's boolean.
/// </summary>
internal static class PostgresModel
{
    /// <summary>The collation Migrations/Npgsql creates for case-insensitive editor names.</summary>
    public const string CaseInsensitive = "nocase";

    public static void Adjust(ModelBuilder model)
    {
        var article = model.Entity<Article>();
        article.Property(a => a.Paragraphs).HasConversion(JsonList, ListComparer).HasColumnType("text");
        article.Property(a => a.Captions).HasConversion(JsonList, ListComparer).HasColumnType("text");
        article.HasIndex(a => a.UrlKey, "IX_Articles_UrlKey_Latest").HasFilter("\"IsLatest\"");
        model.Entity<Editor>().Property(e => e.UserName).UseCollation(CaseInsensitive);
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<string>, string> JsonList = new(
        list => JsonSerializer.Serialize(list, (JsonSerializerOptions?)null),
        text => JsonSerializer.Deserialize<List<string>>(text, (JsonSerializerOptions?)null) ?? new List<string>());

    private static readonly ValueComparer<List<string>> ListComparer = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());
}
