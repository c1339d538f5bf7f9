#!/usr/bin/env bash
# Fault run (not a test): deploy/local/chaos.sh [declarations=200] [seconds-between-kills=8]
# Starts a fresh local federation under ./data/chaos, streams the declarations (alternately at Shanghai and
# Guangdong, each retried with the same client reference until a province accepts it) while killing (kill -9) a
# random process every few seconds (central, 310000, 440000 or the ministry simulators) and starting it again 1 to 4 s
# later; then waits until every accepted declaration is final and prints
#   submitted=… final=… lost=… duplicated=…
# (lost: accepted but not final within 10 minutes, or unknown at central; duplicated: a final status or a receipt
# twice in a declaration's timeline). Exit 0 only when nothing was lost or duplicated.
# CHAOS_MINISTRY_OUTAGE=<seconds> instead takes the ministry simulators down for that long while the declarations
# stream (no other kills), then brings them back. A simulator killed between its answer and its later receipt
# forgets the receipt: central asks it again after SW_RECONCILE_AFTER (here 20 s; 15 min by default).
set -euo pipefail
export SW_RECONCILE_AFTER=${SW_RECONCILE_AFTER:-20s} SW_RECONCILE_INTERVAL=${SW_RECONCILE_INTERVAL:-5s}
N=${1:-200}
EVERY=${2:-8}
OUTAGE=${CHAOS_MINISTRY_OUTAGE:-0}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SW_LOCAL_DATA="$ROOT/data/chaos"
source "$ROOT/deploy/local/common.sh"

CP=$(bench_classpath)
mkdir -p "$DATA"

rm -rf "$DATA/central" "$DATA/310000" "$DATA/440000" "$DATA/logs" "$DATA/ids"
SIM_DELAY_MS=${SIM_DELAY_MS:-300} "$ROOT/deploy/local/start.sh" > "$DATA/start.out"
trap '"$ROOT/deploy/local/stop.sh" > /dev/null' EXIT

kill9() { # kill9 NAME: kill -9 of one process of the federation
  local pid
  pid=$(cat "$PIDS/$1.pid" 2>/dev/null || true)
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  rm -f "$PIDS/$1.pid"
}

java -cp "$CP" org.singlewindow.bench.ChaosRun submit "$N" "$DATA/pki" "$DATA/ids" > "$DATA/submit.out" 2>&1 &
submitter=$!
kills=0
started=$(date +%s)
if (( OUTAGE > 0 )); then
  kill9 simulators
  echo "ministry simulators down for ${OUTAGE}s while $N declarations stream"
  while (( $(date +%s) - started < OUTAGE )); do sleep 5; done
  launch simulators
  wait_http "$(health_url simulators)" 60 simulators
  echo "ministry simulators back after $(( $(date +%s) - started ))s"
else
  victims=(central 310000 440000 simulators)
  while kill -0 "$submitter" 2>/dev/null; do
    sleep "$EVERY"
    kill -0 "$submitter" 2>/dev/null || break
    victim=${victims[$((RANDOM % ${#victims[@]}))]}
    kill9 "$victim"
    kills=$((kills + 1))
    echo "kill -9 $victim ($(wc -l < "$DATA/ids" 2>/dev/null || echo 0) accepted so far)"
    sleep $((1 + RANDOM % 4))
    launch "$victim"
    wait_http "$(health_url "$victim")" 120 "$victim"
  done
fi
wait "$submitter" || { cat "$DATA/submit.out" >&2; exit 1; }
java -cp "$CP" org.singlewindow.bench.ChaosRun check "$DATA/pki" "$DATA/ids" 600 | tee "$DATA/result.out"
echo "kills=$kills seconds=$(( $(date +%s) - started )) (logs in $LOGS)"
grep -q "lost=0 duplicated=0" "$DATA/result.out"
