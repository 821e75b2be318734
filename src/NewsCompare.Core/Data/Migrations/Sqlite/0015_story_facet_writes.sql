-- What keeping StoryFacets costs grouping (ADR 0023). A story's keys change at nearly every article placed in it, and
-- the trigger copied them to each of its facet rows with "StoryId" in the SET list: a column of the primary key, so
-- SQLite deleted and re-inserted each row and its entry in every index, found through IX_StoryFacets_StoryId. Now the
-- rows are kept in story order (the primary key begins with the story, so a story's rows are one range and that index
-- goes), and a change of keys sets the keys alone: each row is rewritten in place, with new entries only in the two
-- list indexes. A story's new id (a regroup renumbers stories) is carried by a trigger of its own.
DROP TRIGGER "StoryFacetEdits_Add";
DROP TRIGGER "StoryFacetEdits_Drop";
DROP TRIGGER "Stories_Facets_Insert";
DROP TRIGGER "Stories_Facets_Update";
DROP TRIGGER "Stories_Facets_Delete";

CREATE TABLE "StoryFacetsByStory" (
    "Facet" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "StoryId" INTEGER NOT NULL,
    "FirstDate" TEXT NULL,
    "LastDate" TEXT NULL,
    "OutletCount" INTEGER NOT NULL,
    "ArticleCount" INTEGER NOT NULL,
    CONSTRAINT "PK_StoryFacets" PRIMARY KEY ("StoryId", "Facet", "Value")
) WITHOUT ROWID;
INSERT INTO "StoryFacetsByStory" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
SELECT "Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount" FROM "StoryFacets" ORDER BY "StoryId", "Facet", "Value";
DROP TABLE "StoryFacets";
ALTER TABLE "StoryFacetsByStory" RENAME TO "StoryFacets";
CREATE INDEX "IX_StoryFacets_Date" ON "StoryFacets" ("Facet", "Value", "LastDate", "StoryId", "FirstDate", "OutletCount", "ArticleCount");
CREATE INDEX "IX_StoryFacets_Coverage" ON "StoryFacets" ("Facet", "Value", "OutletCount", "ArticleCount", "LastDate", "StoryId", "FirstDate");

-- The two edits an article makes (see 0013), unchanged but for the table they now name.
CREATE TRIGGER "StoryFacetEdits_Add" INSTEAD OF INSERT ON "StoryFacetEdits" WHEN new."Adds" BEGIN
    INSERT OR IGNORE INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
    SELECT f."Facet", f."Value", s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
    FROM (SELECT 1 AS "Facet", new."Outlet" AS "Value" WHERE new."Outlet" IS NOT NULL
          UNION ALL SELECT 2, new."Language" WHERE new."Language" IS NOT NULL AND new."IsLatest") AS f
    JOIN "Stories" AS s ON s."Id" = new."StoryId";
END;

CREATE TRIGGER "StoryFacetEdits_Drop" INSTEAD OF INSERT ON "StoryFacetEdits" WHEN NOT new."Adds" BEGIN
    DELETE FROM "StoryFacets" WHERE "StoryId" = new."StoryId" AND "Facet" = 1 AND "Value" = new."Outlet"
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Outlet" = new."Outlet" AND a."StoryId" = new."StoryId");
    DELETE FROM "StoryFacets" WHERE "StoryId" = new."StoryId" AND "Facet" = 2 AND "Value" = new."Language"
        AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Language" = new."Language" AND a."StoryId" = new."StoryId" AND a."IsLatest");
END;

CREATE TRIGGER "Stories_Facets_Insert" AFTER INSERT ON "Stories" BEGIN
    INSERT OR IGNORE INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
    SELECT DISTINCT f."Facet", f."Value", new."Id", new."FirstDate", new."LastDate", new."OutletCount", new."ArticleCount"
    FROM (SELECT 1 AS "Facet", a."Outlet" AS "Value" FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Outlet" IS NOT NULL
          UNION ALL
          SELECT 2, a."Language" FROM "Articles" AS a WHERE a."StoryId" = new."Id" AND a."Language" IS NOT NULL AND a."IsLatest") AS f;
END;

-- Keys only: the SET list names no column of the key, so no row moves.
CREATE TRIGGER "Stories_Facets_Keys" AFTER UPDATE OF "FirstDate", "LastDate", "OutletCount", "ArticleCount" ON "Stories"
WHEN old."Id" = new."Id" AND (old."FirstDate" IS NOT new."FirstDate" OR old."LastDate" IS NOT new."LastDate"
    OR old."OutletCount" IS NOT new."OutletCount" OR old."ArticleCount" IS NOT new."ArticleCount") BEGIN
    UPDATE "StoryFacets" SET "FirstDate" = new."FirstDate", "LastDate" = new."LastDate",
        "OutletCount" = new."OutletCount", "ArticleCount" = new."ArticleCount"
    WHERE "StoryId" = new."Id";
END;

CREATE TRIGGER "Stories_Facets_Id" AFTER UPDATE OF "Id" ON "Stories" WHEN old."Id" IS NOT new."Id" BEGIN
    UPDATE "StoryFacets" SET "StoryId" = new."Id", "FirstDate" = new."FirstDate", "LastDate" = new."LastDate",
        "OutletCount" = new."OutletCount", "ArticleCount" = new."ArticleCount"
    WHERE "StoryId" = old."Id";
END;

CREATE TRIGGER "Stories_Facets_Delete" AFTER DELETE ON "Stories" BEGIN
    DELETE FROM "StoryFacets" WHERE "StoryId" = old."Id";
END;
