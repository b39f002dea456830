#!/usr/bin/env bash
# Announce throughput: our tracker vs opentracker, same wrk script, same machine, one run.
# Alternates the two (after a warm-up of each) and prints requests/s, the ratio and p99 latencies.
#
#   bench/tracker.sh [rounds] [seconds-per-run]       (defaults: 3 rounds of 10 s each)
#   BENCH_WARMUP=20 (s, per tracker: the JIT needs it), BENCH_THREADS=2, BENCH_CONNECTIONS=64,
#   BENCH_JAVA_OPTS (JVM options), BENCH_TRACKER_ARGS (extra --property=value for our tracker)
#
# Needs: wrk, opentracker (Debian, whitelist build), a JDK 21+. Builds the tracker jar if missing.
# Loopback only; bounded: (1 warm-up + rounds) x 2 runs of the given length.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/select-jdk.sh"
rounds="${1:-3}"
seconds="${2:-10}"
threads="${BENCH_THREADS:-2}"
connections="${BENCH_CONNECTIONS:-64}"
ours_port="${BENCH_OURS_PORT:-17969}"
ot_port="${BENCH_OT_PORT:-17970}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

jar="$root/tracker-service/target/tracker-service.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl tracker-service -am package)

# The pool of 1,000 swarms: opentracker's whitelist lists them (it refuses unknown hashes).
mkdir -p "$work/ot"
for _ in $(seq 1000); do head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n'; echo; done > "$work/ot/whitelist"
export BENCH_HASHES="$work/ot/whitelist"

"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC} \
  -jar "$jar" --spring.profiles.active=dev --server.port="$ours_port" --p2pnet.data-dir="$work/data" \
  --p2pnet.tracker.udp.enabled=false --logging.level.root=warn \
  `# wrk is one address: opentracker has no per-address quotas, so ours are lifted for a fair run` \
  --p2pnet.tracker.quotas.new-swarms-per-address=1000000000 --p2pnet.tracker.quotas.announces-per-address=1000000000 \
  ${BENCH_TRACKER_ARGS:-} > "$work/ours.log" 2>&1 &
pids+=($!)
opentracker -i 127.0.0.1 -p "$ot_port" -P "$ot_port" -d "$work/ot" -w whitelist > "$work/ot.log" 2>&1 &
pids+=($!)

for _ in $(seq 120); do
  curl -fs "http://127.0.0.1:$ours_port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$ours_port/actuator/health" >/dev/null || { echo "our tracker did not start"; cat "$work/ours.log"; exit 1; }

ours_pid="${pids[0]}"; ot_pid="${pids[1]}"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
tick_us="$(echo "1000000 / $(getconf CLK_TCK)" | bc -l)"

run() { # name port seconds pid -> prints "requests/s p99 cpu-microseconds-per-announce"
  local out before after
  before="$(cpu_ticks "$4")"
  out="$(wrk -t"$threads" -c"$connections" -d"$3"s --latency -s "$root/bench/tracker-announce.lua" "http://127.0.0.1:$2" 2>&1)"
  after="$(cpu_ticks "$4")"
  local rps p99 requests
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  grep -q "Non-2xx" <<<"$out" && echo "warning: $1 answered non-2xx: $(grep Non-2xx <<<"$out")" >&2
  printf '%s %s %.1f\n' "$rps" "$p99" "$(echo "($after - $before) * $tick_us / $requests" | bc -l)"
}

warmup="${BENCH_WARMUP:-20}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up: ${warmup}s each; then $rounds rounds of ${seconds}s each, alternating; wrk -t$threads -c$connections"
run ours "$ours_port" "$warmup" "$ours_pid" >/dev/null
run opentracker "$ot_port" "$warmup" "$ot_pid" >/dev/null

ours_total=0; ot_total=0; ours_cpu=0; ot_cpu=0
printf '%-6s %12s %9s %8s   %12s %9s %8s\n' round "ours req/s" "p99" "cpu us" "opentr req/s" "p99" "cpu us"
for r in $(seq "$rounds"); do
  read -r ours_rps ours_p99 ours_us < <(run ours "$ours_port" "$seconds" "$ours_pid")
  read -r ot_rps ot_p99 ot_us < <(run opentracker "$ot_port" "$seconds" "$ot_pid")
  printf '%-6s %12s %9s %8s   %12s %9s %8s\n' "$r" "$ours_rps" "$ours_p99" "$ours_us" "$ot_rps" "$ot_p99" "$ot_us"
  ours_total="$(echo "$ours_total + $ours_rps" | bc -l)"; ot_total="$(echo "$ot_total + $ot_rps" | bc -l)"
  ours_cpu="$(echo "$ours_cpu + $ours_us" | bc -l)"; ot_cpu="$(echo "$ot_cpu + $ot_us" | bc -l)"
done
printf 'mean: ours %.0f req/s, opentracker %.0f req/s: throughput ratio ours/opentracker = %.2f\n' \
  "$(echo "$ours_total / $rounds" | bc -l)" "$(echo "$ot_total / $rounds" | bc -l)" \
  "$(echo "$ours_total / $ot_total" | bc -l)"
printf 'server CPU per announce: ours %.1f us, opentracker %.1f us (ratio %.2f)\n' \
  "$(echo "$ours_cpu / $rounds" | bc -l)" "$(echo "$ot_cpu / $rounds" | bc -l)" "$(echo "$ours_cpu / $ot_cpu" | bc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
