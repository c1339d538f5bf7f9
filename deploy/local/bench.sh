#!/usr/bin/env bash
# Benchmark (not a test): deploy/local/bench.sh [declarations=1000] [concurrency=16]
# Starts a fresh local federation under ./data/bench with zero simulator delays, pushes the declarations through
# the full loop (submit at Shanghai and Guangdong → central → GACC, + MOFCOM for half → receipts back), measures
# a bare embedded Artemis broker in the same run, prints one result line and the nodes' memory, then stops.
set -euo pipefail
N=${1:-1000}
C=${2:-16}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SW_LOCAL_DATA="$ROOT/data/bench"
source "$ROOT/deploy/local/common.sh"

CP=$(bench_classpath)
mkdir -p "$DATA"

rm -rf "$DATA/central" "$DATA/310000" "$DATA/440000"
SIM_DELAY_MS=0 "$ROOT/deploy/local/start.sh" > "$DATA/start.out"
trap '"$ROOT/deploy/local/stop.sh" > /dev/null' EXIT

PIDS_ARG=$(for name in central 310000 440000 simulators; do printf '%s=%s,' "$name" "$(cat "$PIDS/$name.pid")"; done)
java -Xmx1g -Dpids="$PIDS_ARG" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.singlewindow.bench.FederationBench "$N" "$C" "$DATA/pki"
rss() { ps -o rss= -p "$(cat "$PIDS/$1.pid")" | awk '{printf "%.0f", $1/1024}'; }
echo "memory_rss_mb central=$(rss central) shanghai=$(rss 310000) guangdong=$(rss 440000) (after the run; JAVA_OPTS=$JAVA_OPTS)"
