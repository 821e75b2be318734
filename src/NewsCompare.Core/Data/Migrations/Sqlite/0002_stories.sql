-- Stories, and each article's place in one.
CREATE TABLE "Stories" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "FirstDate" TEXT NULL,
    "LastDate" TEXT NULL,
    "ArticleCount" INTEGER NOT NULL,
    "IndependentCount" INTEGER NOT NULL,
    "OutletCount" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
CREATE INDEX "IX_Stories_LastDate" ON "Stories" ("LastDate");

ALTER TABLE "Articles" ADD COLUMN "StoryId" INTEGER NULL REFERENCES "Stories" ("Id") ON DELETE SET NULL;
ALTER TABLE "Articles" ADD COLUMN "CopyOfArticleId" INTEGER NULL REFERENCES "Articles" ("Id") ON DELETE SET NULL;
CREATE INDEX "IX_Articles_StoryId" ON "Articles" ("StoryId");
