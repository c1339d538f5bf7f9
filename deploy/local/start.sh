#!/usr/bin/env bash
# Starts the local federation in the background: ministry simulators (WireMock, 8690), the central node
# (HTTP 8600, Artemis 61600), Shanghai 310000 (HTTP 8631, Artemis 61631) and Guangdong 440000 (HTTP 8644,
# Artemis 61644), and a trader's webhook receiver (8693). Embedded brokers and H2 file databases under ./data/local/.
# Builds what is missing first.
# Environment: SIM_DELAY_MS (delay of the simulators' asynchronous receipts, default 800; 0 for benchmarks),
# SW_LOCAL_DATA (where data, logs and pids go; default ./data/local).
# --scaled: central as two instances behind Spring Cloud Gateway (README, "Scale-out"): central-a (HTTP 8601) and
# central-b (8602) on one MariaDB database (SW_SCALED_DB_URL, default sw_local_central on 127.0.0.1:3306 as root)
# and a shared-store Artemis pair (61600 primary, 61610 backup), the balancer on 8600; provinces as usual.
# SW_CENTRAL_INSTANCES=1 (with --scaled): central-a alone behind the balancer, the same layout with one instance.
# SW_CENTRAL_CPU=<cores> (e.g. 0.3): each central instance held to that much CPU time in a cgroup of its own, as if
# on a smaller machine of its own (needs root; README, "Scale-out").
set -euo pipefail
if [[ "${1:-}" == --scaled ]]; then
  export SW_SCALED=1
fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIM_DELAY_MS=${SIM_DELAY_MS:-800}
CENTRAL_WAIT_S=120
[[ -n "${SW_CENTRAL_CPU:-}" ]] && CENTRAL_WAIT_S=600 # a capped instance starts as slowly as its share

mkdir -p "$LOGS" "$PIDS" "$DATA/lib"
for url in "$CENTRAL_URL" "$SH_URL" "$GD_URL" "$SIM_URL"; do
  if curl -s -o /dev/null "$url"; then
    echo "something already listens at $url: stop the running federation first (deploy/local/stop.sh)" >&2
    exit 1
  fi
done

if [[ ! -f "$CENTRAL_JAR" || ! -f "$PROVINCIAL_JAR" || ! -f "$BALANCER_JAR" ]]; then
  echo "building the nodes (mvn -DskipTests install) ..."
  (cd "$ROOT" && mvn -B -q -DskipTests install)
fi
if [[ ! -f "$WIREMOCK_JAR" ]]; then
  echo "fetching WireMock $WIREMOCK_VERSION ..."
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
    -DoutputDirectory="$DATA/lib")
fi

# The local federation's PKI (DEV ONLY keys, derived from a fixed seed): init makes what is missing (the same keys
# again) and renews, with a line saying so, any certificate that has expired or expires within 30 days, so the
# federation starts on any date, a year after its data was made too.
[[ -f "$DATA/pki/ca.pem" ]] || echo "creating the local federation's PKI in $DATA/pki ..."
"$ROOT/deploy/pki.sh" init "$DATA/pki"
# central's AS4 identity for the international gateway (RSA, DEV ONLY, made once and renewed when it expires; the
# partner window makes its own)
"$ROOT/deploy/pki.sh" as4 "$AS4_DIR" CN-EPORT dev-as4-password > /dev/null
# a CRL is valid for 7 days and nodes refuse an expired one: publish it again at every start (revocations kept)
"$ROOT/deploy/pki.sh" crl "$DATA/pki" > /dev/null

# Simulator stubs with the chosen receipt delay.
rm -rf "$DATA/sim" && mkdir -p "$DATA/sim/mappings"
for f in "$ROOT"/deploy/local/simulators/mappings/*.json; do
  sed -E "s/\"milliseconds\": [0-9]+/\"milliseconds\": $SIM_DELAY_MS/" "$f" > "$DATA/sim/mappings/$(basename "$f")"
done

cd "$ROOT"
if [[ "${SW_SCALED:-0}" == 1 ]]; then
  for name in simulators partner receiver; do launch "$name"; done
  wait_http "$SIM_URL/__admin/mappings" 60 simulators
  wait_http "$PARTNER_URL/control/received" 60 "partner window"
  wait_http "$RECEIVER_URL/received" 60 "webhook receiver"
  launch central-a
  wait_http "$(health_url central-a)" "$CENTRAL_WAIT_S" "central instance a"
  if [[ "$CENTRAL_INSTANCES" == 2 ]]; then
    launch central-b # its broker waits as the pair's backup
    wait_http "$(health_url central-b)" "$CENTRAL_WAIT_S" "central instance b"
  fi
  launch balancer
  wait_http "$CENTRAL_URL/actuator/health" 60 "balancer"
else
  for name in simulators partner receiver; do launch "$name"; done
  wait_http "$SIM_URL/__admin/mappings" 60 simulators
  wait_http "$PARTNER_URL/control/received" 60 "partner window"
  wait_http "$RECEIVER_URL/received" 60 "webhook receiver"
  launch central
  wait_http "$CENTRAL_URL/actuator/health" "$CENTRAL_WAIT_S" "central node"
fi
for name in 310000 440000; do launch "$name"; done
wait_http "$SH_URL/actuator/health" 120 "Shanghai node"
wait_http "$GD_URL/actuator/health" 120 "Guangdong node"

cat <<MSG
The local federation is up (data and logs in $DATA, stop with deploy/local/stop.sh):
  central node   $CENTRAL_URL   (Artemis tcp://127.0.0.1:61600, tokens at $CENTRAL_URL/oauth2/token)$(
  [[ "${SW_SCALED:-0}" == 1 ]] && printf '\n                 scaled: the balancer, to central-a :8601 and central-b :8602 (MariaDB %s,\n                 Artemis pair 61600 primary / 61610 backup)' "$SCALED_DB_URL")
  Shanghai       $SH_URL   (Artemis tcp://127.0.0.1:61631; portal $SH_URL/ — log in at central as acme-admin /
                 dev-demo-password once demo.sh has registered it)
  Guangdong      $GD_URL   (Artemis tcp://127.0.0.1:61644)
  ministry sims  $SIM_URL   (GACC /gacc/declarations, MOFCOM /mofcom/licence-checks, MSA /msa/reports,
                 NIA /nia/reports, CCPIT /ccpit/certificates, STA /sta/rebates, SAFE /safe/reports,
                 BANK /bank/payments; receipt delay ${SIM_DELAY_MS} ms)
Demo clients (DEV ONLY; client id / secret / what it is):
  sh-acme     dev-sh-acme-secret      declarant, USCC 91310115MA1H7G0X0M (Shanghai)
  sh-other    dev-sh-other-secret     declarant, USCC 91310000132200821H (Shanghai)
  gd-pearl    dev-gd-pearl-secret     declarant, USCC 91440300MA5F2B3K1X (Guangdong)
  gacc-sim    dev-gacc-secret         agency GACC (posts receipts)
  mofcom-sim  dev-mofcom-secret       agency MOFCOM (likewise msa-sim, nia-sim, ccpit-sim, sta-sim, safe-sim,
                                      bank-sim with dev-<agency>-secret)
  ops-central dev-ops-central-secret  central operator
  ops-310000  dev-ops-310000-secret   Shanghai node operator
  ops-440000  dev-ops-440000-secret   Guangdong node operator
Try: deploy/local/demo.sh
MSG
