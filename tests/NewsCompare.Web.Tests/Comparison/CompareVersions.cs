using NewsCompare.Core.Articles;
using NewsCompare.Web.Tests.Infrastructure;

namespace NewsCompare.Web.Tests.Comparison;

/// <summary>Three synthetic versions of one event (a rewording, a differing figure, a cut quote, an omission) written into a store.</summary>
public sealed record CompareVersions(Article Wire, Article Rewrite, Article Brief)
{
    public string Ids => $"{Wire.Id},{Rewrite.Id},{Brief.Id}";

    public static async Task<CompareVersions> WriteAsync(StoreBuilder store) => new(
        await store.ArticleAsync(new Article
        {
            Headline = "Storm floods the port of Varna", Outlet = "Coast Wire", Language = "en", Published = new DateOnly(2024, 9, 2),
            Paragraphs =
            [
                "A storm flooded the port of Varna on Monday, forcing 1,200 residents to leave their homes.",
                "Mayor Ivan Petrov said the damage would take months to repair.",
                "\"We have never seen water this high in the old town, and we will need help from the government to rebuild,\" Petrov told reporters.",
                "Rail services along the coast were suspended until Wednesday.",
            ],
        }),
        await store.ArticleAsync(new Article
        {
            Headline = "Varna flooded", Outlet = "Black Sea Post", Language = "en", Published = new DateOnly(2024, 9, 2),
            Paragraphs =
            [
                "Forcing 1,100 residents to leave their homes, a storm flooded the port of Varna on Monday.",
                "According to Mayor Ivan Petrov, repairing the damage would take months.",
                "\"We have never seen water this high in the old town,\" Petrov said.",
            ],
        }),
        await store.ArticleAsync(new Article
        {
            Headline = "Storm in Varna", Outlet = "Evening Brief", Language = "en", Published = new DateOnly(2024, 9, 3),
            Paragraphs =
            [
                "Rail services along the coast were suspended until Wednesday after a storm.",
                "Mayor Ivan Petrov said the damage would take months to repair.",
            ],
        }));
}

/// <summary>The app on its own store with <see cref="CompareVersions"/> and one unrelated article.</summary>
public class CompareSite : TestSite
{
    public CompareVersions Versions { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Versions = await CompareVersions.WriteAsync(Store);
        await Store.ArticleAsync("Lantern festival draws crowds", "Valley Gazette", new DateOnly(2024, 9, 1), "Thousands watched the lanterns rise.");
    }
}
