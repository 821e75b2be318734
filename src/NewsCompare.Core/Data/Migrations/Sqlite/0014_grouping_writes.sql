-- Grouping writes an article's story into its row; every index that holds the story (or sits on the row) is written
-- with it. IX_Articles_StoryId_IsLatest_Outlet begins with the story, so it serves every lookup by story (the pages,
-- the story refresh, the foreign key's ON DELETE SET NULL) that IX_Articles_StoryId served, and one index less is
-- written per placed article.
DROP INDEX IF EXISTS "IX_Articles_StoryId";
