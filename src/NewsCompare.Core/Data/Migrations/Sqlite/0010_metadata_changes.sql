-- Changes to an article's metadata after its import: editors' corrections, and values a sources manifest gave when
-- bytes already stored were imported again. Each row keeps the field, the old value and its source, the new value
-- and its source, who made the change (null for a manifest), when and why.
CREATE TABLE "MetadataChanges" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ArticleId" INTEGER NOT NULL REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    "Field" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "OldSource" TEXT NULL,
    "NewValue" TEXT NULL,
    "NewSource" TEXT NOT NULL,
    "Editor" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "At" TEXT NOT NULL
);
CREATE INDEX "IX_MetadataChanges_ArticleId" ON "MetadataChanges" ("ArticleId", "Id");
