-- 003: the self-hosted Direct Line's transcripts (what the web chat page shows; src/directline/pgTranscripts.ts),
-- so a web chat whose next request lands on another bot process is read back with its watermark.
-- One row per activity; the bot's own state is in `conversations`.

CREATE TABLE directline_transcripts (
  conversation_id  text NOT NULL,
  -- The activity's sequence number in its conversation, which is also its watermark.
  seq              integer NOT NULL,
  activity         jsonb NOT NULL,
  written_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (conversation_id, seq)
);
-- Retention deletes conversations whose newest row is older than RETENTION_DAYS.
CREATE INDEX directline_transcripts_written ON directline_transcripts (written_at);
