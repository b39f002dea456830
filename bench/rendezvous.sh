#!/usr/bin/env bash
# Rendezvous benchmark (issue 3): three federated servers on loopback; PEERS simulated peers register
# with server A, then heartbeats are sustained for HEARTBEAT_SECONDS; then 20 probes time how long a
# registration on A takes to be answered by B and C. Prints registrations/s, heartbeats/s, p50/p99
# latency, the RSS of server A and its heap per live peer (after a full GC, before vs after).
# Bounded: PEERS registrations, HEARTBEAT_SECONDS of heartbeats, every step under `timeout`.
#   PEERS=100000 HEARTBEAT_SECONDS=30 CONCURRENCY=32 bench/rendezvous.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh

PEERS=${PEERS:-100000}
HEARTBEAT_SECONDS=${HEARTBEAT_SECONDS:-30}
CONCURRENCY=${CONCURRENCY:-32}
HEAP=${HEAP:-512m}
JAR=rendezvous-server/target/rendezvous-server.jar
[ -f "$JAR" ] || ./mvnw -B -ntp -q -pl rendezvous-server -am package -DskipTests

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
echo "work dir: $work" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
SECRET=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
PA=$(free_port); PB=$(free_port); PC=$(free_port)

start() { # name port servers...
  local name=$1 port=$2; shift 2
  mkdir -p "$work/$name"
  printf '%s\n' "$@" > "$work/$name/SERVERS"
  "$JAVA_HOME/bin/java" -Xmx"$HEAP" -jar "$JAR" --server.port="$port" --p2pnet.data-dir="$work/$name" \
    --p2pnet.network.name=bench --p2pnet.network.secret="$SECRET" --p2pnet.rendezvous.servers-file="$work/$name/SERVERS" \
    --p2pnet.rendezvous.sync.push-interval=100ms --p2pnet.rendezvous.sync.servers-interval=1s \
    --p2pnet.rendezvous.peer-ttl=10m --p2pnet.rendezvous.heartbeat-interval=60s \
    `# the load generator is one address: per-address budgets would refuse it after 30 registrations` \
    --p2pnet.rendezvous.budget.registrations.burst=1000000 --p2pnet.rendezvous.budget.registrations.refill=1000000 \
    --p2pnet.rendezvous.budget.registrations.period=1s --p2pnet.rendezvous.budget.lookups.burst=1000000 \
    --p2pnet.rendezvous.budget.lookups.refill=1000000 --p2pnet.rendezvous.budget.lookups.period=1s \
    --logging.level.root=WARN > "$work/$name.log" 2>&1 &
  pids+=($!)
}
start a "$PA"
start b "$PB" "127.0.0.1:$PA"
start c "$PC" "127.0.0.1:$PA"
A_PID=${pids[0]}

for port in $PA $PB $PC; do
  timeout 400 bash -c "until curl -sf http://127.0.0.1:$port/actuator/health >/dev/null; do sleep 0.5; done" || { echo "server on port $port did not start:" >&2; tail -n 20 "$work"/*.log >&2; exit 1; }
done
timeout 120 bash -c "until [ \$(curl -sf http://127.0.0.1:$PA/api/v1/servers | grep -o '\"UP\"' | wc -l) -eq 2 ]; do sleep 0.5; done"
JOIN_KEY=$("$JAVA_HOME/bin/java" -jar "$JAR" --print-identity --p2pnet.network.name=bench \
  --p2pnet.network.secret="$SECRET" | awk '/^join key:/ {print $3}')

heap_used() { # bytes of heap in use on server A after a full GC
  "$JAVA_HOME/bin/jcmd" "$A_PID" GC.run >/dev/null
  curl -sf "http://127.0.0.1:$PA/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%d", s}'
}
HEAP_BEFORE=$(heap_used)
echo "three servers up (A=$PA B=$PB C=$PC); $PEERS peers, ${HEARTBEAT_SECONDS}s of heartbeats, $CONCURRENCY clients; $(nproc) cores"

fifo="$work/load.out"
# the load generator signs as agents do: shared-model (and Bouncy Castle) on its class path
CP="$(./mvnw -B -ntp -q -pl shared-model dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime 2>/dev/null):shared-model/target/classes"
timeout $((HEARTBEAT_SECONDS + 900)) "$JAVA_HOME/bin/java" -DpauseMillis=3000 -cp "$CP" bench/RendezvousLoad.java \
  "http://127.0.0.1:$PA" "http://127.0.0.1:$PB" "http://127.0.0.1:$PC" "$JOIN_KEY" "$PEERS" "$HEARTBEAT_SECONDS" \
  "$CONCURRENCY" > "$fifo" 2>&1 &
LOAD=$!
timeout 900 bash -c "until grep -q READY_FOR_HEAP_MEASURE '$fifo'; do sleep 0.2; done"
HEAP_AFTER=$(heap_used)
wait $LOAD
grep -v READY_FOR_HEAP_MEASURE "$fifo"
echo "server A: RSS $(( $(ps -o rss= -p "$A_PID") / 1024 )) MiB, heap per live peer $(( (HEAP_AFTER - HEAP_BEFORE) / PEERS )) bytes"
echo "live peers by home server on C: $(curl -sf "http://127.0.0.1:$PC/actuator/prometheus" | grep '^p2pnet_rendezvous_peers' | awk '{print $NF}' | paste -sd' ')"
