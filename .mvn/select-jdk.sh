# Sourced (POSIX sh) by ./mvnw, ./p2pnet and .ci/run: make JAVA_HOME point at a JDK 21+.
# Keeps a JAVA_HOME that is already 21+, else picks the newest JDK 21+ found on the machine.
p2pnet_java_major() {
  # The JDK's release file answers without starting a JVM (~0.3 s saved on every ./p2pnet call).
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1)
    [ -n "$v" ] && { echo "$v"; return 0; }
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
p2pnet_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(p2pnet_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2*-jdk* /usr/lib/jvm/java-2*-openjdk* /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(p2pnet_java_major "$candidate")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
  done
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(p2pnet_java_major "$home")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then JAVA_HOME=$home; export JAVA_HOME; return 0; fi
  fi
  echo "p2pnet needs a JDK 21 or newer: install one (e.g. apt-get install openjdk-21-jdk or Temurin 25) and set JAVA_HOME" >&2
  return 1
}
p2pnet_select_jdk || exit 1
# Maven 3.9's Guice still calls sun.misc.Unsafe; JDK 24+ warns about it on every build unless told.
if [ "$(p2pnet_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS-}" in *sun-misc-unsafe*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
