# Elasticsearch 8.19.21 on 127.0.0.1:9200 from Maven Central
# (org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.21:zip, copied to
# cdc-launcher/target/dist by the build), run as the unprivileged $STACK_USER: it refuses root.
# The distribution has the core modules only: no painless, reindex, ingest or mapper-extras.

ES_DIR="$STACK_HOME/elasticsearch"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
ES_PORT=9200
ES_LOG="$ES_DIR/logs/cdc-local.log"
ES_HEAP="${CDC_ES_HEAP:-1g}"

elasticsearch_port() { echo "$ES_PORT"; }
elasticsearch_endpoint() { echo "http://127.0.0.1:$ES_PORT"; }

elasticsearch_check() {
  curl -fsS --max-time 5 "http://127.0.0.1:$ES_PORT/_cluster/health" 2>/dev/null | grep -qE '"status":"(green|yellow)"'
}

elasticsearch_config() {
  mkdir -p "$ES_DIR/config"
  cp -n "$ES_HOME/config/"* "$ES_DIR/config/" 2>/dev/null || true
  cat > "$ES_DIR/config/elasticsearch.yml" <<YML
# written by bin/cdc stack up; regenerated on every start
cluster.name: cdc-local
node.name: cdc-local
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: 9300
discovery.type: single-node
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
YML
  mkdir -p "$ES_DIR/config/jvm.options.d"
  printf -- '-Xms%s\n-Xmx%s\n' "$ES_HEAP" "$ES_HEAP" > "$ES_DIR/config/jvm.options.d/heap.options"
}

elasticsearch_start() {
  if pid_alive "$ES_DIR/run/elasticsearch.pid"; then return 0; fi
  local owner; owner=$(port_owner "$ES_PORT")
  [ -z "$owner" ] || die "port $ES_PORT is taken by pid $owner ($(ps -o comm= -p "$owner")), not by this stack; stop it first"
  [ -f "$ES_ZIP" ] || die "$ES_ZIP is missing; run bin/cdc build"
  mkdir -p "$ES_DIR"/{data,logs,run}
  if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then
    info "elasticsearch: unpacking $ES_VERSION into $ES_DIR"
    unzip -q -o "$ES_ZIP" -d "$ES_DIR" || die "could not unzip $ES_ZIP"
  fi
  elasticsearch_config
  chown -R "$STACK_USER:$STACK_USER" "$ES_DIR"
  info "elasticsearch: starting on 127.0.0.1:$ES_PORT"
  [ -f "$ES_DIR/logs/startup.out" ] && mv -f "$ES_DIR/logs/startup.out" "$ES_DIR/logs/startup.out.1"
  # with -d the launcher returns once the node runs; in the background so the others start meanwhile
  detached nohup runuser -u "$STACK_USER" -- env ES_JAVA_HOME="$(java_home)" ES_PATH_CONF="$ES_DIR/config" \
    "$ES_HOME/bin/elasticsearch" -d -p "$ES_DIR/run/elasticsearch.pid" >"$ES_DIR/logs/startup.out" 2>&1 &
  echo $! > "$ES_DIR/run/launcher.pid"
}

# alive while the launcher still runs (it returns once the node has started) or the node runs
elasticsearch_alive() {
  pid_alive "$ES_DIR/run/launcher.pid" || pid_alive "$ES_DIR/run/elasticsearch.pid"
}

elasticsearch_wait() {
  local rc=0
  wait_for_service 120 elasticsearch_check elasticsearch_alive || rc=$?
  if [ "$rc" -ne 0 ]; then
    if [ -s "$ES_DIR/logs/startup.out" ]; then fail_with_log elasticsearch "$ES_DIR/logs/startup.out" "launcher output:" || true; fi
    if [ "$rc" -eq 2 ]; then
      fail_with_log elasticsearch "$ES_LOG" "exited before answering on http://127.0.0.1:$ES_PORT"
    else
      fail_with_log elasticsearch "$ES_LOG" "did not answer on http://127.0.0.1:$ES_PORT within 120 s"
    fi
    return 1
  fi
  info "elasticsearch: answering on http://127.0.0.1:$ES_PORT"
}

elasticsearch_stop() {
  if pid_alive "$ES_DIR/run/elasticsearch.pid"; then info "elasticsearch: stopping"; fi
  stop_pid elasticsearch "$ES_DIR/run/elasticsearch.pid" 60
}
