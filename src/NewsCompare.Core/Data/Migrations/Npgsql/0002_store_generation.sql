-- A number that moves with every transaction that changes the store, whichever instance or process commits it: web
-- instances compare it on each request to know when cached pages are stale (SQLite's PRAGMA data_version does this for
-- one file). A trigger on every table bumps it once per transaction, in that transaction, so the new number becomes
-- visible exactly when the change does, and a rolled-back change never moves it. The row lock it takes is held until
-- commit: writers serialise on it only for the moment between their first write and their commit.
CREATE TABLE "StoreGeneration" (
    "Id" smallint NOT NULL PRIMARY KEY CHECK ("Id" = 1),
    "Value" bigint NOT NULL
);
INSERT INTO "StoreGeneration" ("Id", "Value") VALUES (1, 0);

CREATE FUNCTION "BumpStoreGeneration"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction: the setting is local to it.
    IF current_setting('newscompare.generation_tx', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE "StoreGeneration" SET "Value" = "Value" + 1 WHERE "Id" = 1;
        PERFORM set_config('newscompare.generation_tx', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['Captures', 'Articles', 'ClutterLines', 'Stories', 'StoryMemberships', 'StoryLinks',
        'StoryCorrections', 'StoryLocks', 'RetiredStories', 'MetadataChanges', 'Editors']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "BumpStoreGeneration"()',
            t || '_Generation', t);
    END LOOP;
END
$$;
