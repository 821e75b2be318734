-- The language filter and the languages it offers look at the latest version of each article only: an address
-- re-captured in another language must not keep offering, or matching, the language of the version it replaced.
-- The filter reads this index alone (language, then story), as it read the one it replaces. The condition is the bare
-- column because that is how EF Core writes "a.IsLatest" in a query, and SQLite uses a partial index only when the
-- query's WHERE clause contains the index's condition as written.
CREATE INDEX "IX_Articles_Language_StoryId_Latest" ON "Articles" ("Language", "StoryId") WHERE "IsLatest";
DROP INDEX "IX_Articles_Language_StoryId";
