#!/usr/bin/env bash
# Hashes the same 1 GiB file with `./p2pnet hash` (ed2k + SHA-1 + BitTorrent pieces, one pass) and
# with `rhash --ed2k --sha1`, page cache warm, alternating, RUNS times each (default 5); prints each
# tool's median wall and CPU time and the ratios p2pnet/rhash (target <= 1.0). Also times
# `rhash --ed2k --sha1 --btih`, which computes what `p2pnet hash` prints. Needs rhash.
#   bench/hash.sh [FILE]        FILE defaults to $TMPDIR/p2pnet-bench-1g.bin, created once
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-5}"
size=$((1024 * 1024 * 1024))
file="${1:-${TMPDIR:-/tmp}/p2pnet-bench-1g.bin}"

command -v rhash >/dev/null || { echo "bench/hash.sh needs rhash (apt-get install rhash)" >&2; exit 1; }
if [ "$(stat -c %s "$file" 2>/dev/null || echo 0)" != "$size" ]; then
  echo "creating $file (1 GiB of random bytes)" >&2
  head -c "$size" /dev/urandom >"$file"
fi
cat "$file" >/dev/null                       # warm the page cache: we time hashing, not the disk

# One untimed run builds/extracts the CLI if needed and checks both tools agree.
ours="$(timeout 300 "$root/p2pnet" hash --json "$file")"
theirs="$(timeout 300 rhash --ed2k --sha1 --printf '%{ed2k} %{sha1}' "$file")"
[ "$(sed -n 's/.*"ed2k":"\([0-9a-f]*\)".*"sha1":"\([0-9a-f]*\)".*/\1 \2/p' <<<"$ours")" = "$theirs" ] \
  || { echo "p2pnet and rhash disagree: $ours / $theirs" >&2; exit 1; }

measure() { # "WALL CPU" seconds of one command (CPU = user + system, children included)
  local out
  out=$(mktemp)
  /usr/bin/time -f '%e %U %S' -o "$out" timeout 300 "$@" >/dev/null
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out"
  rm -f "$out"
}
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

load=$(cut -d' ' -f1 /proc/loadavg)
p2pnet_runs=()
rhash_runs=()
same_runs=()
for ((i = 1; i <= runs; i++)); do
  p2pnet_runs+=("$(measure "$root/p2pnet" hash "$file")")
  rhash_runs+=("$(measure rhash --ed2k --sha1 "$file")")
  same_runs+=("$(measure rhash --ed2k --sha1 --btih --bt-piece-length=262144 "$file")")
done
column() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median; }
pw=$(column 1 "${p2pnet_runs[@]}"); pc=$(column 2 "${p2pnet_runs[@]}")
rw=$(column 1 "${rhash_runs[@]}"); rc=$(column 2 "${rhash_runs[@]}")
sw=$(column 1 "${same_runs[@]}"); sc=$(column 2 "${same_runs[@]}")

echo "1 GiB, $runs alternating runs each, $(nproc) cores, load average at start $load"
echo "p2pnet hash (ed2k + SHA-1 + BitTorrent pieces):  median wall ${pw} s, cpu ${pc} s   (wall cpu per run: ${p2pnet_runs[*]})"
echo "rhash --ed2k --sha1:                             median wall ${rw} s, cpu ${rc} s   (wall cpu per run: ${rhash_runs[*]})"
echo "rhash --ed2k --sha1 --btih (same work as ours): median wall ${sw} s, cpu ${sc} s   (wall cpu per run: ${same_runs[*]})"
awk -v pw="$pw" -v rw="$rw" -v pc="$pc" -v rc="$rc" \
  'BEGIN { printf "ratio p2pnet/rhash --ed2k --sha1:        wall %.2f, cpu %.2f (target: wall <= 1.0)\n", pw / rw, pc / rc }'
awk -v pw="$pw" -v sw="$sw" -v pc="$pc" -v sc="$sc" \
  'BEGIN { printf "ratio p2pnet/rhash --ed2k --sha1 --btih: wall %.2f, cpu %.2f\n", pw / sw, pc / sc }'
