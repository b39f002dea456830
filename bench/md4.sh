#!/usr/bin/env bash
# MD4 implementations side by side (one thread): Bouncy Castle vs our Md4 (one and two streams),
# Md4Lanes (sixteen streams with the native code), JDK SHA-1 for scale. Prints best-of-7 MB/s; see docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
. .mvn/select-jdk.sh
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -pl shared-model test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "shared-model/target/classes:shared-model/target/test-classes:$(cat "$cp_file")" \
  net.p2pnet.model.hash.Md4Benchmark
