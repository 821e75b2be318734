-- Captures, the articles extracted from them, and the lines dropped as clutter.
CREATE TABLE "Captures" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "FileName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Encoding" TEXT NOT NULL,
    "Warnings" TEXT NULL,
    "ImportedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_Captures_Sha256" ON "Captures" ("Sha256");

CREATE TABLE "Articles" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "CaptureId" INTEGER NOT NULL REFERENCES "Captures" ("Id") ON DELETE CASCADE,
    "Url" TEXT NULL,
    "UrlSource" TEXT NULL,
    "UrlKey" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "IsLatest" INTEGER NOT NULL,
    "Site" TEXT NULL,
    "SiteSource" TEXT NULL,
    "Outlet" TEXT NULL,
    "OutletSource" TEXT NULL,
    "Origin" TEXT NULL,
    "OriginSource" TEXT NULL,
    "Headline" TEXT NULL,
    "HeadlineSource" TEXT NULL,
    "Standfirst" TEXT NULL,
    "Byline" TEXT NULL,
    "BylineSource" TEXT NULL,
    "Dateline" TEXT NULL,
    "Published" TEXT NULL,
    "PublishedSource" TEXT NULL,
    "PublishedInferred" INTEGER NOT NULL,
    "Language" TEXT NULL,
    "LanguageSource" TEXT NULL,
    "Paragraphs" TEXT NOT NULL,
    "Captions" TEXT NOT NULL,
    "WordCount" INTEGER NOT NULL,
    "ImportedAt" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_Articles_CaptureId" ON "Articles" ("CaptureId");
CREATE INDEX "IX_Articles_UrlKey" ON "Articles" ("UrlKey");
CREATE INDEX "IX_Articles_Outlet_Published" ON "Articles" ("Outlet", "Published");
CREATE INDEX "IX_Articles_Published" ON "Articles" ("Published");

CREATE TABLE "ClutterLines" (
    "Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ArticleId" INTEGER NOT NULL REFERENCES "Articles" ("Id") ON DELETE CASCADE,
    "Position" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "Reason" TEXT NOT NULL
);
CREATE INDEX "IX_ClutterLines_ArticleId_Position" ON "ClutterLines" ("ArticleId", "Position");
