#!/usr/bin/env bash
# Times `p2pnet torrent create` against `mktorrent` (1.1, all cores) on the same file, page cache
# warm, alternating runs, and prints the median wall and CPU times and the ratio ours/mktorrent.
# Also checks both torrents have the same info-hash. Usage: bench/torrent.sh [SIZE_MIB=1024] [RUNS=5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mib="${1:-1024}"
runs="${2:-5}"
. "$root/.mvn/select-jdk.sh"
p2pnet="$root/p2pnet"
"$p2pnet" --version > /dev/null   # builds the jar first if needed, outside the timed runs
command -v mktorrent >/dev/null || { echo "bench: mktorrent is missing (apt-get install mktorrent)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/data.bin"
cat "$work/data.bin" > /dev/null   # warm the page cache

# one timed run: prints "wall cpu" in seconds
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" timeout 300 "$@" > /dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/time"
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

: > "$work/ours"; : > "$work/theirs"
for _ in $(seq "$runs"); do
  rm -f "$work/ours.torrent" "$work/theirs.torrent"
  timed "$p2pnet" torrent create -o "$work/ours.torrent" "$work/data.bin" >> "$work/ours"
  timed mktorrent -o "$work/theirs.torrent" "$work/data.bin" >> "$work/theirs"
done

ours_hash=$(transmission-show "$work/ours.torrent" | sed -n 's/^ *Hash: //p')
theirs_hash=$(transmission-show "$work/theirs.torrent" | sed -n 's/^ *Hash: //p')
[ "$ours_hash" = "$theirs_hash" ] || { echo "bench: info-hashes differ: $ours_hash vs $theirs_hash" >&2; exit 1; }

ow=$(cut -d' ' -f1 "$work/ours" | median); oc=$(cut -d' ' -f2 "$work/ours" | median)
tw=$(cut -d' ' -f1 "$work/theirs" | median); tc=$(cut -d' ' -f2 "$work/theirs" | median)
echo "torrent create, ${size_mib} MiB, ${runs} runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), info-hash $ours_hash"
echo "p2pnet   : wall ${ow} s, cpu ${oc} s (launcher and JVM start-up included)"
echo "mktorrent: wall ${tw} s, cpu ${tc} s"
awk -v a="$ow" -v b="$tw" -v c="$oc" -v d="$tc" \
  'BEGIN {printf "ratio p2pnet/mktorrent: wall %.2f, cpu %.2f\n", a / b, c / d}'
