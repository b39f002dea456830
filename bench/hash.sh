#!/usr/bin/env bash
# Hashes the same 1 GiB file with `./p2pnet hash` (ed2k + SHA-1 + BitTorrent pieces, one pass) and
# with `rhash --ed2k --sha1`, page cache warm, alternating, RUNS times each (default 5); prints each
# tool's median wall time and the ratio p2pnet/rhash (target <= 1.0). Needs rhash (Debian package).
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

seconds() { # wall time of one command, in seconds with millisecond precision
  local start end
  start=$(date +%s%N)
  timeout 300 "$@" >/dev/null
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))" | awk '{ printf "%.3f\n", $1 / 1000 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

p2pnet_times=()
rhash_times=()
for ((i = 1; i <= runs; i++)); do
  p2pnet_times+=("$(seconds "$root/p2pnet" hash "$file")")
  rhash_times+=("$(seconds rhash --ed2k --sha1 "$file")")
done
p2pnet_median=$(printf '%s\n' "${p2pnet_times[@]}" | median)
rhash_median=$(printf '%s\n' "${rhash_times[@]}" | median)

echo "file: $file (1 GiB), $runs runs each, $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "p2pnet hash (ed2k+sha1+btih) runs: ${p2pnet_times[*]}  median ${p2pnet_median} s"
echo "rhash --ed2k --sha1        runs: ${rhash_times[*]}  median ${rhash_median} s"
awk -v p="$p2pnet_median" -v r="$rhash_median" 'BEGIN { printf "ratio p2pnet/rhash: %.2f\n", p / r }'
