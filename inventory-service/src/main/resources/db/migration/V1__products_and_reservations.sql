-- Products and their stock. The stock figures can never go negative, whatever the code does:
-- the checks are the last line of defence against overselling.
-- sku sorts bytewise (COLLATE "C") so "ORDER BY sku" is the same order everywhere: every
-- transaction that locks several products locks them in that order, so none can deadlock.
CREATE TABLE product (
    sku         varchar(64) COLLATE "C" PRIMARY KEY CHECK (sku ~ '^[A-Z0-9-]+$'),
    name        varchar(200)   NOT NULL,
    description varchar(2000)  NOT NULL DEFAULT '',
    category    varchar(64)    NOT NULL,
    price       numeric(12, 2) NOT NULL CHECK (price > 0),
    currency    char(3)        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    available   integer        NOT NULL CHECK (available >= 0),
    reserved    integer        NOT NULL CHECK (reserved >= 0),
    sold        integer        NOT NULL CHECK (sold >= 0),
    version     bigint         NOT NULL,
    created_at  timestamptz    NOT NULL,
    updated_at  timestamptz    NOT NULL
);

-- Keyset pages within a category walk this index.
CREATE INDEX product_category_sku ON product (category, sku);

-- One row per order that inventory ever heard of: the outcome of its ReserveStock, or a
-- RELEASED tombstone when ReleaseStock came first. Never deleted while a late command for
-- the order may still arrive.
CREATE TABLE reservation (
    order_id         varchar(64)    PRIMARY KEY,
    status           varchar(16)    NOT NULL CHECK (status IN ('RESERVED', 'RELEASED', 'COMMITTED', 'FAILED')),
    failure_reason   varchar(32),
    unavailable_skus text[]         NOT NULL DEFAULT '{}',
    total            numeric(12, 2),
    currency         char(3),
    created_at       timestamptz    NOT NULL,
    updated_at       timestamptz    NOT NULL,
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);

-- What a RESERVED (later COMMITTED or RELEASED) reservation holds, at the price it was
-- reserved at. One line per sku (duplicate skus of a command are summed), in the order the
-- command named them (line_no).
CREATE TABLE reservation_line (
    order_id   varchar(64)    NOT NULL REFERENCES reservation (order_id),
    line_no    integer        NOT NULL,
    sku        varchar(64) COLLATE "C" NOT NULL,
    name       varchar(200)   NOT NULL,
    quantity   integer        NOT NULL CHECK (quantity > 0),
    unit_price numeric(12, 2) NOT NULL,
    PRIMARY KEY (order_id, sku),
    UNIQUE (order_id, line_no)
);
