-- Full-text search over headlines, standfirsts and bodies, plus the indexes the web pages page through.
-- The body is a JSON array of paragraphs, so the index is contentless (content=''): triggers feed it the plain
-- text of each article as it is inserted, updated or deleted, and no second copy of the text is stored.
-- contentless_delete lets a trigger remove an article's entry by rowid alone. Queries return rowids (article ids).
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "Headline", "Standfirst", "Body",
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Articles_Search_Insert" AFTER INSERT ON "Articles" BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "Headline", "Standfirst", "Body")
    VALUES (new."Id", new."Headline", new."Standfirst",
            (SELECT group_concat(j."value", char(10)) FROM json_each(new."Paragraphs") AS j));
END;

CREATE TRIGGER "Articles_Search_Delete" AFTER DELETE ON "Articles" BEGIN
    DELETE FROM "ArticleSearch" WHERE "rowid" = old."Id";
END;

CREATE TRIGGER "Articles_Search_Update" AFTER UPDATE OF "Headline", "Standfirst", "Paragraphs" ON "Articles" BEGIN
    DELETE FROM "ArticleSearch" WHERE "rowid" = old."Id";
    INSERT INTO "ArticleSearch" ("rowid", "Headline", "Standfirst", "Body")
    VALUES (new."Id", new."Headline", new."Standfirst",
            (SELECT group_concat(j."value", char(10)) FROM json_each(new."Paragraphs") AS j));
END;

-- Articles stored before this script.
INSERT INTO "ArticleSearch" ("rowid", "Headline", "Standfirst", "Body")
SELECT a."Id", a."Headline", a."Standfirst",
       (SELECT group_concat(j."value", char(10)) FROM json_each(a."Paragraphs") AS j)
FROM "Articles" AS a;

-- Listing pages: latest versions newest first, languages for the filter, stories by coverage.
CREATE INDEX "IX_Articles_IsLatest_Published" ON "Articles" ("IsLatest", "Published");
CREATE INDEX "IX_Articles_Language_StoryId" ON "Articles" ("Language", "StoryId");
CREATE INDEX "IX_Articles_Outlet_StoryId" ON "Articles" ("Outlet", "StoryId");
-- A story's latest versions and their outlets, and the count of ungrouped articles, without reading article rows.
CREATE INDEX "IX_Articles_StoryId_IsLatest_Outlet" ON "Articles" ("StoryId", "IsLatest", "Outlet");
CREATE INDEX "IX_Stories_OutletCount_ArticleCount_LastDate" ON "Stories" ("OutletCount", "ArticleCount", "LastDate");
