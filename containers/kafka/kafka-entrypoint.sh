#!/bin/bash
# Writes server.properties from the environment the way the official apache/kafka image reads it
# (KAFKA_FOO_BAR -> foo.bar, __ -> _, ___ -> -), over single-node KRaft defaults, formats the log directory
# on first start, and runs the broker in the foreground.
set -euo pipefail
home=/var/lib/kafka
config="$home/server.properties"
declare -A props=(
  [process.roles]=broker,controller
  [node.id]=1
  [controller.quorum.voters]=1@localhost:9093
  [listeners]=PLAINTEXT://:9092,CONTROLLER://:9093
  [advertised.listeners]=PLAINTEXT://localhost:9092
  [controller.listener.names]=CONTROLLER
  [listener.security.protocol.map]=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
  [inter.broker.listener.name]=PLAINTEXT
  [log.dirs]=$home/data
  [num.partitions]=1
  [offsets.topic.replication.factor]=1
  [transaction.state.log.replication.factor]=1
  [transaction.state.log.min.isr]=1
  [group.initial.rebalance.delay.ms]=0
)
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_VERSION) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key="${name#KAFKA_}"
  key="${key//___/-}"; key="${key//__/@}"; key="${key//_/.}"; key="${key//@/_}"
  props["${key,,}"]="$value"
done < <(env)
: > "$config"
for key in "${!props[@]}"; do printf '%s=%s\n' "$key" "${props[$key]}" >> "$config"; done

classpath='/opt/kafka/libs/*'
if [[ ! -f "$home/data/meta.properties" ]]; then
  cluster_id="${CLUSTER_ID:-$(java -cp "$classpath" kafka.tools.StorageTool random-uuid)}"
  java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --ignore-formatted
fi
# shellcheck disable=SC2086 # the option variables hold several options
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} -cp "$classpath" kafka.Kafka "$config"
