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
# the partner window simulator (Viet Nam's single window, party VN-NSW) and central's AS4 settings for it
PARTNER_URL=http://127.0.0.1:8692
RECEIVER_URL=http://127.0.0.1:8693 # a trader's webhook receiver (WebhookReceiver in deploy/tools)
AS4_DIR="$DATA/as4"
AS4_ARGS=(--sw.as4.enabled=true --sw.as4.key-store="$AS4_DIR/CN-EPORT.p12" --sw.as4.key-store-password=dev-as4-password
  --sw.as4.partners.VN-NSW.endpoint=$PARTNER_URL/as4 --sw.as4.partners.VN-NSW.certificate="$AS4_DIR/VN-NSW.pem"
  --sw.as4.partners.VN-NSW.countries=VNM)
BALANCER_JAR="$ROOT/deploy/balancer/target/balancer-0.1.0-SNAPSHOT-exec.jar"
JAVA_OPTS="${JAVA_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC}"
# The scaled federation (start.sh --scaled, SW_SCALED=1): central as two instances, central-a (HTTP 8601, Artemis
# 61600, primary) and central-b (HTTP 8602, Artemis 61610, backup), sharing a MariaDB database and one broker journal
# (a shared-store pair), behind the balancer on 8600. Provinces dial whichever broker of the pair is live.
SCALED_BROKER_URL="(tcp://127.0.0.1:61600,tcp://127.0.0.1:61610)?reconnectAttempts=5&retryInterval=500"
SCALED_DB_URL="${SW_SCALED_DB_URL:-jdbc:mysql://127.0.0.1:3306/sw_local_central?createDatabaseIfNotExist=true}"
SCALED_BROKER_PASSWORD=dev-central-broker-secret # DEV ONLY: central's instances' own user on the broker pair
CENTRAL_INSTANCES=${SW_CENTRAL_INSTANCES:-2} # 1: central-a alone behind the balancer (to compare with two)
if [[ "$CENTRAL_INSTANCES" != 1 && "$CENTRAL_INSTANCES" != 2 ]]; then
  echo "SW_CENTRAL_INSTANCES is 1 or 2, not $CENTRAL_INSTANCES" >&2
  exit 2
fi

# bench_classpath: prints the benchmark module's classes and dependencies (deploy/bench: the benchmark and the fault
# run), building and installing what they need first when it is missing (a fresh clone after "mvn verify" has the
# node jars but not the modules in the local Maven repository)
bench_classpath() {
  local cp_file="$ROOT/deploy/bench/target/bench.classpath"
  if [[ ! -f "$ROOT/deploy/bench/target/classes/org/singlewindow/bench/ChaosRun.class" || ! -f "$cp_file" \
        || ! -f "$CENTRAL_JAR" || ! -f "$PROVINCIAL_JAR" || "$ROOT/deploy/bench/pom.xml" -nt "$cp_file" ]]; then
    (cd "$ROOT" && mvn -B -q -DskipTests install >/dev/null \
      && mvn -B -q -pl deploy/bench dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
  fi
  echo "$ROOT/deploy/bench/target/classes:$(cat "$cp_file")"
}

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

# launch NAME: starts one process of the local federation in the background (simulators, central, 310000 or 440000),
# its output in $LOGS/NAME.log and its pid in $PIDS/NAME.pid; start.sh and chaos.sh use it.
launch() {
  local name=$1 pki=(--sw.pki.root-certificate="$DATA/pki/ca.pem" --sw.pki.crl="$DATA/pki/crl.pem")
  local key=(--sw.pki.node-key="$DATA/pki/nodes/$name-key.pem" --sw.pki.node-certificate="$DATA/pki/nodes/$name.pem")
  local command
  case "$name" in
    simulators)
      # the simulators sign their answers and receipts with the agencies' keys (SimulatorSigning in deploy/tools,
      # found by WireMock's extension scanning through META-INF/services) and post later receipts until central
      # acknowledges them
      source "$ROOT/deploy/tools.sh"
      command=(java -Xmx${SW_SIM_XMX:-256m} -Dsw.sim.pki="$DATA/pki" -cp "$WIREMOCK_JAR:$(tools_classpath)" wiremock.Run
        --port 8690 --bind-address 127.0.0.1 --root-dir "$DATA/sim" --disable-banner --async-response-enabled true
        --container-threads 50) ;;
    receiver)
      source "$ROOT/deploy/tools.sh"
      command=(java -Xmx64m -cp "$(tools_classpath)" org.singlewindow.tools.WebhookReceiver 8693 "$DATA/receiver") ;;
    partner)
      source "$ROOT/deploy/tools.sh"
      command=(java -Xmx128m -cp "$(partner_classpath)" org.singlewindow.partnerwindow.PartnerWindow 8692 "$AS4_DIR"
        "$AS4_DIR/CN-EPORT.pem" "$CENTRAL_URL/as4") ;;
    central)
      command=(java $JAVA_OPTS -jar "$CENTRAL_JAR" --sw.data-dir="$DATA/central" "${pki[@]}" "${key[@]}" "${AS4_ARGS[@]}") ;;
    central-a|central-b)
      local half=PRIMARY http=8601 acceptor=61600
      [[ $name == central-b ]] && half=BACKUP http=8602 acceptor=61610
      # behind the balancer on this host: its X-Forwarded-* headers name each caller (README, "Scale-out")
      command=(env 'SW_TRUSTED_PROXIES=127\.0\.0\.1' java $JAVA_OPTS -jar "$CENTRAL_JAR" --server.port=$http
        --sw.data-dir="$DATA/$name" "${pki[@]}"
        --sw.pki.node-key="$DATA/pki/nodes/central-key.pem" --sw.pki.node-certificate="$DATA/pki/nodes/central.pem"
        --sw.broker.acceptor-port=$acceptor --sw.broker.ha=$half --sw.broker.password=$SCALED_BROKER_PASSWORD
        --spring.artemis.embedded.data-directory="$DATA/central-broker" --spring.artemis.mode=native
        "--spring.artemis.broker-url=$SCALED_BROKER_URL" --spring.artemis.user=node
        --spring.artemis.password=$SCALED_BROKER_PASSWORD --spring.datasource.url="$SCALED_DB_URL"
        --spring.datasource.username="${SW_SCALED_DB_USER:-root}" --spring.datasource.password="${SW_SCALED_DB_PASSWORD:-}"
        --sw.cluster.enabled=true "${AS4_ARGS[@]}") ;;
    balancer)
      local second=http://127.0.0.1:8602
      [[ "$CENTRAL_INSTANCES" == 1 ]] && second=http://127.0.0.1:8601 # both entries name the one instance
      command=(env SW_CENTRAL_B=$second java -Xmx128m -XX:+UseSerialGC -jar "$BALANCER_JAR") ;;
    310000)
      command=(java $JAVA_OPTS -jar "$PROVINCIAL_JAR" --sw.code=310000 --server.port=8631 --sw.data-dir="$DATA/310000"
        --sw.broker.acceptor-port=61631 "--sw.name=中国（上海）国际贸易单一窗口" "${pki[@]}" "${key[@]}") ;;
    440000)
      command=(java $JAVA_OPTS -jar "$PROVINCIAL_JAR" --sw.code=440000 --server.port=8644 --sw.data-dir="$DATA/440000"
        --sw.broker.acceptor-port=61644 "--sw.name=中国（广东）国际贸易单一窗口" "${pki[@]}" "${key[@]}") ;;
    *) echo "launch: unknown process $name" >&2; return 2 ;;
  esac
  if [[ "${SW_SCALED:-0}" == 1 && ( $name == 310000 || $name == 440000 ) ]]; then
    command+=("--sw.central.broker-url=$SCALED_BROKER_URL")
  fi
  (cd "$ROOT" && { nohup "${command[@]}" >> "$LOGS/$name.log" 2>&1 & echo $! > "$PIDS/$name.pid"; })
  if [[ -n "${SW_CENTRAL_CPU:-}" && $name == central* ]]; then
    cap_cpu "$name" "$SW_CENTRAL_CPU"
  fi
}

# cap_cpu NAME CORES: holds the started process NAME to CORES of CPU time (e.g. 0.3: 30 ms in every 100 ms, over
# all its threads) in a cgroup of its own, sw-NAME (cgroup v1's cpu controller, or v2's cpu.max; needs root), so
# that one small machine can stand in for several: with SW_CENTRAL_CPU set, every central instance gets its own
# share, as an instance on a machine of its own would. Its group's path goes to $PIDS/NAME.cgroup; stop.sh removes it.
cap_cpu() {
  local name=$1 cores=$2 pid quota group
  pid=$(cat "$PIDS/$name.pid")
  quota=$(awk -v c="$cores" 'BEGIN { q = int(c * 100000); if (q < 1000) exit 1; print q }') \
    || { echo "cap_cpu: $cores is not a number of cores (at least 0.01)" >&2; return 2; }
  if [[ -w /sys/fs/cgroup/cpu/cgroup.procs ]]; then
    group=/sys/fs/cgroup/cpu/sw-$name
    mkdir -p "$group"
    echo 100000 > "$group/cpu.cfs_period_us"
    echo "$quota" > "$group/cpu.cfs_quota_us"
  elif [[ -w /sys/fs/cgroup/cgroup.subtree_control ]]; then
    grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu > /sys/fs/cgroup/cgroup.subtree_control
    group=/sys/fs/cgroup/sw-$name
    mkdir -p "$group"
    echo "$quota 100000" > "$group/cpu.max"
  else
    echo "cap_cpu: no writable cgroup cpu controller here (SW_CENTRAL_CPU needs root and cgroups)" >&2
    return 2
  fi
  echo "$pid" > "$group/cgroup.procs"
  echo "$group" > "$PIDS/$name.cgroup"
}

# throttled NAME [EARLIER]: how the cap of NAME held it, from its cgroup's cpu.stat ("periods=… throttled=…
# throttled_s=…"), since it started or, given an earlier output of this function, since then
throttled() {
  local stat
  stat="$(cat "$PIDS/$1.cgroup")/cpu.stat"
  awk -v before="${2:-}" 'BEGIN { n = split(before, b, /[ =]/); for (i = 1; i < n; i += 2) base[b[i]] = b[i + 1] }
    /^nr_periods/ { p = $2 } /^nr_throttled/ { t = $2 } /^throttled_time/ { s = $2 / 1e9 }
    /^throttled_usec/ { s = $2 / 1e6 }
    END { printf "periods=%d throttled=%d throttled_s=%.1f", p - base["periods"], t - base["throttled"],
      s - base["throttled_s"] }' "$stat"
}

# health_url NAME: the URL that answers 200 once NAME is up
health_url() {
  case "$1" in
    simulators) echo "$SIM_URL/__admin/mappings" ;;
    partner) echo "$PARTNER_URL/control/received" ;;
    central|balancer) echo "$CENTRAL_URL/actuator/health" ;;
    central-a) echo "http://127.0.0.1:8601/actuator/health" ;;
    central-b) echo "http://127.0.0.1:8602/actuator/health" ;;
    310000) echo "$SH_URL/actuator/health" ;;
    440000) echo "$GD_URL/actuator/health" ;;
  esac
}

# ---- documents, as demo.sh and attachment-bench.sh make them ----------------------------------------------------
# declaration USCC REMARKS PORT_CUSTOMS LICENSED → JSON body
declaration() {
  local licence=""
  [[ "$4" == yes ]] && licence=', "licences": [{"type": "AUTO_IMPORT", "number": "26-AA-000001"}]'
  cat <<JSON
{"documentType": "GOODS_DECLARATION", "clientReference": "DEMO-$(date +%s%N | tail -c 10)-$RANDOM",
 "declarant": {"uscc": "$1"},
 "data": {"direction": "IMPORT", "declarationCustoms": "2201", "portCustoms": "$3", "tradeMode": "0110",
   "transportMode": "2", "billOfLading": "COSU6263821470",
   "consigneeConsignor": {"uscc": "$1", "name": "示例进出口有限公司"},
   "overseasParty": {"name": "ACME Corp", "country": "USA"}, "tradeCountry": "USA", "currency": "USD",
   "remarks": "$2",
   "items": [{"seq": 1, "hsCode": "8471300000", "name": "便携式计算机", "quantity": 10, "unit": "001",
     "unitPrice": 1200.00, "totalPrice": 12000.00, "originCountry": "USA"$licence}]}}
JSON
}

field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

sign() { # sign FILE → the Base64 SM2 signature of the document by $SIGNER, else by its declarant (local PKI keys)
  local uscc=${SIGNER:-}
  [[ -n "$uscc" ]] || uscc=$(python3 -c 'import json,sys
print(json.load(open(sys.argv[1], encoding="utf-8"))["declarant"]["uscc"])' "$1")
  "$ROOT/deploy/pki.sh" sign "$DATA/pki/enterprises/$uscc-key.pem" "$DATA/pki/enterprises/$uscc.pem" "$1"
}

submit() { # submit NODE_URL TOKEN TITLE BODY → signs the body (as its declarant or $SIGNER), submits it, prints the id
  local response body_file
  body_file=$(mktemp)
  printf '%s' "$4" > "$body_file"
  response=$(curl -fsS -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -H "X-SW-Signature: $(sign "$body_file")" --data-binary @"$body_file" "$1/api/v1/declarations")
  rm -f "$body_file"
  echo "$response" | field "['id']"
}
