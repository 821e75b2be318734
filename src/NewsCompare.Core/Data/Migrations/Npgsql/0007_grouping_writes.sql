-- Grouping writes an article's story into its row. IX_Articles_StoryId_IsLatest_Outlet begins with the story, so it
-- serves every lookup by story (the pages, the story refresh, the foreign key's ON DELETE SET NULL) that
-- IX_Articles_StoryId served; an update of the story adds an entry to every index of the row, one fewer now.
DROP INDEX IF EXISTS "IX_Articles_StoryId";

-- Grouping adds each batch's document-frequency changes to StoryTermStatsRecent (about seventeen updated rows a
-- placed article), merges them into StoryTermStats, and rewrites touched stories' signatures. None of these updates
-- changes an indexed column, so with room left on the page PostgreSQL writes them as heap-only tuples, without a new
-- entry in the primary key's index; full pages (the default) made nearly all of them new index entries.
ALTER TABLE "StoryTermStatsRecent" SET (fillfactor = 70);
ALTER TABLE "StoryTermStats" SET (fillfactor = 70);
ALTER TABLE "StorySignatures" SET (fillfactor = 70);
