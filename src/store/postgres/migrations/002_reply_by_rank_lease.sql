-- 002: the reply-by time and an urgency rank as real columns (the practice inbox sorts and filters
-- on them), and a lease on outbox entries so the delivery workers of several processes never take
-- one entry at once.

ALTER TABLE requests ADD COLUMN respond_by timestamptz;
UPDATE requests SET respond_by = (request->>'respondBy')::timestamptz WHERE request ? 'respondBy';

ALTER TABLE requests ADD COLUMN tier_rank smallint GENERATED ALWAYS AS (
  CASE tier WHEN 'emergency' THEN 3 WHEN 'urgent' THEN 2 WHEN 'routine' THEN 1 ELSE 0 END
) STORED;
-- The practice's order: most urgent first, then oldest, then id (stable pages).
CREATE INDEX requests_practice_order ON requests (tier_rank DESC, submitted_at, id);
CREATE INDEX requests_status ON requests (status);
CREATE INDEX requests_respond_by ON requests (respond_by) WHERE respond_by IS NOT NULL;

ALTER TABLE outbox ADD COLUMN lease_until timestamptz;
