# Shared settings of the local federation scripts (sourced, not run).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA="${SW_LOCAL_DATA:-$ROOT/data/local}"
LOGS="$DATA/logs"
PIDS="$DATA/pids"
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR="$DATA/lib/wiremock-standalone-$WIREMOCK_VERSION.jar"
CENTRAL_JAR="$ROOT/central-node/target/central-node-0.1.0-SNAPSHOT-exec.jar"
PROVINCIAL_JAR="$ROOT/provincial-node/target/provincial-node-0.1.0-SNAPSHOT-exec.jar"
CENTRAL_URL=http://127.0.0.1:8600
SH_URL=http://127.0.0.1:8631
GD_URL=http://127.0.0.1:8644
SIM_URL=http://127.0.0.1:8690
JAVA_OPTS="${JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC}"

# wait_http URL SECONDS NAME: waits until URL answers 200
wait_http() {
  local url=$1 seconds=$2 name=$3 i
  for ((i = 0; i < seconds * 4; i++)); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    sleep 0.25
  done
  echo "$name did not become ready within ${seconds}s; see $LOGS/" >&2
  return 1
}

# token CLIENT SECRET: prints an access token from central
token() {
  curl -fsS -u "$1:$2" -d grant_type=client_credentials "$CENTRAL_URL/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
