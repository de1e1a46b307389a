# PostgreSQL 15 (Debian postgresql-15) on 127.0.0.1:5432 with logical WAL, run as user postgres.

POSTGRES_DIR="$STACK_HOME/postgres"
POSTGRES_PORT=5432
POSTGRES_BIN="/usr/lib/postgresql/15/bin"
POSTGRES_LOG="$POSTGRES_DIR/log/postgres.log"

postgres_port() { echo "$POSTGRES_PORT"; }
postgres_endpoint() { echo "127.0.0.1:$POSTGRES_PORT/cdc (cdc/cdc)"; }

postgres_as_owner() { runuser -u postgres -- "$@"; }
postgres_psql() { postgres_as_owner "$POSTGRES_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$POSTGRES_DIR/run" -p "$POSTGRES_PORT" -U postgres "$@"; }

postgres_check() {
  PGPASSWORD=cdc "$POSTGRES_BIN/psql" -X -h 127.0.0.1 -p "$POSTGRES_PORT" -U cdc -d cdc -tAc 'SELECT 1' >/dev/null 2>&1
}

postgres_config() {
  cat > "$POSTGRES_DIR/data/postgresql.auto.conf" <<CONF
# written by bin/cdc stack up; regenerated on every start
listen_addresses = '127.0.0.1'
port = $POSTGRES_PORT
unix_socket_directories = '$POSTGRES_DIR/run'
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
max_connections = 200
shared_buffers = 256MB
max_slot_wal_keep_size = 4GB
timezone = 'UTC'
log_timezone = 'UTC'
CONF
  cat > "$POSTGRES_DIR/data/pg_hba.conf" <<HBA
# written by bin/cdc stack up: local sockets for the postgres superuser, passwords on 127.0.0.1 only
local   all          postgres                   peer
local   all          all                        scram-sha-256
host    all          all         127.0.0.1/32   scram-sha-256
host    replication  all         127.0.0.1/32   scram-sha-256
HBA
}

postgres_start() {
  if postgres_check; then return 0; fi
  if [ -d "$POSTGRES_DIR/run" ] && postgres_as_owner "$POSTGRES_BIN/pg_isready" -q -h "$POSTGRES_DIR/run" -p "$POSTGRES_PORT"; then return 0; fi
  local owner; owner=$(port_owner "$POSTGRES_PORT")
  [ -z "$owner" ] || die "port $POSTGRES_PORT is taken by pid $owner ($(ps -o comm= -p "$owner")), not by this stack; stop it first"
  mkdir -p "$POSTGRES_DIR"/{run,log}
  chown postgres:postgres "$POSTGRES_DIR" "$POSTGRES_DIR/run" "$POSTGRES_DIR/log"
  if [ ! -f "$POSTGRES_DIR/data/PG_VERSION" ]; then
    info "postgres: initialising $POSTGRES_DIR/data"
    mkdir -p "$POSTGRES_DIR/data"; chown postgres:postgres "$POSTGRES_DIR/data"; chmod 700 "$POSTGRES_DIR/data"
    postgres_as_owner "$POSTGRES_BIN/initdb" -D "$POSTGRES_DIR/data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$POSTGRES_DIR/log/initdb.log" 2>&1 \
      || fail_with_log postgres "$POSTGRES_DIR/log/initdb.log" "could not initialise its data directory" || exit 1
  fi
  postgres_config
  chown postgres:postgres "$POSTGRES_DIR/data/postgresql.auto.conf" "$POSTGRES_DIR/data/pg_hba.conf"
  info "postgres: starting on 127.0.0.1:$POSTGRES_PORT"
  # pg_ctl forks the server and returns; postgres_wait waits for it
  postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_LOG" -W start >/dev/null 2>&1 \
    || fail_with_log postgres "$POSTGRES_LOG" "pg_ctl start failed" || exit 1
}

postgres_wait() {
  if ! wait_until 60 "postgres" postgres_as_owner "$POSTGRES_BIN/pg_isready" -q -h "$POSTGRES_DIR/run" -p "$POSTGRES_PORT"; then
    fail_with_log postgres "$POSTGRES_LOG" "did not answer within 60 s"; return 1
  fi
  postgres_psql -d postgres >/dev/null <<'SQL' || { fail_with_log postgres "$POSTGRES_LOG" "is up but creating the cdc roles failed"; return 1; }
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdc') THEN
    CREATE ROLE cdc LOGIN REPLICATION CREATEDB PASSWORD 'cdc';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cdc_admin') THEN
    CREATE ROLE cdc_admin LOGIN SUPERUSER PASSWORD 'cdc_admin';
  END IF;
END
$$;
SQL
  if [ "$(postgres_psql -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = 'cdc'")" = "0" ]; then
    postgres_psql -d postgres -c 'CREATE DATABASE cdc OWNER cdc' >/dev/null || { fail_with_log postgres "$POSTGRES_LOG" "could not create database cdc"; return 1; }
  fi
  postgres_check || { fail_with_log postgres "$POSTGRES_LOG" "does not accept the cdc role on 127.0.0.1:$POSTGRES_PORT"; return 1; }
  info "postgres: answering on 127.0.0.1:$POSTGRES_PORT"
}

postgres_stop() {
  if [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
    info "postgres: stopping"
    postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}
