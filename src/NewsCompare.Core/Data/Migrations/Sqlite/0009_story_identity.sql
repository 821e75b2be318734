-- Where an inferred date came from: the article of the same story whose stated date was lent.
ALTER TABLE "Articles" ADD COLUMN "PublishedFromArticleId" INTEGER NULL REFERENCES "Articles" ("Id") ON DELETE SET NULL;

-- Where a story's title came from: the article whose headline it is, and how that headline was chosen.
ALTER TABLE "Stories" ADD COLUMN "TitleArticleId" INTEGER NULL REFERENCES "Articles" ("Id") ON DELETE SET NULL;
ALTER TABLE "Stories" ADD COLUMN "TitleSource" TEXT NULL;
-- A story whose members form two groups that grouping did not split: the proposed split as JSON
-- {"keep":[article ids],"move":[article ids],"cross":average cosine across}; NULL when it is not flagged.
ALTER TABLE "Stories" ADD COLUMN "MixedSplit" TEXT NULL;

-- Story ids that no longer exist (merged away, split up, or emptied by a full regroup), each with the stories that
-- hold its articles now, so old links still lead somewhere. One row per successor.
CREATE TABLE "RetiredStories" (
    "StoryId" INTEGER NOT NULL,
    "SuccessorId" INTEGER NOT NULL,
    "Articles" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    "RetiredAt" TEXT NOT NULL,
    PRIMARY KEY ("StoryId", "SuccessorId")
) WITHOUT ROWID;
