#!/usr/bin/env bash
# Transfer benchmark (issue 6): one file on three seeding agents; one agent downloads it
# multi-source (SHA-1 per piece + MD4 per ed2k chunk), against aria2c fetching the same file from the
# same three agents' HTTP URLs with a Metalink of SHA-1 piece hashes (so both verify every piece).
# Runs alternate in one go on loopback, after one untimed warm-up run of each (WARMUP=0: none); prints
# each time and the ratio ours / aria2c (target <= 1.0).
#
#   bench/transfer.sh                      # 1 GiB, 3 rounds
#   SIZE_MB=256 ROUNDS=2 bench/transfer.sh
#
# Needs: java 21+, aria2c, python3, curl; the jar peer-agent/target/peer-agent.jar (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh # JAVA_HOME of a JDK 21+ (the machine's default java may be older)
SIZE_MB=${SIZE_MB:-1024}
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-peer-agent/target/peer-agent.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -pl peer-agent -am package -DskipTests
BENCH_NAME=bench . bench/lib.sh
# KEEP=1 keeps $WORK (agent logs) for a look after the run

CONTROL=(9791 9792 9793 9794)
TRANSFER=(7891 7892 7893 7894) # BitTorrent ports: + 10; clear of ./p2pnet up's 6881-6893
mkdir -p "$WORK/share"
echo "creating a ${SIZE_MB} MiB file"
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom > "$WORK/share/bench.bin"

start_agent() { # index, extra args...
  local i=$1; shift
  "$JAVA_HOME/bin/java" "${AGENT_JVM[@]}" -jar "$JAR" --spring.profiles.active=dev --server.port=${CONTROL[$i]} \
    --p2pnet.agent.transfer-port=${TRANSFER[$i]} --p2pnet.data-dir="$WORK/agent$i" \
    --p2pnet.agent.download-dir="$WORK/agent$i/downloads" "$@" > "$WORK/agent$i.log" 2>&1 &
  PIDS+=($!)
}
api() { curl -fsS -H 'Content-Type: application/json' "$@"; }

for i in 0 1 2; do start_agent $i --p2pnet.agent.shared-dirs="$WORK/share"; done
start_agent 3
for i in 0 1 2 3; do wait_up ${CONTROL[$i]}; done
echo "agents up; waiting for the three seeds to hash the file"
for i in 0 1 2; do
  for _ in $(seq 1 600); do
    api "http://127.0.0.1:${CONTROL[$i]}/api/v1/shares" | grep -q '"state":"SHARED"' && break; sleep 0.5
  done
done
INFOHASH=$(api "http://127.0.0.1:${CONTROL[0]}/api/v1/shares" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["infoHash"])')
echo "info-hash $INFOHASH"

# Metalink v4 with the torrent's own SHA-1 piece hashes, so aria2c checks exactly what we check
curl -fsS "http://127.0.0.1:${TRANSFER[0]}/p2p/v1/files/$INFOHASH/torrent" -o "$WORK/bench.torrent"
python3 - "$WORK/bench.torrent" "$WORK/bench.meta4" "${TRANSFER[0]}" "${TRANSFER[1]}" "${TRANSFER[2]}" "$INFOHASH" <<'PY'
import sys
def decode(b, i=0):
    c = b[i:i+1]
    if c == b'i':
        e = b.index(b'e', i); return int(b[i+1:e]), e + 1
    if c in (b'l', b'd'):
        i += 1; out = [] if c == b'l' else {}
        while b[i:i+1] != b'e':
            if c == b'l':
                v, i = decode(b, i); out.append(v)
            else:
                k, i = decode(b, i); v, i = decode(b, i); out[k] = v
        return out, i + 1
    colon = b.index(b':', i); n = int(b[i:colon]); return b[colon+1:colon+1+n], colon + 1 + n
torrent, meta, ports, ih = sys.argv[1], sys.argv[2], sys.argv[3:6], sys.argv[6]
info = decode(open(torrent, 'rb').read())[0][b'info']
pieces = info[b'pieces']
hashes = ''.join('<hash>%s</hash>' % pieces[i:i+20].hex() for i in range(0, len(pieces), 20))
urls = ''.join('<url>http://127.0.0.1:%s/files/%s/bench.bin</url>' % (p, ih) for p in ports)
open(meta, 'w').write('<?xml version="1.0" encoding="UTF-8"?><metalink xmlns="urn:ietf:params:xml:ns:metalink">'
    '<file name="bench.bin"><size>%d</size><pieces length="%d" type="sha-1">%s</pieces>%s</file></metalink>'
    % (info[b'length'], info[b'piece length'], hashes, urls))
PY

SOURCES="\"127.0.0.1:${TRANSFER[0]}\",\"127.0.0.1:${TRANSFER[1]}\",\"127.0.0.1:${TRANSFER[2]}\""
ours() {
  local id t0 t1 state
  follow_events "${CONTROL[3]}"
  t0=$(date +%s.%N)
  id=$(api -X POST "http://127.0.0.1:${CONTROL[3]}/api/v1/downloads" \
       -d "{\"link\":\"magnet:?xt=urn:btih:$INFOHASH\",\"sources\":[$SOURCES]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  await_download "${CONTROL[3]}" "$id" "$WORK/agent3.log"
  t1=$(date +%s.%N)
  cmp -s "$WORK/share/bench.bin" "$WORK/agent3/downloads/bench.bin" || { echo "ours: content differs" >&2; exit 1; }
  api -X DELETE "http://127.0.0.1:${CONTROL[3]}/api/v1/downloads/$id" >/dev/null
  rm -f "$WORK/agent3/downloads/bench.bin"
  echo "$t1 - $t0" | bc
}
aria() {
  local t0 t1
  rm -rf "$WORK/aria"; mkdir -p "$WORK/aria"
  t0=$(date +%s.%N)
  aria2c --enable-dht=false --enable-dht6=false --bt-enable-lpd=false --enable-peer-exchange=false \
    --file-allocation=none --summary-interval=0 --console-log-level=error -q \
    --split=12 --max-connection-per-server=4 --min-split-size=1M --dir="$WORK/aria" "$WORK/bench.meta4"
  t1=$(date +%s.%N)
  cmp -s "$WORK/share/bench.bin" "$WORK/aria/bench.bin" || { echo "aria2c: content differs" >&2; exit 1; }
  rm -rf "$WORK/aria"
  echo "$t1 - $t0" | bc
}

alternate_rounds "$SIZE_MB" "$ROUNDS"
