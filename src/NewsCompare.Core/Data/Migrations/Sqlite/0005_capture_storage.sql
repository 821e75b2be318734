-- How each capture's bytes are kept: 'raw' (the file's bytes as they are; every capture stored before this script)
-- or 'brotli' (losslessly compressed; read back and checked against Sha256). Length is the original file's size,
-- so pages can show it without unpacking; null for rows stored before this script, whose Content is the file itself.
-- Added columns with constant defaults: SQLite does not rewrite the existing rows.
ALTER TABLE "Captures" ADD COLUMN "Storage" TEXT NOT NULL DEFAULT 'raw';
ALTER TABLE "Captures" ADD COLUMN "Length" INTEGER NULL;

-- The versions of an address. For every capture with an address an import asks for the highest version number and
-- retires the current latest row: with these indexes both are one index seek, where the single-column UrlKey index
-- made each read every older version's row (so importing grew slower as versions piled up).
CREATE INDEX "IX_Articles_UrlKey_Version" ON "Articles" ("UrlKey", "Version");
CREATE INDEX "IX_Articles_UrlKey_Latest" ON "Articles" ("UrlKey") WHERE "IsLatest" = 1;
DROP INDEX "IX_Articles_UrlKey";
