-- The transactional outbox: rows written in the writer's transaction, published by the relay.
CREATE TABLE outbox_message (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    message_type text        NOT NULL,
    -- The exact JSON sent as the record value (text, not jsonb: jsonb would re-render it).
    payload      text        NOT NULL,
    -- The envelope headers (message-id, correlation-id, traceparent, ...). json, not jsonb: the
    -- relay reads every row's headers once, as text; jsonb would be parsed on insert and
    -- re-rendered on every read. headers->>'correlation-id' still works for operators.
    headers      json        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

-- The relay's only read: the unpublished rows in id order, however many published ones are kept.
CREATE INDEX outbox_message_unpublished ON outbox_message (id) WHERE published_at IS NULL;

-- The idempotent consumer: one row per consumer and message handled.
CREATE TABLE processed_message (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, message_id)
);

-- Retention deletes by age.
CREATE INDEX processed_message_processed_at ON processed_message (processed_at);
