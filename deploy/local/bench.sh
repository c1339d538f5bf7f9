#!/usr/bin/env bash
# Benchmark (not a test): deploy/local/bench.sh [declarations=1000] [concurrency=16] [--scaled]
# Starts a fresh local federation under ./data/bench with zero simulator delays, pushes the declarations through
# the full loop (submit at Shanghai and Guangdong → central → GACC, + MOFCOM for half → receipts back), measures
# a bare embedded Artemis broker in the same run, prints one result line, CPU ms, database transactions and broker
# messages per declaration per process, the floor (the least CPU the loop's broker messages, signatures and
# verifications could cost here, and the best ratio that allows), and the nodes' memory, then stops. --scaled:
# against the scaled federation (start.sh --scaled: central as two instances behind the balancer, on MariaDB
# database sw_bench_central, dropped first, and a shared-store broker pair). BENCH_RATE=<declarations per second>:
# start declarations at that steady rate instead (concurrency = most in flight), latency counted from when each was
# due (each declaration's due second and latency in data/bench/timeline.txt). BENCH_WARMUP=<declarations> before the
# measured run (default 50; the nodes' JIT takes about 15 s of load to settle, so a paced run wants about 300).
# SW_CENTRAL_INSTANCES=1 with --scaled: one instance behind the balancer (to compare with two); SW_CENTRAL_CPU=<cores>:
# each central instance held to that much CPU (start.sh), and how often the cap held it during the run (warm-up
# included, start-up not) printed after it.
set -euo pipefail
N=${1:-1000}
C=${2:-16}
SCALED=${3:-}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SW_LOCAL_DATA="$ROOT/data/bench"
source "$ROOT/deploy/local/common.sh"

CP=$(bench_classpath)
mkdir -p "$DATA"

rm -rf "$DATA/central" "$DATA/310000" "$DATA/440000" "$DATA/central-a" "$DATA/central-b" "$DATA/central-broker"
CENTRALS=(central)
NODES=""
if [[ "$SCALED" == --scaled ]]; then
  export SW_SCALED_DB_URL="jdbc:mysql://127.0.0.1:3306/sw_bench_central?createDatabaseIfNotExist=true"
  mysql --protocol=tcp -h127.0.0.1 -u"${SW_SCALED_DB_USER:-root}" -e 'drop database if exists sw_bench_central'
  MARIADB_PID=$(pgrep -o -x mariadbd || true) # the shared database's CPU counts too
  CENTRALS=(central-a balancer)
  NODES="central-a=http://127.0.0.1:8601,"
  if [[ "$CENTRAL_INSTANCES" == 2 ]]; then
    CENTRALS=(central-a central-b balancer)
    NODES+="central-b=http://127.0.0.1:8602,"
  fi
  NODES+="310000=$SH_URL,440000=$GD_URL"
fi
SIM_DELAY_MS=0 "$ROOT/deploy/local/start.sh" $SCALED > "$DATA/start.out"
trap '"$ROOT/deploy/local/stop.sh" > /dev/null' EXIT

PIDS_ARG=$(for name in "${CENTRALS[@]}" 310000 440000 simulators; do printf '%s=%s,' "$name" "$(cat "$PIDS/$name.pid")"; done)
[[ -n "${MARIADB_PID:-}" ]] && PIDS_ARG+="mariadb=$MARIADB_PID"
declare -A CAP_BEFORE=() # the cap's counts after start-up, so the run's own are printed
for name in "${CENTRALS[@]}"; do
  [[ -f "$PIDS/$name.cgroup" ]] && CAP_BEFORE[$name]="$(throttled "$name")"
done
java -Xmx1g -Dpids="$PIDS_ARG" -Dnodes="$NODES" -Dwarmup="${BENCH_WARMUP:-50}" -Drate="${BENCH_RATE:-0}" -Dtimeline="$DATA/timeline.txt" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.singlewindow.bench.FederationBench "$N" "$C" "$DATA/pki"
if [[ -n "${SW_CENTRAL_CPU:-}" ]]; then
  echo "cpu_cap cores=$SW_CENTRAL_CPU $(for name in "${CENTRALS[@]}"; do
    [[ -f "$PIDS/$name.cgroup" ]] && printf '%s: %s ' "$name" "$(throttled "$name" "${CAP_BEFORE[$name]}")"; done)"
fi
rss() { ps -o rss= -p "$(cat "$PIDS/$1.pid")" | awk '{printf "%.0f", $1/1024}'; }
echo "memory_rss_mb $(for name in "${CENTRALS[@]}"; do printf '%s=%s ' "$name" "$(rss "$name")"; done)shanghai=$(rss 310000) guangdong=$(rss 440000) (after the run; JAVA_OPTS=$JAVA_OPTS)"
