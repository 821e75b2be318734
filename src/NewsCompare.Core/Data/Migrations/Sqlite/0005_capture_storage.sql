-- How each capture's bytes are kept: 'raw' (the file's bytes as they are; every capture stored before this script)
-- or 'brotli' (losslessly compressed; read back and checked against Sha256). Length is the original file's size,
-- so pages can show it without unpacking; null for rows stored before this script, whose Content is the file itself.
-- Added columns with constant defaults: SQLite does not rewrite the existing rows.
ALTER TABLE "Captures" ADD COLUMN "Storage" TEXT NOT NULL DEFAULT 'raw';
ALTER TABLE "Captures" ADD COLUMN "Length" INTEGER NULL;
