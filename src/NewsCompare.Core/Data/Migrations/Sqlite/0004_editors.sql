-- Editors: the people allowed to change the store (import, move, split and merge stories).
CREATE TABLE "Editors" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL COLLATE NOCASE,
    "PasswordHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_Editors_UserName" ON "Editors" ("UserName");
