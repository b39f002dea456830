# Shared by the bench/*.sh scripts that time our code against a reference tool: a work directory
# removed on exit (KEEP=1 keeps it), background processes killed on exit, start-up waits, the
# download poller and the alternating rounds with their ratio.

# The agent's JVM as ./p2pnet up and the container image start it (the serial collector: a small
# daemon's heap needs no concurrent GC threads beside its transfers), with a fixed heap cap.
AGENT_JVM=(-XX:+UseSerialGC -Xmx512m)

WORK=$(mktemp -d "/tmp/p2pnet-${BENCH_NAME:-bench}.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# wait_up PORT: until the service's actuator health answers
wait_up() {
  for _ in $(seq 1 1200); do curl -fsS "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "service on $1 did not start (logs in $WORK, KEEP=1 keeps them)" >&2; exit 1
}

# follow_events CONTROL_PORT: subscribes to the agent's event stream (SSE, /api/v1/events) into
# $WORK/events.PORT and returns once subscribed; call it before starting the download to wait for.
follow_events() {
  local file="$WORK/events.$1"
  : > "$file"
  curl -sN "http://127.0.0.1:$1/api/v1/events" >> "$file" 2>/dev/null &
  FOLLOWER=$! # await_download ends it (rounds run in subshells: PIDS would not see it)
  for _ in $(seq 1 200); do grep -q 'p2pnet agent events' "$file" && return; sleep 0.05; done
  echo "no event stream on $1 (logs in $WORK, KEEP=1 keeps them)" >&2; exit 1
}

# await_download CONTROL_PORT ID LOG: waits on the event stream (follow_events first) until the download
# ends. No polling: a poller started processes on the 2-core machine during our download only (the
# reference tool's side has none), and a python3 per poll had cost more CPU than the download's hashing.
await_download() {
  local line state tailer
  exec {events}< <(exec tail -n +1 -f "$WORK/events.$1")
  tailer=$!
  # DownloadView's JSON starts id, name, size, state (a source's state comes later)
  line=$(grep -m1 -E '"id":"'"$2"'","name":"([^"\\]|\\.)*","size":[0-9]+,"state":"(COMPLETED|FAILED|PAUSED)"' <&$events)
  kill "$tailer" "$FOLLOWER" 2>/dev/null || true
  exec {events}<&-
  state=$(echo "$line" | grep -o '"state":"[A-Z_]*"' | head -1 | cut -d'"' -f4)
  [ "$state" = COMPLETED ] && return
  echo "download ${state:-without an end on the event stream}, see $3" >&2; exit 1
}

# alternate_rounds SIZE_MB ROUNDS: runs the script's ours() and aria() in turn, prints each and the ratio.
# WARMUP=1 (the default) first runs each once untimed, as benchmarks of JIT-compiled code do: the seeds
# are shared by both sides, and whichever went first paid for compiling their serving path; our
# agents are daemons that run for weeks. The warm-up times are printed too (WARMUP=0 skips it).
alternate_rounds() {
  local ours_total=0 aria_total=0 o a r
  if [ "${WARMUP:-1}" = 1 ]; then
    o=$(ours); a=$(aria)
    printf 'warm-up (untimed): p2pnet %.2f s, aria2c %.2f s\n' "$o" "$a"
  fi
  for r in $(seq 1 "$2"); do
    o=$(ours); a=$(aria)
    printf 'round %d: p2pnet %.2f s, aria2c %.2f s\n' "$r" "$o" "$a"
    ours_total=$(echo "$ours_total + $o" | bc); aria_total=$(echo "$aria_total + $a" | bc)
  done
  printf 'total %d MiB x %d: p2pnet %.2f s, aria2c %.2f s, ratio p2pnet/aria2c = %.2f\n' \
    "$1" "$2" "$ours_total" "$aria_total" "$(echo "$ours_total / $aria_total" | bc -l)"
}
