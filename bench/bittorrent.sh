#!/usr/bin/env bash
# BitTorrent benchmark (issue 8): a torrent seeded by two aria2c seeds through our tracker; our agent
# (peer wire protocol, SHA-1 per piece, fsync'd commits, final check) and aria2c download it in
# alternating runs in one go on loopback. Prints each time and the ratio ours / aria2c (target <= 1.0).
#
#   bench/bittorrent.sh                      # 1 GiB, 3 rounds
#   SIZE_MB=256 ROUNDS=2 bench/bittorrent.sh
#
# Needs: java 21+, aria2c, mktorrent, python3, curl; the jars of peer-agent and tracker-service
# (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/select-jdk.sh # JAVA_HOME of a JDK 21+ (the machine's default java may be older)
SIZE_MB=${SIZE_MB:-1024}
ROUNDS=${ROUNDS:-3}
AGENT_JAR=${AGENT_JAR:-peer-agent/target/peer-agent.jar}
TRACKER_JAR=${TRACKER_JAR:-tracker-service/target/tracker-service.jar}
[ -f "$AGENT_JAR" ] && [ -f "$TRACKER_JAR" ] || ./mvnw -B -ntp -q -pl peer-agent,tracker-service -am package -DskipTests
BENCH_NAME=btbench . bench/lib.sh
# KEEP=1 keeps $WORK (logs) for a look after the run

TRACKER_PORT=6979; CONTROL=9795; TRANSFER=7895; BT=7905; SEED_PORTS=(7911 7912); ARIA_PORT=7913
NOP=(--enable-dht=false --enable-dht6=false --bt-enable-lpd=false --enable-peer-exchange=false
     --file-allocation=none --summary-interval=0 --console-log-level=error)
mkdir -p "$WORK/seed1" "$WORK/seed2"
echo "creating a ${SIZE_MB} MiB file"
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom > "$WORK/seed1/bench.bin"
cp "$WORK/seed1/bench.bin" "$WORK/seed2/bench.bin"
ANNOUNCE="http://127.0.0.1:$TRACKER_PORT/announce"
mktorrent -l 20 -a "$ANNOUNCE" -o "$WORK/bench.torrent" "$WORK/seed1/bench.bin" >/dev/null

"$JAVA_HOME/bin/java" -Xmx256m -jar "$TRACKER_JAR" --server.port=$TRACKER_PORT --p2pnet.data-dir="$WORK/tracker" \
  --p2pnet.network.secret=bench-secret-0123456789abcdef --p2pnet.tracker.interval=5s --p2pnet.tracker.min-interval=1s > "$WORK/tracker.log" 2>&1 &
PIDS+=($!)
"$JAVA_HOME/bin/java" "${AGENT_JVM[@]}" -jar "$AGENT_JAR" --server.port=$CONTROL --p2pnet.agent.transfer-port=$TRANSFER \
  --p2pnet.agent.bittorrent.port=$BT --p2pnet.data-dir="$WORK/agent" --p2pnet.agent.download-dir="$WORK/agent/downloads" \
  --p2pnet.agent.tracker-url="$ANNOUNCE" > "$WORK/agent.log" 2>&1 &
PIDS+=($!)
wait_up $TRACKER_PORT; wait_up $CONTROL
for i in 0 1; do
  aria2c "${NOP[@]}" --dir="$WORK/seed$((i + 1))" -V --seed-ratio=0.0 --listen-port=${SEED_PORTS[$i]} \
    "$WORK/bench.torrent" > "$WORK/seed$((i + 1)).log" 2>&1 &
  PIDS+=($!)
done
echo "waiting for the two aria2c seeds to check the file and announce"
python3 - "$WORK/bench.torrent" "$TRACKER_PORT" <<'PY'
import hashlib, sys, time, urllib.parse, urllib.request
raw = open(sys.argv[1], 'rb').read()
start = raw.index(b'4:info') + 6
def end(b, i):  # end of the bencoded value starting at i
    c = b[i:i+1]
    if c == b'i': return b.index(b'e', i) + 1
    if c in (b'l', b'd'):
        i += 1
        while b[i:i+1] != b'e': i = end(b, i)
        return i + 1
    colon = b.index(b':', i); return colon + 1 + int(b[i:colon])
ih = hashlib.sha1(raw[start:end(raw, start)]).digest()
url = 'http://127.0.0.1:%s/scrape?info_hash=%s' % (sys.argv[2], urllib.parse.quote(ih))
for _ in range(1200):
    body = urllib.request.urlopen(url).read()
    at = body.find(b'8:completei')
    if at >= 0 and int(body[at + 11:body.index(b'e', at + 11)]) >= 2: break
    time.sleep(0.5)
else:
    sys.exit('the two aria2c seeds never announced (see seed*.log)')
PY

ours() {
  local id t0 t1
  follow_events "$CONTROL"
  t0=$(date +%s.%N)
  id=$(curl -fsS -F "torrent=@$WORK/bench.torrent;type=application/x-bittorrent" \
       "http://127.0.0.1:$CONTROL/api/v1/downloads" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  await_download "$CONTROL" "$id" "$WORK/agent.log"
  t1=$(date +%s.%N)
  cmp -s "$WORK/seed1/bench.bin" "$WORK/agent/downloads/bench.bin" || { echo "ours: content differs" >&2; exit 1; }
  curl -fsS -X DELETE "http://127.0.0.1:$CONTROL/api/v1/downloads/$id" >/dev/null
  rm -f "$WORK/agent/downloads/bench.bin"
  echo "$t1 - $t0" | bc
}
aria() {
  local t0 t1
  rm -rf "$WORK/aria"; mkdir -p "$WORK/aria"
  t0=$(date +%s.%N)
  aria2c "${NOP[@]}" -q --seed-time=0 --listen-port=$ARIA_PORT --dir="$WORK/aria" "$WORK/bench.torrent"
  t1=$(date +%s.%N)
  cmp -s "$WORK/seed1/bench.bin" "$WORK/aria/bench.bin" || { echo "aria2c: content differs" >&2; exit 1; }
  rm -rf "$WORK/aria"
  echo "$t1 - $t0" | bc
}

alternate_rounds "$SIZE_MB" "$ROUNDS"
