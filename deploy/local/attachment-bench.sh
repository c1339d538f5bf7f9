#!/usr/bin/env bash
# Benchmark (not a test): deploy/local/attachment-bench.sh [megabytes=100]
# Starts a fresh local federation under ./data/attbench with every node's heap capped (JAVA_OPTS, default
# -Xmx128m: less than a node's own live heap plus the file, so a node that held the whole file in memory would fail;
# the embedded brokers page to disk beyond 16MB of messages, SW_BENCH_BROKER_MEMORY),
# uploads one PDF of that size at Shanghai, submits a signed declaration naming it, and waits until customs' simulator
# has received the file through central. Prints the times, each node's peak used heap while the file crossed
# (sampled with jstat every 100 ms) and whether every node lived through it, then stops the federation.
set -euo pipefail
MB=${1:-100}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SW_LOCAL_DATA="$ROOT/data/attbench"
XMX=${SW_BENCH_XMX:-128m}
BROKER_MEMORY=${SW_BENCH_BROKER_MEMORY:-16MB} # the embedded brokers page beyond this (sw.broker.memory)
export JAVA_OPTS="-Xms64m -Xmx$XMX -XX:+UseSerialGC -Dsw.broker.memory=$BROKER_MEMORY -Dsw.attachments.max-file-size=$((MB + 8))MB -Dsw.attachments.max-per-document=$((MB + 8))MB"
export SW_SIM_XMX=${SW_SIM_XMX:-1g} # customs' simulator keeps what it is sent (WireMock's journal): not a node
source "$ROOT/deploy/local/common.sh"
mkdir -p "$DATA"
rm -rf "$DATA/central" "$DATA/310000" "$DATA/440000" "$LOGS" # fresh stores, and logs of this run only
SIM_DELAY_MS=0 "$ROOT/deploy/local/start.sh" > "$DATA/start.out"
trap '"$ROOT/deploy/local/stop.sh" > /dev/null' EXIT

file="$DATA/large.pdf"
python3 - "$file" "$MB" <<'PY'
import os, sys
path, mb = sys.argv[1], int(sys.argv[2])
size = mb * 1024 * 1024
with open(path, "wb") as out:
    offsets = []
    out.write(b"%PDF-1.4\n")
    def obj(n, body):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    obj(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 4 0 R >> >> >>")
    offsets.append(out.tell())
    out.write(b"4 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 "
              b"/ColorSpace /DeviceGray /Length %d >>\nstream\n" % size)
    block = os.urandom(1 << 20)
    for _ in range(mb):
        out.write(block)
    out.write(b"\nendstream\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
PY
bytes=$(stat -c %s "$file")

NODES=(central 310000 440000)
SAMPLES="$DATA/heap"
rm -rf "$SAMPLES" && mkdir -p "$SAMPLES"
for name in "${NODES[@]}"; do # used heap (KB) = S0U + S1U + EU + OU, every 100 ms
  (jstat -gc "$(cat "$PIDS/$name.pid")" 100 2>/dev/null | awk 'NR > 1 {print $3 + $4 + $6 + $8}' > "$SAMPLES/$name") &
done

TOKEN=$(token sh-acme dev-sh-acme-secret)
USCC=91310115MA1H7G0X0M
start=$(date +%s.%N)
id=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/pdf' --data-binary @"$file" \
  "$SH_URL/api/v1/attachments?code=00000001&name=large.pdf" | field "['id']")
uploaded=$(date +%s.%N)
body=$(declaration $USCC "" 2201 yes | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["data"]["electronicDocuments"] = [{"id": sys.argv[1], "code": "00000001", "fileName": "large.pdf"}]
print(json.dumps(d, ensure_ascii=False))' "$id")
declaration_id=$(submit "$SH_URL" "$TOKEN" "" "$body")
got=0
for ((i = 0; i < 1200; i++)); do
  got=$(curl -fsS --max-time 10 "$SIM_URL/__admin/requests/count" -d "{\"method\": \"POST\", \"urlPath\": \"/gacc/declarations/attachments\",
    \"headers\": {\"X-SW-Attachment-Id\": {\"equalTo\": \"$id\"}}}" | field "['count']")
  [[ "$got" -ge 1 ]] && break
  sleep 0.5
done
arrived=$(date +%s.%N)
sleep 0.5
kill $(jobs -p) 2>/dev/null || true

alive=""
for name in "${NODES[@]}"; do
  kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null && alive+="$name=up " || alive+="$name=DEAD "
done
oom=$({ grep -l "OutOfMemoryError" "$LOGS"/*.log 2>/dev/null || true; } | xargs -r -n1 basename | tr '\n' ' ')
echo "attachment_bytes=$bytes delivered_to_customs=$got declaration=$declaration_id"
python3 - "$start" "$uploaded" "$arrived" "$bytes" <<'PY'
import sys
start, uploaded, arrived, size = map(float, sys.argv[1:])
print("upload_s=%.1f (%.1f MB/s) upload_to_customs_s=%.1f" % (uploaded - start, size / 2**20 / (uploaded - start),
      arrived - uploaded))
PY
echo "broker_memory=$BROKER_MEMORY"
echo "peak_heap_used_mb $(for name in "${NODES[@]}"; do
  printf '%s=%s ' "$name" "$(sort -n "$SAMPLES/$name" | tail -1 | awk '{printf "%.0f", $1/1024}')"; done)(-Xmx$XMX)"
echo "nodes $alive${oom:+ OutOfMemoryError in: $oom}"
