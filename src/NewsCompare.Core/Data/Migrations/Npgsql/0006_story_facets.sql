-- The stories list filtered by outlet or language, answered by one index walk (ADR 0023): SQLite's 0013 on
-- PostgreSQL. One row per story and outlet (of any of its articles, every version) and per story and language (of its
-- latest versions), carrying the story's list keys, kept current by triggers on Articles and Stories.
CREATE TABLE "StoryFacets" (
    "Facet" integer NOT NULL,
    "Value" text NOT NULL,
    "StoryId" bigint NOT NULL,
    "FirstDate" date NULL,
    "LastDate" date NULL,
    "OutletCount" integer NOT NULL,
    "ArticleCount" integer NOT NULL,
    CONSTRAINT "PK_StoryFacets" PRIMARY KEY ("Facet", "Value", "StoryId")
);
-- The two list orders within one facet value, undated last as the lists order them here (UndatedLast).
CREATE INDEX "IX_StoryFacets_Date" ON "StoryFacets" ("Facet", "Value", ("LastDate" IS NULL), "LastDate" DESC, "StoryId" DESC)
    INCLUDE ("FirstDate", "OutletCount", "ArticleCount");
CREATE INDEX "IX_StoryFacets_Coverage" ON "StoryFacets" ("Facet", "Value", "OutletCount" DESC, "ArticleCount" DESC,
    ("LastDate" IS NULL), "LastDate" DESC, "StoryId" DESC) INCLUDE ("FirstDate");
CREATE INDEX "IX_StoryFacets_StoryId" ON "StoryFacets" ("StoryId");
-- How many rows a value has depends on its facet ("en" is a language's, not an outlet's): without statistics over
-- both, the planner multiplies their shares and guesses a common language's rows three times too few.
CREATE STATISTICS "StoryFacets_Facet_Value" (mcv) ON "Facet", "Value" FROM "StoryFacets";

-- An article's own facets (1: its outlet; 2: its language, while it is the latest version) with its story's keys.
CREATE FUNCTION "AddStoryFacets"(story bigint, outlet text, language text, latest boolean) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
    SELECT f.facet, f.value, s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
    FROM (SELECT 1 AS facet, outlet AS value WHERE outlet IS NOT NULL
          UNION ALL SELECT 2, language WHERE language IS NOT NULL AND latest) AS f
    JOIN "Stories" AS s ON s."Id" = story
    ON CONFLICT DO NOTHING
$$;

-- Takes an article's facets away from its story when no other article of the story still gives them.
CREATE FUNCTION "DropStoryFacets"(story bigint, outlet text, language text) RETURNS void LANGUAGE sql AS $$
    DELETE FROM "StoryFacets" WHERE "Facet" = 1 AND "Value" = outlet AND "StoryId" = story
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Outlet" = outlet AND a."StoryId" = story);
    DELETE FROM "StoryFacets" WHERE "Facet" = 2 AND "Value" = language AND "StoryId" = story
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Language" = language AND a."StoryId" = story AND a."IsLatest");
$$;

CREATE FUNCTION "ArticleFacets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND old."StoryId" IS NOT NULL THEN
        PERFORM "DropStoryFacets"(old."StoryId", old."Outlet", old."Language");
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND new."StoryId" IS NOT NULL THEN
        PERFORM "AddStoryFacets"(new."StoryId", new."Outlet", new."Language", new."IsLatest");
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Articles_Facets_Insert" AFTER INSERT ON "Articles"
    FOR EACH ROW WHEN (new."StoryId" IS NOT NULL) EXECUTE FUNCTION "ArticleFacets"();
CREATE TRIGGER "Articles_Facets_Delete" AFTER DELETE ON "Articles"
    FOR EACH ROW WHEN (old."StoryId" IS NOT NULL) EXECUTE FUNCTION "ArticleFacets"();
CREATE TRIGGER "Articles_Facets_Update" AFTER UPDATE OF "StoryId", "Outlet", "Language", "IsLatest" ON "Articles"
    FOR EACH ROW WHEN (old."StoryId" IS DISTINCT FROM new."StoryId" OR old."Outlet" IS DISTINCT FROM new."Outlet"
        OR old."Language" IS DISTINCT FROM new."Language" OR old."IsLatest" IS DISTINCT FROM new."IsLatest")
    EXECUTE FUNCTION "ArticleFacets"();

-- A story written after its articles gathers its rows; a story whose keys or id change carries them to its rows; a
-- deleted story takes its rows with it.
CREATE FUNCTION "StoryFacetKeys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM "StoryFacets" WHERE "StoryId" = old."Id";
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE "StoryFacets" SET "StoryId" = new."Id", "FirstDate" = new."FirstDate", "LastDate" = new."LastDate",
            "OutletCount" = new."OutletCount", "ArticleCount" = new."ArticleCount"
        WHERE "StoryId" = old."Id";
    ELSE
        INSERT INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
        SELECT DISTINCT f.facet, f.value, new."Id", new."FirstDate", new."LastDate", new."OutletCount", new."ArticleCount"
        FROM (SELECT 1 AS facet, a."Outlet" AS value FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Outlet" IS NOT NULL
              UNION ALL
              SELECT 2, a."Language" FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Language" IS NOT NULL AND a."IsLatest") AS f
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Stories_Facets_Insert" AFTER INSERT ON "Stories" FOR EACH ROW EXECUTE FUNCTION "StoryFacetKeys"();
CREATE TRIGGER "Stories_Facets_Update" AFTER UPDATE OF "Id", "FirstDate", "LastDate", "OutletCount", "ArticleCount" ON "Stories"
    FOR EACH ROW WHEN (old."Id" IS DISTINCT FROM new."Id" OR old."FirstDate" IS DISTINCT FROM new."FirstDate"
        OR old."LastDate" IS DISTINCT FROM new."LastDate" OR old."OutletCount" IS DISTINCT FROM new."OutletCount"
        OR old."ArticleCount" IS DISTINCT FROM new."ArticleCount")
    EXECUTE FUNCTION "StoryFacetKeys"();
CREATE TRIGGER "Stories_Facets_Delete" AFTER DELETE ON "Stories" FOR EACH ROW EXECUTE FUNCTION "StoryFacetKeys"();

-- Stories grouped before this script.
INSERT INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
SELECT DISTINCT f.facet, f.value, s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
FROM (SELECT 1 AS facet, a."Outlet" AS value, a."StoryId" AS story FROM "Articles" AS a WHERE a."StoryId" IS NOT NULL AND a."Outlet" IS NOT NULL
      UNION ALL
      SELECT 2, a."Language", a."StoryId" FROM "Articles" AS a WHERE a."StoryId" IS NOT NULL AND a."Language" IS NOT NULL AND a."IsLatest") AS f
JOIN "Stories" AS s ON s."Id" = f.story;
