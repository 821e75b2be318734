-- Stories, each article's place in one (and why), related stories, people's corrections, and the grouping index.
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
-- "Copies of this article" for pages, and the self-reference check when an article is deleted.
CREATE INDEX "IX_Articles_CopyOfArticleId" ON "Articles" ("CopyOfArticleId");

-- One row per grouped article: its story and the evidence that put it there. Features is the engine's compact
-- profile of the article (term weights, phrase MinHash) so stories can be re-summed and copies re-checked.
CREATE TABLE "StoryMemberships" (
    "ArticleId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    "StoryId" INTEGER NOT NULL REFERENCES "Stories" ("Id") ON DELETE CASCADE,
    "Score" REAL NOT NULL,
    "Method" TEXT NOT NULL,
    "SharedNames" TEXT NOT NULL,
    "SharedTerms" TEXT NOT NULL,
    "GapDays" INTEGER NULL,
    "AssignedAt" TEXT NOT NULL,
    "Features" BLOB NULL
);
CREATE INDEX "IX_StoryMemberships_StoryId" ON "StoryMemberships" ("StoryId");

-- Related coverage: two stories of one ongoing topic (stored once, lower id first).
CREATE TABLE "StoryLinks" (
    "StoryId" INTEGER NOT NULL REFERENCES "Stories" ("Id") ON DELETE CASCADE,
    "RelatedStoryId" INTEGER NOT NULL REFERENCES "Stories" ("Id") ON DELETE CASCADE,
    "Score" REAL NOT NULL,
    PRIMARY KEY ("StoryId", "RelatedStoryId")
);
CREATE INDEX "IX_StoryLinks_RelatedStoryId" ON "StoryLinks" ("RelatedStoryId");

-- What people changed by hand (move, split, merge), when and why.
CREATE TABLE "StoryCorrections" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "ArticleIds" TEXT NOT NULL,
    "FromStoryId" INTEGER NULL,
    "ToStoryId" INTEGER NULL,
    "Reason" TEXT NOT NULL,
    "At" TEXT NOT NULL
);

-- The lasting effect of corrections: articles with the same lock group are always one story, articles with
-- different lock groups never are. Regrouping starts from these.
CREATE TABLE "StoryLocks" (
    "ArticleId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    "LockGroup" INTEGER NOT NULL
);
CREATE INDEX "IX_StoryLocks_LockGroup" ON "StoryLocks" ("LockGroup");

-- The grouping index (engine state kept on disk so memory stays bounded): each story's summed term vector,
-- term -> stories postings, and document frequencies (TermHash -1 holds the number of documents).
CREATE TABLE "StorySignatures" (
    "StoryId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Stories" ("Id") ON DELETE CASCADE,
    "Data" BLOB NOT NULL
);
CREATE TABLE "StoryPostings" (
    "TermHash" INTEGER NOT NULL,
    "StoryId" INTEGER NOT NULL,
    PRIMARY KEY ("TermHash", "StoryId")
) WITHOUT ROWID;
CREATE TABLE "StoryTermStats" (
    "TermHash" INTEGER NOT NULL PRIMARY KEY,
    "Df" INTEGER NOT NULL
);
