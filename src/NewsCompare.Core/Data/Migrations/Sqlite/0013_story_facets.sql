-- The stories list filtered by outlet or language, answered by one index walk (ADR 0023). One row per story and
-- outlet (of any of its articles, every version, as the outlet filter has always matched) and per story and language
-- (of its latest versions), carrying the story's list keys (dates, outlet and article counts), so "stories of these
-- outlets, newest first" or "by coverage" is read in the list's order from an index instead of looking up every
-- story of the outlet and sorting them. Triggers on Articles and Stories keep it current, so every writer (import,
-- grouping, corrections, regroup, copy-store, the benchmark's generator) does without knowing of it.
CREATE TABLE "StoryFacets" (
    "Facet" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "StoryId" INTEGER NOT NULL,
    "FirstDate" TEXT NULL,
    "LastDate" TEXT NULL,
    "OutletCount" INTEGER NOT NULL,
    "ArticleCount" INTEGER NOT NULL,
    CONSTRAINT "PK_StoryFacets" PRIMARY KEY ("Facet", "Value", "StoryId")
) WITHOUT ROWID;
-- The two list orders within one facet value (read backwards for newest first), covering every key the lists test.
CREATE INDEX "IX_StoryFacets_Date" ON "StoryFacets" ("Facet", "Value", "LastDate", "StoryId", "FirstDate", "OutletCount", "ArticleCount");
CREATE INDEX "IX_StoryFacets_Coverage" ON "StoryFacets" ("Facet", "Value", "OutletCount", "ArticleCount", "LastDate", "StoryId", "FirstDate");
CREATE INDEX "IX_StoryFacets_StoryId" ON "StoryFacets" ("StoryId");

-- Facet 1: an outlet; 2: a language. SQLite's triggers cannot call a function, so the two edits an article makes are
-- written once, as what inserting into this empty view does: "Adds" 1 adds the article's facets to its story...
CREATE VIEW "StoryFacetEdits" ("StoryId", "Outlet", "Language", "IsLatest", "Adds") AS SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER "StoryFacetEdits_Add" INSTEAD OF INSERT ON "StoryFacetEdits" WHEN new."Adds" BEGIN
    INSERT OR IGNORE INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
    SELECT f."Facet", f."Value", s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
    FROM (SELECT 1 AS "Facet", new."Outlet" AS "Value" WHERE new."Outlet" IS NOT NULL
          UNION ALL SELECT 2, new."Language" WHERE new."Language" IS NOT NULL AND new."IsLatest") AS f
    JOIN "Stories" AS s ON s."Id" = new."StoryId";
END;

-- ...and 0 takes them away when no other article of the story still gives them.
CREATE TRIGGER "StoryFacetEdits_Drop" INSTEAD OF INSERT ON "StoryFacetEdits" WHEN NOT new."Adds" BEGIN
    DELETE FROM "StoryFacets" WHERE "Facet" = 1 AND "Value" = new."Outlet" AND "StoryId" = new."StoryId"
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Outlet" = new."Outlet" AND a."StoryId" = new."StoryId");
    DELETE FROM "StoryFacets" WHERE "Facet" = 2 AND "Value" = new."Language" AND "StoryId" = new."StoryId"
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Language" = new."Language" AND a."StoryId" = new."StoryId" AND a."IsLatest");
END;

CREATE TRIGGER "Articles_Facets_Insert" AFTER INSERT ON "Articles" WHEN new."StoryId" IS NOT NULL BEGIN
    INSERT INTO "StoryFacetEdits" VALUES (new."StoryId", new."Outlet", new."Language", new."IsLatest", 1);
END;

CREATE TRIGGER "Articles_Facets_Delete" AFTER DELETE ON "Articles" WHEN old."StoryId" IS NOT NULL BEGIN
    INSERT INTO "StoryFacetEdits" VALUES (old."StoryId", old."Outlet", old."Language", old."IsLatest", 0);
END;

CREATE TRIGGER "Articles_Facets_Update" AFTER UPDATE OF "StoryId", "Outlet", "Language", "IsLatest" ON "Articles"
WHEN old."StoryId" IS NOT new."StoryId" OR old."Outlet" IS NOT new."Outlet" OR old."Language" IS NOT new."Language"
    OR old."IsLatest" IS NOT new."IsLatest" BEGIN
    INSERT INTO "StoryFacetEdits" SELECT old."StoryId", old."Outlet", old."Language", old."IsLatest", 0 WHERE old."StoryId" IS NOT NULL;
    INSERT INTO "StoryFacetEdits" SELECT new."StoryId", new."Outlet", new."Language", new."IsLatest", 1 WHERE new."StoryId" IS NOT NULL;
END;

-- A story written after its articles (copy-store sets articles' stories last, a generator may not) gathers its rows;
-- a story whose keys or id change carries them to its rows; a deleted story takes its rows with it.
CREATE TRIGGER "Stories_Facets_Insert" AFTER INSERT ON "Stories" BEGIN
    INSERT OR IGNORE INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
    SELECT DISTINCT f."Facet", f."Value", new."Id", new."FirstDate", new."LastDate", new."OutletCount", new."ArticleCount"
    FROM (SELECT 1 AS "Facet", a."Outlet" AS "Value" FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Outlet" IS NOT NULL
          UNION ALL
          SELECT 2, a."Language" FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Language" IS NOT NULL AND a."IsLatest") AS f;
END;

CREATE TRIGGER "Stories_Facets_Update" AFTER UPDATE OF "Id", "FirstDate", "LastDate", "OutletCount", "ArticleCount" ON "Stories"
WHEN old."Id" IS NOT new."Id" OR old."FirstDate" IS NOT new."FirstDate" OR old."LastDate" IS NOT new."LastDate"
    OR old."OutletCount" IS NOT new."OutletCount" OR old."ArticleCount" IS NOT new."ArticleCount" BEGIN
    UPDATE "StoryFacets" SET "StoryId" = new."Id", "FirstDate" = new."FirstDate", "LastDate" = new."LastDate",
        "OutletCount" = new."OutletCount", "ArticleCount" = new."ArticleCount"
    WHERE "StoryId" = old."Id";
END;

CREATE TRIGGER "Stories_Facets_Delete" AFTER DELETE ON "Stories" BEGIN
    DELETE FROM "StoryFacets" WHERE "StoryId" = old."Id";
END;

-- Stories grouped before this script.
INSERT OR IGNORE INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
SELECT DISTINCT f."Facet", f."Value", s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
FROM (SELECT 1 AS "Facet", a."Outlet" AS "Value", a."StoryId" FROM "Articles" AS a WHERE a."StoryId" IS NOT NULL AND a."Outlet" IS NOT NULL
      UNION ALL
      SELECT 2, a."Language", a."StoryId" FROM "Articles" AS a WHERE a."StoryId" IS NOT NULL AND a."Language" IS NOT NULL AND a."IsLatest") AS f
JOIN "Stories" AS s ON s."Id" = f."StoryId";
