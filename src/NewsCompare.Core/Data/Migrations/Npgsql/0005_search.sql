-- Full-text search over headlines, standfirsts and bodies: PostgreSQL's form of SQLite's ArticleSearch (FTS5). Each
-- article's text becomes a tsvector under the text-search configuration of its language (stemming and stop words of
-- that language; 'simple', lower-casing only, where PostgreSQL ships none), accents removed as SQLite's
-- remove_diacritics does, in a table of its own keyed by the article's id, behind a GIN index. A trigger on Articles
-- keeps it current, so every writer (import, corrections, copy-store, an editor's tool) does without knowing of it
-- (ADR 0022). Articles stay narrow: the lists never read the vectors.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The configuration for a language code as the store keeps it ("en", "pt-BR"): ISO 639-1 to PostgreSQL's names.
CREATE FUNCTION "SearchConfiguration"(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (CASE lower(split_part(replace(coalesce(language, ''), '_', '-'), '-', 1))
        WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
        WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
        WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
        WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
        WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
        WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
        WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
        WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
        ELSE 'simple' END)::regconfig
$$;

-- An article's search document.
CREATE FUNCTION "SearchDocument"(language text, headline text, standfirst text, paragraphs text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_tsvector("SearchConfiguration"(language), unaccent(concat_ws(E'\n', headline, standfirst,
        (SELECT string_agg(p, E'\n') FROM json_array_elements_text(paragraphs::json) AS p))))
$$;

-- A search as the web app writes it (words joined by '&', a trailing ':*' for a prefix), made for every configuration
-- articles are stored under and joined by OR: each article's vector is matched by the stems of its own language. Null
-- when every word is a stop word in every configuration (nothing matches then).
CREATE FUNCTION "SearchQuery"(words text) RETURNS tsquery LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT string_agg('(' || q::text || ')', ' | ')::tsquery
    FROM (SELECT DISTINCT to_tsquery(c.cfg, unaccent(words)) AS q
          FROM unnest(ARRAY['simple', 'arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish',
              'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali',
              'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish',
              'yiddish']::regconfig[]) AS c(cfg)) AS each_configuration
    WHERE q::text <> ''
$$;

CREATE TABLE "ArticleSearch" (
    "ArticleId" bigint NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    "Document" tsvector NOT NULL
);
CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING gin ("Document");
-- Lexeme frequencies for the compare page's word shares come from ANALYZE's statistics of this column.
ALTER TABLE "ArticleSearch" ALTER COLUMN "Document" SET STATISTICS 2000;

CREATE FUNCTION "IndexArticleText"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ArticleSearch" ("ArticleId", "Document")
    VALUES (new."Id", "SearchDocument"(new."Language", new."Headline", new."Standfirst", new."Paragraphs"))
    ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = excluded."Document";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Articles_Search_Insert" AFTER INSERT ON "Articles"
    FOR EACH ROW EXECUTE FUNCTION "IndexArticleText"();
CREATE TRIGGER "Articles_Search_Update" AFTER UPDATE OF "Headline", "Standfirst", "Paragraphs", "Language" ON "Articles"
    FOR EACH ROW EXECUTE FUNCTION "IndexArticleText"();

-- Articles stored before this script.
INSERT INTO "ArticleSearch" ("ArticleId", "Document")
SELECT "Id", "SearchDocument"("Language", "Headline", "Standfirst", "Paragraphs") FROM "Articles";

-- The lists' orders with undated rows last. PostgreSQL sorts nulls first in a descending order, SQLite last, so on
-- PostgreSQL the pages order by "is undated" first (Web's UndatedLast); these indexes give that order without a sort.
CREATE INDEX "IX_Articles_Latest_UndatedLast" ON "Articles" (("Published" IS NULL), "Published" DESC, "Id" DESC) WHERE "IsLatest";
CREATE INDEX "IX_Stories_UndatedLast" ON "Stories" (("LastDate" IS NULL), "LastDate" DESC, "Id" DESC);
CREATE INDEX "IX_Stories_Coverage_UndatedLast" ON "Stories" ("OutletCount" DESC, "ArticleCount" DESC, ("LastDate" IS NULL), "LastDate" DESC, "Id" DESC);
