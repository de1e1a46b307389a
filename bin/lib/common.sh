# Shared helpers of bin/cdc: paths, messages, waiting, pid files. Sourced, not run.

CDC_VERSION="0.1.0-SNAPSHOT"
ES_VERSION="8.19.21"
STACK_HOME="${CDC_STACK_HOME:-$CDC_HOME/.stack}"
RUNTIME_LIB="$CDC_HOME/cdc-launcher/target/lib"
ES_ZIP="$CDC_HOME/cdc-launcher/target/dist/elasticsearch-$ES_VERSION.zip"
# the unprivileged user that runs Elasticsearch (it refuses to run as root)
STACK_USER="cdc-stack"

info()  { printf '%s\n' "$*"; }
warn()  { printf 'warning: %s\n' "$*" >&2; }
die()   { printf 'error: %s\n' "$*" >&2; exit 1; }

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    printf '%s\n' "$JAVA_HOME"
  else
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
  fi
}

# cdc_build: build the plugin archives and the stack runtime (tests are run by 'bin/cdc test').
cdc_build() {
  info "Building the plugins and the stack runtime (mvn -DskipTests install) ..."
  (cd "$CDC_HOME" && mvn -B -q -DskipTests install) || die "the build failed; see the Maven output above"
}

# cdc_build_if_missing: build only when an artifact the stack needs is missing.
cdc_build_if_missing() {
  local zips
  # a glob that matches nothing stays literal: count only existing files (set -e, pipefail)
  zips=$(compgen -G "$CDC_HOME/*/target/cdc-*-$CDC_VERSION.zip" | wc -l || true)
  if [ ! -d "$RUNTIME_LIB" ] || [ ! -f "$ES_ZIP" ] || [ "$zips" -lt 4 ] \
     || [ ! -f "$CDC_HOME/cdc-launcher/target/cdc-launcher-$CDC_VERSION.jar" ]; then
    cdc_build
  fi
}

# cdc_java ARGS...: the Java side of bin/cdc (cdc-launcher's dev.cdc.launcher.Main)
cdc_java() {
  "$(java_home)/bin/java" -cp "$CDC_HOME/cdc-launcher/target/cdc-launcher-$CDC_VERSION.jar:$RUNTIME_LIB/*:$CDC_HOME/cdc-launcher/target/cli-lib/*" \
    dev.cdc.launcher.Main "$@"
}

# port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pid_alive PIDFILE: true when the pid in PIDFILE is a running process.
pid_alive() {
  local pid
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# port_owner PORT: pid of the process listening on 127.0.0.1:PORT, or empty.
port_owner() {
  local inode
  inode=$(awk -v p="$(printf ':%04X' "$1")" '$2 ~ p"$" && $4 == "0A" {print $10; exit}' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
  [ -n "$inode" ] || return 0
  for fd in /proc/[0-9]*/fd/*; do
    if [ "$(readlink "$fd" 2>/dev/null)" = "socket:[$inode]" ]; then
      fd=${fd#/proc/}; printf '%s\n' "${fd%%/*}"; return 0
    fi
  done
}

# wait_until SECONDS DESCRIPTION COMMAND...: poll COMMAND every half second until it succeeds.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 0.5
  done
}

# wait_for_service SECONDS CHECK ALIVE: poll CHECK every half second until it succeeds (0); give up
# at once when ALIVE fails, that is when the service's process has died (2), or after SECONDS (1).
wait_for_service() {
  local seconds=$1 check=$2 alive=$3
  local deadline=$((SECONDS + seconds))
  until "$check"; do
    if ! "$alive"; then
      "$check" && return 0
      return 2
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 1
    fi
    sleep 0.5
  done
}

# detached CMD...: exec CMD without the caller's open descriptors above 2, so a daemon never
# inherits, say, the lock of a `flock FILE bin/cdc stack restart` and holds it for its lifetime.
detached() {
  local fd
  for fd in $(ls /proc/$BASHPID/fd); do
    [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
  done
  exec "$@"
}

# await_started NAME SECONDS CHECK ALIVE LOG ENDPOINT: wait_for_service, and on failure report the
# service with its log's tail: it exited, or it did not answer in time. Returns 0 when it answers.
await_started() {
  local name=$1 seconds=$2 check=$3 alive=$4 log=$5 endpoint=$6 rc=0
  wait_for_service "$seconds" "$check" "$alive" || rc=$?
  case $rc in
    0) info "$name: answering on $endpoint" ;;
    2) fail_with_log "$name" "$log" "exited before answering on $endpoint"; return 1 ;;
    *) fail_with_log "$name" "$log" "did not answer on $endpoint within $seconds s"; return 1 ;;
  esac
}

# stop_pid NAME PIDFILE [SECONDS]: TERM the process, KILL it after SECONDS, remove the pid file.
stop_pid() {
  local name=$1 pidfile=$2 seconds=${3:-30} pid
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"; return 0
  fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until "$seconds" "$name to stop" bash -c "! kill -0 $pid 2>/dev/null"; then
    warn "$name (pid $pid) did not stop within ${seconds}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 10 "$name to die" bash -c "! kill -0 $pid 2>/dev/null" || true
  fi
  rm -f "$pidfile"
}

# fail_with_log NAME LOGFILE MESSAGE: report a service that did not start, with its log's tail.
fail_with_log() {
  local name=$1 log=$2 message=$3
  {
    printf 'error: %s %s\n' "$name" "$message"
    if [ -f "$log" ]; then
      printf -- '--- last 40 lines of %s ---\n' "$log"
      tail -n 40 "$log"
      printf -- '---\n'
    fi
  } >&2
  return 1
}
