-- One payment per order: the unique order_id is what makes a second charge impossible
-- even when two deliveries of a command race past the application's check.
CREATE TABLE payment (
    payment_id         uuid          PRIMARY KEY,
    order_id           varchar(255)  NOT NULL,
    customer_id        varchar(255),
    status             varchar(16)   NOT NULL,
    amount             numeric(12,2) NOT NULL,
    -- None for a tombstone: an order cancelled before it was charged.
    currency           varchar(3),
    provider_charge_id varchar(255),
    provider_refund_id varchar(255),
    refunded_amount    numeric(12,2) NOT NULL DEFAULT 0,
    decline_reason     varchar(64),
    decline_code       varchar(64),
    refund_reason      varchar(64),
    created_at         timestamp(6) with time zone NOT NULL,
    updated_at         timestamp(6) with time zone NOT NULL,
    version            bigint        NOT NULL,
    CONSTRAINT payment_order_id_key UNIQUE (order_id),
    CONSTRAINT payment_status_check CHECK (status IN ('CHARGED', 'DECLINED', 'REFUNDED')),
    CONSTRAINT payment_refund_check CHECK (refunded_amount >= 0 AND refunded_amount <= amount)
);

-- Every call to the provider, kept as it happened: an audit log, append-only.
CREATE TABLE payment_attempt (
    id                 bigserial     PRIMARY KEY,
    order_id           varchar(255)  NOT NULL,
    operation          varchar(16)   NOT NULL,
    idempotency_key    varchar(255)  NOT NULL,
    outcome            varchar(32)   NOT NULL,
    http_status        integer,
    provider_reference varchar(255),
    error              varchar(1000),
    started_at         timestamp(6) with time zone NOT NULL,
    duration_ms        bigint        NOT NULL
);

CREATE INDEX payment_attempt_order_idx ON payment_attempt (order_id, id);

-- The application only inserts; the database refuses anything else, so the log cannot be
-- rewritten by a bug or by hand without dropping this trigger first.
CREATE FUNCTION payment_attempt_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment_attempt is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER payment_attempt_no_update_or_delete
    BEFORE UPDATE OR DELETE ON payment_attempt
    FOR EACH ROW EXECUTE FUNCTION payment_attempt_append_only();

CREATE TRIGGER payment_attempt_no_truncate
    BEFORE TRUNCATE ON payment_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION payment_attempt_append_only();
