-- The API client that placed each order (its access token's subject): a client reads and
-- lists only its own orders, operators (scope admin) everybody's.

-- Orders placed before requests were authenticated belong to no client: only operators see them.
ALTER TABLE orders ADD COLUMN owner varchar(255) NOT NULL DEFAULT 'unknown';
ALTER TABLE orders ALTER COLUMN owner DROP DEFAULT;

-- A client's listing, newest first, with or without a customer or status filter.
CREATE INDEX orders_by_owner_newest ON orders (owner, created_at DESC, order_id DESC);

-- Idempotency keys are already scoped per client: their primary key is (client_id,
-- idempotency_key), so two clients using the same key get two orders and never each
-- other's stored response. Every key now belongs to an authenticated client, so the ''
-- default for unauthenticated requests goes.
ALTER TABLE idempotency_record ALTER COLUMN client_id DROP DEFAULT;
