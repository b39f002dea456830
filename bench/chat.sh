#!/usr/bin/env bash
# Chat fan-out benchmark: MEMBERS members (default 1,000) across ROOMS rooms (10) on loopback, each with
# an open SSE stream, each posting BURST messages (5). Prints delivered messages/s (every message to
# every subscriber of its room) and p50/p99 fan-out latency. Target: >= 10,000 delivered/s, p99 < 100 ms.
# Bounded: fixed message count, the load generator gives up after 180 s.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh

MEMBERS=${MEMBERS:-1000}
ROOMS=${ROOMS:-10}
BURST=${BURST:-5}

./mvnw -B -ntp -q -pl chatroom-service -am -DskipTests package 2>/dev/null
CP="$(./mvnw -B -ntp -q -pl shared-model dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime 2>/dev/null):shared-model/target/classes"

SECRET="bench-$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DATA=$(mktemp -d)
"$JAVA_HOME/bin/java" -Xmx1g -jar chatroom-service/target/chatroom-service.jar --server.port="$PORT" \
  --p2pnet.network.name=bench --p2pnet.network.secret="$SECRET" --p2pnet.data-dir="$DATA" \
  --p2pnet.chatroom.rate-limit.burst="$BURST" --p2pnet.chatroom.stream-keep-alive=5s \
  `# the load is a few members on one machine: lift the per-member budgets and quotas it would hit` \
  --p2pnet.chatroom.member-rate-limit.burst=1000000 --p2pnet.chatroom.member-rate-limit.refill=1000000 \
  --p2pnet.chatroom.member-rate-limit.period=1s --p2pnet.chatroom.member-read-limit.burst=1000000 \
  --p2pnet.chatroom.member-read-limit.refill=1000000 --p2pnet.chatroom.member-read-limit.period=1s \
  --p2pnet.chatroom.quota.rooms-per-member=100000 --p2pnet.chatroom.quota.memberships-per-member=100000 \
  --p2pnet.chatroom.quota.streams-per-member=100000 --p2pnet.chatroom.quota.streams=100000 \
  --logging.level.root=WARN > "$DATA/service.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { cat "$DATA/service.log"; exit 1; }

timeout 300 "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" bench/ChatLoad.java "http://127.0.0.1:$PORT" bench "$SECRET" "$ROOMS" "$MEMBERS" "$BURST"
