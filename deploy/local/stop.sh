#!/usr/bin/env bash
# Stops the local federation started by deploy/local/start.sh (provinces first, then central or the balancer and
# central's instances, then simulators).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
for name in 310000 440000 balancer central-b central-a central receiver partner simulators; do
  pidfile="$PIDS/$name.pid"
  [[ -f "$pidfile" ]] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for ((i = 0; i < 120; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stopped $name"
  fi
  rm -f "$pidfile"
  if [[ -f "$PIDS/$name.cgroup" ]]; then # its CPU cap (SW_CENTRAL_CPU)
    rmdir "$(cat "$PIDS/$name.cgroup")" 2>/dev/null
    rm -f "$PIDS/$name.cgroup"
  fi
done
