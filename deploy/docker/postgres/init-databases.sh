#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is first initialised: one database and one owner
# per service that keeps its state in PostgreSQL (the same names the embedded stack uses).
# The passwords come from the container's environment, which docker-compose.yml fills from .env.
set -euo pipefail

create_database() {
	local name="$1" password="$2"
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
		--set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
}

create_database orders "$ORDERS_DB_PASSWORD"
create_database inventory "$INVENTORY_DB_PASSWORD"
create_database payments "$PAYMENTS_DB_PASSWORD"
