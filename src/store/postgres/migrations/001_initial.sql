-- 001: conversations, requests, outbox and audit. Each migration runs in its own transaction.

CREATE TABLE conversations (
  id          text PRIMARY KEY,
  -- The whole ConversationRecord (XState snapshot, answered messages) as the bot stored it.
  record      jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX conversations_updated_at ON conversations (updated_at);

CREATE TABLE requests (
  id               text PRIMARY KEY,
  conversation_id  text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('request', 'emergency-diversion')),
  status           text NOT NULL,
  tier             text NOT NULL CHECK (tier IN ('emergency', 'urgent', 'routine', 'selfcare')),
  created_at       timestamptz NOT NULL,
  submitted_at     timestamptz NOT NULL,
  -- The whole IntakeRequest; the columns above are copies of what is queried.
  request          jsonb NOT NULL
);
CREATE INDEX requests_conversation ON requests (conversation_id);
CREATE INDEX requests_submitted ON requests (submitted_at);

CREATE TABLE outbox (
  request_id       text PRIMARY KEY,
  idempotency_key  text NOT NULL,
  state            text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  created_at       timestamptz NOT NULL,
  retried_at       timestamptz,
  last_error       text,
  delivered_at     timestamptz
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, created_at) WHERE state = 'pending';

CREATE TABLE audit (
  seq         bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  request_id  text,
  -- The AuditEntry exactly as appended.
  entry       jsonb NOT NULL
);
CREATE INDEX audit_request ON audit (request_id) WHERE request_id IS NOT NULL;
CREATE INDEX audit_at ON audit (at);

-- Append-only: a line is never changed (retention deletes whole old lines).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
