-- Orders, their lines, the idempotency keys of placements, and the place-order saga.

CREATE TABLE orders (
    order_id            uuid          PRIMARY KEY,
    customer_id         varchar(64)   NOT NULL,
    status              varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    cancellation_reason varchar(64),
    cancellation_detail text,
    -- Null until inventory has priced the order.
    total               numeric(12,2),
    currency            varchar(3),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL
);

-- Keyset listing, newest first, per customer or overall; a status filter rides on either.
CREATE INDEX orders_by_customer_newest ON orders (customer_id, created_at DESC, order_id DESC);
CREATE INDEX orders_newest ON orders (created_at DESC, order_id DESC);

CREATE TABLE order_line (
    order_id   uuid          NOT NULL REFERENCES orders (order_id),
    line_no    integer       NOT NULL,
    sku        varchar(64)   NOT NULL,
    -- Name and unit price as inventory reserved them; null until then.
    name       varchar(255),
    quantity   integer       NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2),
    PRIMARY KEY (order_id, line_no)
);

-- The response to a placement, stored in the transaction that placed the order, so a
-- retry gets exactly that response. client_id scopes keys per API client once requests
-- are authenticated; until then every key belongs to ''.
CREATE TABLE idempotency_record (
    client_id       varchar(255)  NOT NULL DEFAULT '',
    idempotency_key varchar(255)  NOT NULL,
    request_hash    varchar(64)   NOT NULL,
    order_id        uuid,
    response_status integer,
    -- text, not jsonb: the body is returned byte for byte.
    response_body   text,
    location        text,
    created_at      timestamptz   NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);

CREATE INDEX idempotency_record_by_age ON idempotency_record (created_at);

CREATE TABLE saga_instance (
    order_id              uuid          PRIMARY KEY REFERENCES orders (order_id),
    state                 varchar(32)   NOT NULL,
    release_pending       boolean       NOT NULL,
    refund_pending        boolean       NOT NULL,
    cancellation_reason   varchar(64),
    cancellation_detail   text,
    -- Null in the final and parked states.
    deadline_at           timestamptz,
    compensation_attempts integer       NOT NULL,
    payment_token         varchar(64)   NOT NULL,
    trace_id              varchar(32),
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    version               bigint        NOT NULL
);

-- The deadline scheduler's queue: only waiting sagas are in it.
CREATE INDEX saga_instance_due ON saga_instance (deadline_at) WHERE deadline_at IS NOT NULL;
CREATE INDEX saga_instance_parked ON saga_instance (state) WHERE state = 'COMPENSATION_FAILED';

-- Append-only history of every input a saga received and what came of it.
CREATE TABLE saga_step (
    id           bigserial     PRIMARY KEY,
    order_id     uuid          NOT NULL REFERENCES saga_instance (order_id),
    step         varchar(32)   NOT NULL,
    outcome      varchar(32)   NOT NULL,
    message_type varchar(64),
    message_id   uuid,
    detail       text,
    at           timestamptz   NOT NULL
);

CREATE INDEX saga_step_by_order ON saga_step (order_id, id);
