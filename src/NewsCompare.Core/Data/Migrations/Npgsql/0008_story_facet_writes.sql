-- What keeping StoryFacets costs grouping (ADR 0023; SQLite's 0015). Two costs, both paid at nearly every article
-- placed. An article's trigger called two LANGUAGE sql functions, which took about 340 µs a call from PL/pgSQL, as if their
-- statements were planned at each (about half the facet triggers' CPU while grouping): the statements are now the
-- trigger function's own, whose plans PL/pgSQL keeps for the session. And a story's keys change with each article it
-- gains, giving each of its facet rows a new version with an entry in every index of the table (the keys are
-- indexed, so the update is never heap-only): the primary key now begins with the story, so a story's rows are found
-- through it and IX_StoryFacets_StoryId, one of four entries per row version, goes.
ALTER TABLE "StoryFacets" DROP CONSTRAINT "PK_StoryFacets";
ALTER TABLE "StoryFacets" ADD CONSTRAINT "PK_StoryFacets" PRIMARY KEY ("StoryId", "Facet", "Value");
DROP INDEX "IX_StoryFacets_StoryId";

-- An article takes its facets (1: its outlet; 2: its language, while it is the latest version) away from the story it
-- leaves when no other article of that story still gives them, and adds them, with the story's keys, to the one it joins.
CREATE OR REPLACE FUNCTION "ArticleFacets"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND old."StoryId" IS NOT NULL THEN
        DELETE FROM "StoryFacets" AS f WHERE f."StoryId" = old."StoryId" AND f."Facet" = 1 AND f."Value" = old."Outlet"
            AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Outlet" = old."Outlet" AND a."StoryId" = old."StoryId");
        DELETE FROM "StoryFacets" AS f WHERE f."StoryId" = old."StoryId" AND f."Facet" = 2 AND f."Value" = old."Language"
            AND NOT EXISTS (SELECT 1 FROM "Articles" AS a WHERE a."Language" = old."Language" AND a."StoryId" = old."StoryId" AND a."IsLatest");
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND new."StoryId" IS NOT NULL THEN
        INSERT INTO "StoryFacets" ("Facet", "Value", "StoryId", "FirstDate", "LastDate", "OutletCount", "ArticleCount")
        SELECT f.facet, f.value, s."Id", s."FirstDate", s."LastDate", s."OutletCount", s."ArticleCount"
        FROM (SELECT 1 AS facet, new."Outlet" AS value WHERE new."Outlet" IS NOT NULL
              UNION ALL SELECT 2, new."Language" WHERE new."Language" IS NOT NULL AND new."IsLatest") AS f
        JOIN "Stories" AS s ON s."Id" = new."StoryId"
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
DROP FUNCTION "AddStoryFacets"(bigint, text, text, boolean);
DROP FUNCTION "DropStoryFacets"(bigint, text, text);
