-- What the story-grouping index was built with. "features" is the version of the terms read from text
-- (TextSignals.FeaturesVersion): a store grouped with another version is regrouped whole by its next import, since its
-- counts, postings and signatures could not be compared with new articles' terms. No row in a grouped store means a
-- version from before this table.
CREATE TABLE "StoryGroupingInfo" (
    "Name" TEXT NOT NULL PRIMARY KEY,
    "Value" INTEGER NOT NULL
);
