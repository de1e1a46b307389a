# MariaDB 10.11 (Debian mariadb-server) on 127.0.0.1:3306, configured for CDC.

MARIADB_DIR="$STACK_HOME/mariadb"
MARIADB_PORT=3306
MARIADB_SOCKET="$MARIADB_DIR/run/mysqld.sock"
MARIADB_LOG="$MARIADB_DIR/log/mariadb.err"

mariadb_port() { echo "$MARIADB_PORT"; }
mariadb_endpoint() { echo "127.0.0.1:$MARIADB_PORT (cdc/cdc)"; }

mariadb_root() { mariadb --no-defaults --protocol=socket --socket="$MARIADB_SOCKET" -uroot "$@"; }

mariadb_check() {
  mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -ucdc -pcdc -N -e 'SELECT 1' >/dev/null 2>&1
}

mariadb_config() {
  cat > "$MARIADB_DIR/my.cnf" <<CNF
# written by bin/cdc stack up; regenerated on every start
[mysqld_safe]
skip_syslog
log_error = $MARIADB_LOG
pid_file = $MARIADB_DIR/run/mariadbd.pid
socket = $MARIADB_SOCKET

[mysqld]
user = mysql
datadir = $MARIADB_DIR/data
socket = $MARIADB_SOCKET
pid_file = $MARIADB_DIR/run/mariadbd.pid
log_error = $MARIADB_LOG
bind_address = 127.0.0.1
port = $MARIADB_PORT
character_set_server = utf8mb4
collation_server = utf8mb4_unicode_ci
default_time_zone = '+00:00'
# change data capture
server_id = 1
log_bin = $MARIADB_DIR/binlog/mysql-bin
binlog_format = ROW
binlog_row_image = FULL
binlog_row_metadata = FULL
binlog_expire_logs_seconds = 604800
max_binlog_size = 256M
# sized for a 2-core machine that also runs Kafka, Connect, Elasticsearch and the tests
innodb_buffer_pool_size = 256M
innodb_log_file_size = 128M
innodb_flush_log_at_trx_commit = 2
max_connections = 300
CNF
}

mariadb_start() {
  if mariadb_check; then return 0; fi
  if pid_alive "$MARIADB_DIR/run/mysqld_safe.pid"; then return 0; fi
  local owner; owner=$(port_owner "$MARIADB_PORT")
  [ -z "$owner" ] || die "port $MARIADB_PORT is taken by pid $owner ($(ps -o comm= -p "$owner")), not by this stack; stop it first"
  mkdir -p "$MARIADB_DIR"/{data,binlog,run,log}
  mariadb_config
  chown -R mysql:mysql "$MARIADB_DIR"
  if [ ! -d "$MARIADB_DIR/data/mysql" ]; then
    info "mariadb: initialising $MARIADB_DIR/data"
    mariadb-install-db --defaults-file="$MARIADB_DIR/my.cnf" --user=mysql --auth-root-authentication-method=socket \
      >"$MARIADB_DIR/log/install-db.log" 2>&1 || fail_with_log mariadb "$MARIADB_DIR/log/install-db.log" "could not initialise its data directory" || exit 1
  fi
  info "mariadb: starting on 127.0.0.1:$MARIADB_PORT"
  detached nohup mysqld_safe --defaults-file="$MARIADB_DIR/my.cnf" >"$MARIADB_DIR/log/mysqld_safe.out" 2>&1 &
  echo $! > "$MARIADB_DIR/run/mysqld_safe.pid"
}

mariadb_alive() { pid_alive "$MARIADB_DIR/run/mysqld_safe.pid" || pid_alive "$MARIADB_DIR/run/mariadbd.pid"; }
mariadb_root_answers() { mariadb_root -e 'SELECT 1' >/dev/null 2>&1; }

mariadb_wait() {
  await_started mariadb 90 mariadb_root_answers mariadb_alive "$MARIADB_LOG" "$MARIADB_SOCKET" || return 1
  mariadb_root <<'SQL' || { fail_with_log mariadb "$MARIADB_LOG" "is up but creating the cdc users failed"; return 1; }
CREATE USER IF NOT EXISTS 'cdc'@'127.0.0.1' IDENTIFIED BY 'cdc';
CREATE USER IF NOT EXISTS 'cdc'@'localhost' IDENTIFIED BY 'cdc';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO 'cdc'@'127.0.0.1', 'cdc'@'localhost';
CREATE USER IF NOT EXISTS 'cdc_admin'@'127.0.0.1' IDENTIFIED BY 'cdc_admin';
CREATE USER IF NOT EXISTS 'cdc_admin'@'localhost' IDENTIFIED BY 'cdc_admin';
GRANT ALL PRIVILEGES ON *.* TO 'cdc_admin'@'127.0.0.1', 'cdc_admin'@'localhost' WITH GRANT OPTION;
SQL
  mariadb_check || { fail_with_log mariadb "$MARIADB_LOG" "does not accept the cdc user on 127.0.0.1:$MARIADB_PORT"; return 1; }
  info "mariadb: answering on 127.0.0.1:$MARIADB_PORT"
}

mariadb_stop() {
  local pid
  if pid_alive "$MARIADB_DIR/run/mariadbd.pid"; then
    info "mariadb: stopping"
    pid=$(cat "$MARIADB_DIR/run/mariadbd.pid")
    # a clean shutdown also ends mysqld_safe, which ignores TERM but leaves when its server does
    mariadb-admin --no-defaults --socket="$MARIADB_SOCKET" -uroot shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    wait_until 60 "mariadbd to stop" bash -c "! kill -0 $pid 2>/dev/null" || true
  fi
  stop_pid "mariadbd" "$MARIADB_DIR/run/mariadbd.pid" 30
  if pid_alive "$MARIADB_DIR/run/mysqld_safe.pid"; then
    wait_until 10 "mysqld_safe to leave" bash -c "! kill -0 $(cat "$MARIADB_DIR/run/mysqld_safe.pid") 2>/dev/null" || true
  fi
  stop_pid "mysqld_safe" "$MARIADB_DIR/run/mysqld_safe.pid" 5
}
