-- 004: the JSONB columns compressed with LZ4 instead of pglz. A conversation's record (~10 kB of
-- JSON by the end of an intake) is rewritten every turn and compressed each time; pglz took about a
-- sixth of a turn's CPU in PostgreSQL, LZ4 a fraction of that (README: Performance). Only values
-- stored from now on are affected; older ones are read as they are. No table is rewritten.
-- A server built without LZ4 (SQLSTATE 0A000) keeps pglz: nothing else depends on it.
DO $$
BEGIN
  ALTER TABLE conversations ALTER COLUMN record SET COMPRESSION lz4;
  ALTER TABLE requests ALTER COLUMN request SET COMPRESSION lz4;
  ALTER TABLE audit ALTER COLUMN entry SET COMPRESSION lz4;
  ALTER TABLE directline_transcripts ALTER COLUMN activity SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'this PostgreSQL has no LZ4: JSONB stays compressed with pglz';
END;
$$;
