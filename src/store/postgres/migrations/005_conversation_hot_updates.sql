-- 005: a turn's rewrite of its conversation row stays on its page and in the row.
--
-- Every turn rewrites `conversations.record` (~3 kB once LZ4-compressed by the end of an intake).
-- Until now each rewrite was a full (non-HOT) update: the index on `updated_at` changes every turn,
-- so both indexes got a new entry, and a record over ~2 kB went to the TOAST table, where each
-- rewrite inserted new chunks and a TOAST index entry, locked and then deleted the old chunks,
-- leaving all of it for VACUUM. Now:
--   * the record is kept in the row, compressed (STORAGE MAIN: compressed from ~2 kB, moved out
--     only if it still does not fit in a page), so a rewrite is one new row version and no TOAST;
--   * pages are filled to half on insert, so the new version fits on the same page and the update
--     is HOT (no index entry; the old version is pruned on the page, not by VACUUM);
--   * the index that changed every turn is replaced by one on the hour of `updated_at` (computed
--     by PostgreSQL), which changes at most once an hour in a conversation. Queries on updated_at
--     narrow by that hour first (src/store/postgres/conversations.ts and store.ts).
-- Measured in README, Performance (WAL per turn and PostgreSQL CPU per turn, same run).
-- Adding the generated column rewrites the table once (existing rows get the new layout too);
-- the migration holds the table's lock meanwhile, as any migration does.

ALTER TABLE conversations ALTER COLUMN record SET STORAGE MAIN;
ALTER TABLE conversations SET (fillfactor = 50);
ALTER TABLE conversations ADD COLUMN updated_hour timestamptz
  GENERATED ALWAYS AS (date_bin('1 hour', updated_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')) STORED;
CREATE INDEX conversations_updated_hour ON conversations (updated_hour);
DROP INDEX conversations_updated_at;
