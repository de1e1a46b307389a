# The local stack: real services on 127.0.0.1, installed from package registries, no Docker.
# Sourced by bin/cdc. Each service file defines <svc>_start (launch, no wait), <svc>_wait
# (wait until it answers, or fail with its log), <svc>_stop, <svc>_endpoint and <svc>_check.
for f in install mariadb postgres kafka elasticsearch connect; do
  # shellcheck source=/dev/null
  source "$CDC_HOME/bin/lib/$f.sh"
done

STACK_SERVICES=(mariadb postgres kafka elasticsearch connect)

stack_main() {
  local action="${1:-status}"; shift || true
  case "$action" in
    install) stack_install ;;
    up) stack_up "$@" ;;
    down) stack_down "$@" ;;
    restart) stack_down "$@"; stack_up "$@" ;;
    status) stack_status ;;
    *) die "unknown stack action '$action' (allowed: up, down, restart, status, install)" ;;
  esac
}

# services named on the command line, in start order; all when none is named
stack_selected() {
  local s wanted
  if [ $# -eq 0 ]; then printf '%s\n' "${STACK_SERVICES[@]}"; return; fi
  for wanted in "$@"; do
    case " ${STACK_SERVICES[*]} " in *" $wanted "*) ;; *) die "unknown service '$wanted' (allowed: ${STACK_SERVICES[*]})";; esac
  done
  for s in "${STACK_SERVICES[@]}"; do
    for wanted in "$@"; do [ "$s" = "$wanted" ] && printf '%s\n' "$s"; done
  done
}

stack_prepare_home() {
  mkdir -p "$STACK_HOME"
  chmod 755 "$STACK_HOME"
  # the database and Elasticsearch users must reach their folders inside the stack home
  if ! runuser -u "$STACK_USER" -- test -x "$STACK_HOME" 2>/dev/null; then
    die "user $STACK_USER cannot reach $STACK_HOME (a parent folder is not searchable by others); set CDC_STACK_HOME to a folder such as /var/lib/cdc-stack"
  fi
}

stack_up() {
  local services s
  mapfile -t services < <(stack_selected "$@")
  stack_install_check
  cdc_build_if_missing
  stack_prepare_home
  # launch the independent services together, then wait for each; Connect needs Kafka
  for s in "${services[@]}"; do
    [ "$s" = connect ] && continue
    "${s}_start"
  done
  for s in "${services[@]}"; do
    [ "$s" = connect ] && continue
    "${s}_wait" || { info "stack up failed: $s did not start"; exit 1; }
  done
  for s in "${services[@]}"; do
    if [ "$s" = connect ]; then
      connect_start
      connect_wait || { info "stack up failed: connect did not start"; exit 1; }
    fi
  done
  info "stack is up (state in $STACK_HOME)"
}

stack_down() {
  local services i
  mapfile -t services < <(stack_selected "$@")
  for ((i = ${#services[@]} - 1; i >= 0; i--)); do
    "${services[$i]}_stop"
  done
}

stack_status() {
  local s state failed=0
  printf '%-14s %-32s %s\n' SERVICE ENDPOINT STATE
  for s in "${STACK_SERVICES[@]}"; do
    if "${s}_check" >/dev/null 2>&1; then
      state="answering"
    elif port_open "$("${s}_port")"; then
      state="port open, not answering"; failed=1
    else
      state="down"; failed=1
    fi
    printf '%-14s %-32s %s\n' "$s" "$("${s}_endpoint")" "$state"
  done
  return $failed
}
