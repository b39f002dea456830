#!/bin/sh
# Builds the native MD4 lanes (md4lanes.c) into the classes directory, for Linux on x86-64.
# Called by Maven (profile native-md4, active where /usr/bin/gcc exists): build.sh JAVA_HOME OUT_DIR
set -eu
java_home=$1
out=$2
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "native MD4: not built for $(uname -s) $(uname -m); the Java code is used"; exit 0 ;;
esac
if [ ! -f "$java_home/include/jni.h" ]; then
  echo "native MD4: no jni.h under $java_home/include (a JRE?); install a JDK, or build with -P!native-md4" >&2
  exit 1
fi
mkdir -p "$out"
gcc -O2 -std=c11 -Wall -Werror -shared -fPIC -fvisibility=default \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libp2pnet-md4.so" "$(dirname "$0")/md4lanes.c"
echo "native MD4: built $out/libp2pnet-md4.so"
