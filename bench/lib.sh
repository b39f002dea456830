# Shared by the bench/*.sh scripts that time our code against a reference tool: a work directory
# removed on exit (KEEP=1 keeps it), background processes killed on exit, start-up waits, the
# download poller and the alternating rounds with their ratio.

WORK=$(mktemp -d "/tmp/p2pnet-${BENCH_NAME:-bench}.XXXXXX")
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

# wait_up PORT: until the service's actuator health answers
wait_up() {
  for _ in $(seq 1 1200); do curl -fsS "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "service on $1 did not start (logs in $WORK, KEEP=1 keeps them)" >&2; exit 1
}

# await_download CONTROL_PORT ID LOG: polls the agent until the download is COMPLETED. curl and grep
# only: a python3 start per poll cost the 2-core machine more CPU than the download's own hashing,
# and the reference tool's side has no poller (DownloadView lists its state first).
await_download() {
  local state
  while :; do
    state=$(curl -fsS "http://127.0.0.1:$1/api/v1/downloads/$2" | grep -o '"state":"[A-Z_]*"' | head -1 | cut -d'"' -f4)
    [ "$state" = COMPLETED ] && return
    case "$state" in FAILED|PAUSED) echo "download $state, see $3" >&2; exit 1;; esac
    sleep 0.05
  done
}

# alternate_rounds SIZE_MB ROUNDS: runs the script's ours() and aria() in turn, prints each and the ratio
alternate_rounds() {
  local ours_total=0 aria_total=0 o a r
  for r in $(seq 1 "$2"); do
    o=$(ours); a=$(aria)
    printf 'round %d: p2pnet %.2f s, aria2c %.2f s\n' "$r" "$o" "$a"
    ours_total=$(echo "$ours_total + $o" | bc); aria_total=$(echo "$aria_total + $a" | bc)
  done
  printf 'total %d MiB x %d: p2pnet %.2f s, aria2c %.2f s, ratio p2pnet/aria2c = %.2f\n' \
    "$1" "$2" "$ours_total" "$aria_total" "$(echo "$ours_total / $aria_total" | bc -l)"
}
