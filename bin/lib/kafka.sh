# Apache Kafka 4.x in KRaft mode (combined broker and controller) on 127.0.0.1:9092, from the
# Maven Central jars that cdc-launcher copies to cdc-launcher/target/lib.

KAFKA_DIR="$STACK_HOME/kafka"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_LOG="$KAFKA_DIR/log/server.log"
KAFKA_HEAP="${CDC_KAFKA_HEAP:--Xms512m -Xmx1g}"

kafka_port() { echo "$KAFKA_PORT"; }
kafka_endpoint() { echo "127.0.0.1:$KAFKA_PORT"; }

kafka_alive() { pid_alive "$KAFKA_DIR/run/kafka.pid"; }

kafka_check() {
  port_open "$KAFKA_PORT" && pid_alive "$KAFKA_DIR/run/kafka.pid" && grep -q 'Kafka Server started' "$KAFKA_LOG" 2>/dev/null
}

# a log4j2 configuration writing to the service's stdout (redirected to its log file)
write_log4j2() {
  cat > "$1" <<'LOG'
Configuration:
  status: warn
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: INFO
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: org.apache.kafka.clients
        level: WARN
      - name: kafka.log.LogCleaner
        level: WARN
      - name: org.reflections
        level: ERROR
LOG
}

kafka_config() {
  cat > "$KAFKA_DIR/server.properties" <<PROPS
# written by bin/cdc stack up; regenerated on every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
log.segment.bytes=268435456
PROPS
  write_log4j2 "$KAFKA_DIR/log4j2.yaml"
}

kafka_java() {
  "$(java_home)/bin/java" -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.yaml" -cp "$RUNTIME_LIB/*" "$@"
}

kafka_start() {
  if pid_alive "$KAFKA_DIR/run/kafka.pid"; then return 0; fi
  local owner; owner=$(port_owner "$KAFKA_PORT")
  [ -z "$owner" ] || die "port $KAFKA_PORT is taken by pid $owner ($(ps -o comm= -p "$owner")), not by this stack; stop it first"
  mkdir -p "$KAFKA_DIR"/{data,run,log}
  kafka_config
  if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
    info "kafka: formatting storage in $KAFKA_DIR/data"
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>"$KAFKA_DIR/log/format.log") \
      || fail_with_log kafka "$KAFKA_DIR/log/format.log" "could not make a cluster id" || exit 1
    kafka_java kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >>"$KAFKA_DIR/log/format.log" 2>&1 \
      || fail_with_log kafka "$KAFKA_DIR/log/format.log" "could not format its storage" || exit 1
  fi
  info "kafka: starting on 127.0.0.1:$KAFKA_PORT"
  [ -f "$KAFKA_LOG" ] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"
  # shellcheck disable=SC2086
  detached nohup "$(java_home)/bin/java" $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.yaml" -cp "$RUNTIME_LIB/*" \
    kafka.Kafka "$KAFKA_DIR/server.properties" >>"$KAFKA_LOG" 2>&1 &
  echo $! > "$KAFKA_DIR/run/kafka.pid"
}

kafka_wait() {
  await_started kafka 90 kafka_check kafka_alive "$KAFKA_LOG" "127.0.0.1:$KAFKA_PORT"
}

kafka_stop() {
  if pid_alive "$KAFKA_DIR/run/kafka.pid"; then info "kafka: stopping"; fi
  stop_pid kafka "$KAFKA_DIR/run/kafka.pid" 60
}
