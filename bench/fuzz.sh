#!/usr/bin/env bash
# Fuzzes every network-facing parser with Jazzer for a bounded time each (issue 16). A normal
# `./mvnw verify` already replays each target's corpus (regression mode); this script really fuzzes.
#
#   bench/fuzz.sh                                   # every target, 30 s each
#   FUZZ_SECONDS=300 bench/fuzz.sh Metainfo         # targets whose name contains "Metainfo"
#
# A finding fails its target; Jazzer saves the input as a regression case in the test resources
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-*): fix the parser, keep the file.
# What Jazzer learns on the way stays in <module>/.cifuzz-corpus (ignored by git); see docs/fuzzing.md.
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
FILTER=${1:-}

# module  class#method
TARGETS=(
  "shared-model net.p2pnet.model.bencode.BencodeFuzzTest#anyBytesDecodeToACanonicalValueOrABencodeException"
  "shared-model net.p2pnet.model.torrent.MetainfoFuzzTest#anyBytesReadAsAUsableTorrentOrAnInvalidTorrentException"
  "shared-model net.p2pnet.model.link.LinkFuzzTest#anyTextIsAnEd2kLinkOrAnInvalidLinkException"
  "shared-model net.p2pnet.model.link.LinkFuzzTest#anyTextIsAMagnetLinkOrAnInvalidLinkException"
  "tracker-service net.p2pnet.tracker.http.AnnounceQueryFuzzTest#anyQueryIsAnAnnounceOrARefusal"
  "tracker-service net.p2pnet.tracker.udp.UdpPacketFuzzTest#anyPacketIsAnsweredOrDropped"
  "peer-agent net.p2pnet.agent.transfer.RequestHeadFuzzTest#anyBytesAreARequestHeadOrABadRequest"
  "peer-agent net.p2pnet.agent.bittorrent.PeerWireFuzzTest#anyBytesAfterTheHandshakeCloseOnlyThatConnection"
)

passed=0; failed=0; failures=()
for target in "${TARGETS[@]}"; do
  read -r module test <<<"$target"
  [[ -z "$FILTER" || "$test" == *"$FILTER"* ]] || continue
  echo "fuzz: $test for ${FUZZ_SECONDS}s"
  # -am builds shared-model from this tree; the other modules' tests are filtered out by -Dtest.
  # JAZZER_SSRF_PERMISSIVE_UNTIL_CONFIGURED: the agent and tracker targets open loopback sockets before
  # their fuzz test tells Jazzer's SSRF detector which connections are expected.
  if JAZZER_FUZZ=1 JAZZER_SSRF_PERMISSIVE_UNTIL_CONFIGURED=1 ./mvnw -B -ntp -q -pl "$module" -am test -Djacoco.skip=true \
      -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${FUZZ_SECONDS}s" -Djazzer.instrument='net.p2pnet.**' \
      -Djunit.jupiter.execution.timeout.mode=disabled >"/tmp/fuzz-${test##*#}.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$test (log: /tmp/fuzz-${test##*#}.log)")
  fi
done
for f in "${failures[@]}"; do echo "fuzz: FOUND $f"; done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
