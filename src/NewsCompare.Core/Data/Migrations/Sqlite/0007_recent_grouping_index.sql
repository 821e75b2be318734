-- Small tables in front of the grouping index's two large ones. Grouping writes new postings and document-frequency
-- changes here and merges them into StoryPostings and StoryTermStats in key order once they have grown (StoryStore):
-- rows for random terms inserted one by one into the large B-trees rewrote nearly all of their pages in every
-- transaction, so the bytes written per article grew with the store. A lookup reads both tables.
CREATE TABLE "StoryPostingsRecent" (
    "TermHash" INTEGER NOT NULL,
    "StoryId" INTEGER NOT NULL,
    PRIMARY KEY ("TermHash", "StoryId")
) WITHOUT ROWID;
CREATE TABLE "StoryTermStatsRecent" (
    "TermHash" INTEGER NOT NULL PRIMARY KEY,
    "Df" INTEGER NOT NULL
);
