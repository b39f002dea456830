#!/usr/bin/env sh
# Prepares a p2pnet service jar for fast start-up: extracts it to a plain class path (Spring Boot's
# nested-jar launcher cannot use an AOT cache) and, on a JDK 25+, trains an AOT cache (JEP 483/514/515:
# classes preloaded and linked, method profiles seeded) with one start of the application context.
# Used by ./p2pnet, bench/startup.sh and the Dockerfile; bench/startup.sh measures the gain.
#
#   deploy/aot-cache.sh MODULE JAR DEST   -> DEST/<JAR's name>, DEST/lib/, DEST/app.aot (if the JDK can)
#   then: java @deploy/jvm.options -XX:AOTCache=DEST/app.aot -jar DEST/<JAR's name> ...
# When DEST already holds the extracted jar (the image copies it there layer by layer), only trains.
set -eu
module=$1 jar=$2 dest=$3
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
name=$(basename "$jar")
[ -f "$dest/$name" ] || "$java" -Djarmode=tools -jar "$jar" extract --destination "$dest" >/dev/null
"$java" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput ' || exit 0
# The training run starts the context (throw-away data, random ports, no outside peer) and stops once
# it is refreshed; the cache it writes must be used with the same JVM options, hence @jvm.options.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$module" in
  tracker-service) extra="--p2pnet.tracker.udp.enabled=false" ;;
  peer-agent) extra="--p2pnet.agent.transfer-port=0" ;;
  *) extra="" ;;
esac
# shellcheck disable=SC2086
if ! (cd "$work" && "$java" @"$here/jvm.options" -XX:AOTCacheOutput="$dest/app.aot" -Dspring.context.exit=onRefresh \
      -jar "$dest/$name" --spring.profiles.active=dev --server.port=0 --p2pnet.data-dir="$work/data" $extra) \
      >"$work/training.log" 2>&1; then
  rm -f "$dest/app.aot"
  echo "aot-cache: training run of $module failed, the service starts without a cache; its log:" >&2
  tail -n 20 "$work/training.log" >&2
fi
