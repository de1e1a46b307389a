# A Kafka Connect worker in distributed mode on 127.0.0.1:8083 whose plugin.path holds this
# project's plugin archives (unpacked from */target/cdc-*.zip on every start).

CONNECT_DIR="$STACK_HOME/connect"
CONNECT_PORT=8083
CONNECT_LOG="$CONNECT_DIR/log/connect.log"
CONNECT_HEAP="${CDC_CONNECT_HEAP:--Xms256m -Xmx1g}"

connect_port() { echo "$CONNECT_PORT"; }
connect_endpoint() { echo "http://127.0.0.1:$CONNECT_PORT"; }

connect_alive() { pid_alive "$CONNECT_DIR/run/connect.pid"; }

connect_check() {
  curl -fsS --max-time 5 "http://127.0.0.1:$CONNECT_PORT/connector-plugins" 2>/dev/null | grep -q 'dev.cdc'
}

connect_config() {
  cat > "$CONNECT_DIR/connect-distributed.properties" <<PROPS
# written by bin/cdc stack up; regenerated on every start
bootstrap.servers=127.0.0.1:$KAFKA_PORT
group.id=cdc-connect
listeners=http://127.0.0.1:$CONNECT_PORT
rest.advertised.host.name=127.0.0.1
rest.advertised.port=$CONNECT_PORT
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
key.converter.schemas.enable=true
value.converter.schemas.enable=true
offset.storage.topic=cdc-connect-offsets
offset.storage.replication.factor=1
offset.storage.partitions=5
config.storage.topic=cdc-connect-configs
config.storage.replication.factor=1
status.storage.topic=cdc-connect-status
status.storage.replication.factor=1
status.storage.partitions=1
offset.flush.interval.ms=1000
plugin.path=$CONNECT_DIR/plugins
plugin.discovery=service_load
connector.client.config.override.policy=All
# sinks subscribed by topics.regex find a new table's topic within 5 s (the default is 5 min)
consumer.metadata.max.age.ms=5000
PROPS
  write_log4j2 "$CONNECT_DIR/log4j2.yaml"
}

connect_install_plugins() {
  local zip
  rm -rf "$CONNECT_DIR/plugins"; mkdir -p "$CONNECT_DIR/plugins"
  for zip in "$CDC_HOME"/*/target/cdc-*-"$CDC_VERSION".zip; do
    [ -f "$zip" ] || die "no plugin archive in $CDC_HOME/*/target; run bin/cdc build"
    unzip -q -o "$zip" -d "$CONNECT_DIR/plugins" || die "could not unzip $zip"
  done
}

connect_start() {
  if pid_alive "$CONNECT_DIR/run/connect.pid"; then return 0; fi
  local owner; owner=$(port_owner "$CONNECT_PORT")
  [ -z "$owner" ] || die "port $CONNECT_PORT is taken by pid $owner ($(ps -o comm= -p "$owner")), not by this stack; stop it first"
  mkdir -p "$CONNECT_DIR"/{run,log}
  connect_config
  connect_install_plugins
  info "connect: starting on 127.0.0.1:$CONNECT_PORT with plugins $(ls "$CONNECT_DIR/plugins" | tr '\n' ' ')"
  [ -f "$CONNECT_LOG" ] && mv -f "$CONNECT_LOG" "$CONNECT_LOG.1"
  # shellcheck disable=SC2086
  detached nohup "$(java_home)/bin/java" $CONNECT_HEAP -XX:+UseG1GC \
    -Dlog4j2.configurationFile="$CONNECT_DIR/log4j2.yaml" -cp "$RUNTIME_LIB/*" \
    org.apache.kafka.connect.cli.ConnectDistributed "$CONNECT_DIR/connect-distributed.properties" >>"$CONNECT_LOG" 2>&1 &
  echo $! > "$CONNECT_DIR/run/connect.pid"
}

connect_wait() {
  # "answering" means listing this project's plugins (connect_check)
  await_started connect 120 connect_check connect_alive "$CONNECT_LOG" "http://127.0.0.1:$CONNECT_PORT"
}

connect_stop() {
  if pid_alive "$CONNECT_DIR/run/connect.pid"; then info "connect: stopping"; fi
  stop_pid connect "$CONNECT_DIR/run/connect.pid" 60
}
