-- Revocable sign-ins: a sign-in carries the editor's security stamp and is refused once the stamp changes (sign-out,
-- password change). Existing editors get a fresh random stamp. DisplayName: the name readers see on corrections.
ALTER TABLE "Editors" ADD COLUMN "SecurityStamp" TEXT NOT NULL DEFAULT '';
UPDATE "Editors" SET "SecurityStamp" = lower(hex(randomblob(16)));
ALTER TABLE "Editors" ADD COLUMN "DisplayName" TEXT NULL;
