#!/usr/bin/env bash
# Start-up footprint: time from `java` to /actuator/health UP and RSS after 10 s idle, for each
# service started alone, several runs each (median, min, max), and opentracker as the anchor.
#
#   bench/startup.sh [runs]                                    (default 5 runs per service and way)
#   BENCH_SERVICES="rendezvous-server tracker-service"         (default: all four)
#   BENCH_WAYS="jar run"   jar: java -jar X.jar (the plain jar, no options)
#                          run: as ./p2pnet up starts it: java @deploy/jvm.options -XX:AOTCache=...
#                               -XX:TieredStopAtLevel=1 -jar target/run/X.jar (deploy/aot-cache.sh)
#   BENCH_IDLE=10 (s before RSS is read)
#
# Needs: a JDK 21+ (25+ for the AOT cache), opentracker, curl. Builds and prepares the jars if missing.
# Loopback only; bounded: runs x ways x services starts, each stopped after its RSS is read.
set -euo pipefail
BENCH_NAME=startup
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.mvn/select-jdk.sh"
. "$root/bench/lib.sh"
runs="${1:-5}"
services=(${BENCH_SERVICES:-rendezvous-server tracker-service chatroom-service peer-agent})
ways=(${BENCH_WAYS:-jar run})
idle="${BENCH_IDLE:-10}"
port=17800
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')

for m in "${services[@]}"; do
  jar="$root/$m/target/$m.jar"
  [ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl "$m" -am package)
  run="$root/$m/target/run"
  if [[ " ${ways[*]} " == *" run "* ]] && { [ ! -f "$run/$m.jar" ] || [ "$jar" -nt "$run/$m.jar" ]; }; then
    echo "preparing $m (extract + AOT cache training)..." >&2
    rm -rf "$run" && "$root/deploy/aot-cache.sh" "$m" "$jar" "$run"
  fi
done

now() { date +%s%N; }
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# measure URL command...: prints "seconds-to-answer rss-mb" of one start
measure() {
  local url=$1 t0 pid dir; shift
  dir=$(mktemp -d "$WORK/run.XXXX")
  t0=$(now)
  (cd "$dir" && exec "$@") >"$dir/log" 2>&1 &
  pid=$!
  until curl -sS -m 1 "$url" 2>/dev/null | grep -q "${EXPECT:-.}"; do
    kill -0 "$pid" 2>/dev/null || { echo "exited during start-up: $*; log:" >&2; tail -n 20 "$dir/log" >&2; exit 1; }
    sleep 0.02
  done
  local t=$(( ($(now) - t0) / 1000000 ))
  sleep "$idle"
  local rss; rss=$(rss_mb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo "$t $rss"
}

# stats "label" "ms list" "MB list"
stats() {
  local ms mb
  ms=$(tr ' ' '\n' <<<"$2" | sort -n | awk '{a[NR]=$1} END {printf "%.2f s (%.2f-%.2f)", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}')
  mb=$(tr ' ' '\n' <<<"$3" | sort -n | awk '{a[NR]=$1} END {printf "%d MB (%d-%d)", a[int((NR+1)/2)], a[1], a[NR]}')
  printf '%-30s ready %-24s RSS idle %s\n' "$1" "$ms" "$mb"
}

echo "$runs runs each, median (min-max); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for m in "${services[@]}"; do
  for way in "${ways[@]}"; do
    times='' rsses=''
    for _ in $(seq "$runs"); do
      port=$((port + 1))
      args=(--server.port="$port" --p2pnet.data-dir=./data --p2pnet.network.secret="$secret")
      case "$m" in
        tracker-service) args+=(--p2pnet.tracker.udp.enabled=false) ;;
        peer-agent) args=(--server.port="$port" --p2pnet.data-dir=./data --p2pnet.agent.transfer-port=0) ;;
      esac
      if [ "$way" = jar ]; then
        cmd=("$JAVA_HOME/bin/java" -jar "$root/$m/target/$m.jar")
      else
        run="$root/$m/target/run" aot=()
        [ -f "$run/app.aot" ] && aot=(-XX:AOTCache="$run/app.aot")
        cmd=("$JAVA_HOME/bin/java" @"$root/deploy/jvm.options" "${aot[@]}" -XX:TieredStopAtLevel=1 -jar "$run/$m.jar")
      fi
      read -r t r < <(EXPECT='"status":"UP"' measure "http://127.0.0.1:$port/actuator/health" "${cmd[@]}" "${args[@]}")
      [ -n "${t:-}" ] || exit 1
    times+="$t " rsses+="$r "
    done
    stats "$m ($way)" "${times% }" "${rsses% }"
  done
done

if command -v opentracker >/dev/null; then
  times='' rsses=''
  for _ in $(seq "$runs"); do
    port=$((port + 1))
    read -r t r < <(measure "http://127.0.0.1:$port/announce" opentracker -i 127.0.0.1 -p "$port" -P "$port")
    [ -n "${t:-}" ] || exit 1
    times+="$t " rsses+="$r "
  done
  stats "opentracker (anchor)" "${times% }" "${rsses% }"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
