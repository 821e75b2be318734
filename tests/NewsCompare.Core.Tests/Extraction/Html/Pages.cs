namespace NewsCompare.Core.Tests.Extraction.Html;

/// <summary>Synthetic news pages: a site shell (menu, sidebar, footer) around whatever article markup a test needs.</summary>
internal static class Pages
{
    public static readonly string[] Body =
    [
        "The city council voted on Tuesday evening to close the old harbour bridge to lorries, after engineers warned that the steel supports had corroded faster than expected.",
        "Councillors from both groups backed the motion, which had been tabled by the transport committee, and the closure will begin at the start of next month, according to the council's own timetable.",
        "Local hauliers said the detour would add forty minutes to each trip, and asked for a review of the decision within six months, arguing that smaller firms would carry most of the cost.",
        "The council said repairs would take at least two years, and that it was talking to the regional government about sharing the bill, which engineers put at several million euros.",
    ];

    public static string Paragraphs(params string[] texts) => string.Concat(texts.Select(t => $"<p>{t}</p>\n"));

    public static string Shell(string article, string head = "", string? beforeHtml = null) => $"""
        {beforeHtml}<!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Harbour bridge to close to lorries | The Daily Example</title>{head}</head>
        <body>
        <header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <main>
        {article}
        <aside class="sidebar"><h3>Most read</h3><ul>
          <li><a href="/a">Storm warning issued for the coast as wind speeds rise</a></li>
          <li><a href="/b">School term dates moved after consultation with parents</a></li>
          <li><a href="/c">New bus routes announced for the northern suburbs next year</a></li>
        </ul></aside>
        </main>
        <footer class="site-footer"><p>Copyright 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
        </body>
        </html>
        """;

    public static string Article(string inner) => $"""
        <article>
          <h1>Harbour bridge to close to lorries</h1>
          <div class="article-body">
          {inner}
          </div>
        </article>
        """;
}
