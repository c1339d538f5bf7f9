#!/usr/bin/env bash
# Submits sample documents to the running local federation (deploy/local/start.sh) with curl, waits for each to
# reach its final status and prints what happened. Part 1, goods declarations: Shanghai and Guangdong declarants,
# customs accepting, inspecting and rejecting (simulator remarks SIM:INSPECT / SIM:REJECT), MOFCOM verifying
# licences, a logistics copy to Guangdong for goods entering through a Guangdong port. Part 2, one document of every
# type of the standard edition from deploy/local/samples/ (two-step declaration, manifest, conveyance, licence,
# certificates of origin by customs and by the CCPIT, enterprise registration, tax rebate after the export's
# release, tax payment through the bank), plus a goods declaration sent as E-Port DecMessage XML with its receipts
# fetched as XML. Parts 3 and 4: identity and delegation, the AS4 gateway. Part 5: after the first submission, two
# attachments reaching customs, an amendment approved and one refused, a cancellation after dispatch and one before
# (central stopped for a moment). Every document is signed by its declarant (SM2, deploy/pki.sh sign). Needs curl
# and python3.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

curl -fs -o /dev/null "$CENTRAL_URL/actuator/health" || { echo "start the federation first: deploy/local/start.sh" >&2; exit 1; }

final() { # final NODE_URL TOKEN ID: waits (up to a minute) for the final status, prints the declaration JSON
  local status="" json="" i
  for ((i = 0; i < 120; i++)); do
    json=$(curl -fsS -H "Authorization: Bearer $2" "$1/api/v1/declarations/$3")
    status=$(echo "$json" | field "['status']")
    [[ "$status" == COMPLETED || "$status" == REJECTED ]] && break
    sleep 0.5
  done
  echo "$json"
}

show() { # show NODE_URL TOKEN ID TITLE: waits for the final status, prints the timeline
  local json
  json=$(final "$1" "$2" "$3")
  echo
  echo "■ $4"
  echo "$json" | python3 -c "$TIMELINE_PY"
}

read -r -d '' TIMELINE_PY <<'PY' || true
import json, sys
d = json.load(sys.stdin)
print("  id %s  submitted at %s  status %s" % (d["id"], d["originProvince"], d["status"]))
for a in d["agencies"]:
    print("  %-7s %s" % (a["agency"], a["status"]))
print("  timeline:")
for e in d["timeline"]:
    what = e.get("status") or ""
    if e.get("agency"):
        what = e["agency"] + " " + what + (" [" + e["code"] + "]" if e.get("code") else "")
    print("    %s  %-7s %-7s %-28s %s" % (e["occurredAt"][11:23], e["kind"], e["node"], what, e.get("detail") or ""))
PY


SH_TOKEN=$(token sh-acme dev-sh-acme-secret)
GD_TOKEN=$(token gd-pearl dev-gd-pearl-secret)
SH_USCC=91310115MA1H7G0X0M
GD_USCC=91440300MA5F2B3K1X

a=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "" 2201 yes)")
b=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "SIM:INSPECT" 5301 no)")
c=$(submit "$GD_URL" "$GD_TOKEN" "" "$(declaration $GD_USCC "SIM:REJECT" 5301 no)")
d=$(submit "$GD_URL" "$GD_TOKEN" "" "$(declaration $GD_USCC "" 5301 yes)")
echo "submitted 4 declarations: $a $b $c $d"

show "$SH_URL" "$SH_TOKEN" "$a" "Shanghai, licensed goods: customs accepts then releases, MOFCOM verifies"
show "$SH_URL" "$SH_TOKEN" "$b" "Shanghai, goods entering at Shenzhen (5301): customs inspects then releases"
show "$GD_URL" "$GD_TOKEN" "$c" "Guangdong: customs rejects"
show "$GD_URL" "$GD_TOKEN" "$d" "Guangdong, licensed goods: released and verified"

echo
echo "■ Logistics copies received by Guangdong from other provinces (for declaration $b):"
curl -fsS -H "Authorization: Bearer $(token ops-440000 dev-ops-440000-secret)" \
  "$GD_URL/api/v1/peer-copies?declarationId=$b" | python3 -c '
import json, sys
for c in json.load(sys.stdin):
    print("  from %s by rule %s: %s" % (c["fromProvince"], c["ruleId"], json.dumps(c["document"], ensure_ascii=False)))
'

# ---- part 2: every function of the standard edition ------------------------------------------------------------
SAMPLES="$ROOT/deploy/local/samples"

sample() { # sample NAME [PLACEHOLDER=VALUE ...] → JSON body with a fresh client reference
  python3 - "$SAMPLES/$1.json" "${@:2}" <<'PY'
import json, sys, random, time
text = open(sys.argv[1], encoding="utf-8").read()
for arg in sys.argv[2:]:
    key, value = arg.split("=", 1)
    text = text.replace("${" + key + "}", value)
doc = json.loads(text)
doc["clientReference"] = "DEMO-%d-%04d" % (time.time_ns() % 10**10, random.randrange(10000))
print(json.dumps(doc, ensure_ascii=False))
PY
}

brief() { # brief ID TITLE: waits for the final status, prints one line per agency
  final "$SH_URL" "$SH_TOKEN" "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
agencies = ", ".join("%s %s%s" % (a["agency"], a["status"], " [" + a["receipts"][-1]["code"] + "]"
                      if a["receipts"] and a["receipts"][-1].get("code") else "") for a in d["agencies"])
print("  %-40s %-9s %s" % (sys.argv[1], d["status"], agencies))' "$2"
}

echo
echo "■ Every document type of the standard edition (Shanghai, declarant $SH_USCC):"
printf '  %-40s %-9s %s\n' "document" "status" "agencies (last receipt code)"
summary=$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample goods-declaration-summary)")
brief "$summary" "GOODS_DECLARATION (SUMMARY)"
brief "$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample goods-declaration-complete SUMMARY_ID="$summary")")" \
  "GOODS_DECLARATION (COMPLETE)"
export_id=$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample goods-declaration-export)")
brief "$export_id" "GOODS_DECLARATION (export)"
for name in manifest transport-means transport-means-aircraft licence-application origin-certificate \
            origin-certificate-ccpit enterprise-qualification; do
  brief "$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample "$name")")" "$(echo "$name" | tr a-z- A-Z_)"
done
brief "$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample tax-rebate EXPORT_DECLARATION_ID="$export_id")")" \
  "TAX_REBATE (after the export's release)"
brief "$(submit "$SH_URL" "$SH_TOKEN" "" "$(sample tax-payment GOODS_DECLARATION_ID="$a")")" \
  "TAX_PAYMENT (bank, then customs)"

echo
echo "■ A goods declaration as E-Port DecMessage XML signed E-Port style (enveloped XML-DSig, SM2/SM3), receipts as XML:"
xml_file=$(mktemp)
signed_xml=$(mktemp)
sed "s/ACME-XML-0001/XML-$(date +%s%N | tail -c 10)/" "$SAMPLES/goods-declaration.xml" > "$xml_file"
"$ROOT/deploy/pki.sh" sign-xml "$DATA/pki/enterprises/$SH_USCC-key.pem" "$DATA/pki/enterprises/$SH_USCC.pem" \
  "$xml_file" > "$signed_xml"
xml_id=$(curl -fsS -H "Authorization: Bearer $SH_TOKEN" -H 'Content-Type: application/xml' \
  --data-binary @"$signed_xml" "$SH_URL/api/v1/declarations" | field "['id']")
rm -f "$xml_file" "$signed_xml"
brief "$xml_id" "GOODS_DECLARATION (DecMessage XML)"
curl -fsS -H "Authorization: Bearer $SH_TOKEN" -H 'Accept: application/xml' \
  "$SH_URL/api/v1/declarations/$xml_id/receipts" | sed 's/<DEC_RESULT>/\n  <DEC_RESULT>/g'
echo
echo "■ A DecMessage with every element of the 2018 layout, most of them empty as declarant software writes them,"
echo "  signed with deploy/pki.sh sign (X-SW-Signature over the document it maps to):"
full_xml=$(mktemp)
sed "s/ACME-XML-0002/XML-$(date +%s%N | tail -c 10)/" "$SAMPLES/goods-declaration-eport.xml" > "$full_xml"
full_id=$(curl -fsS -H "Authorization: Bearer $SH_TOKEN" -H 'Content-Type: application/xml' \
  -H "X-SW-Signature: $(SIGNER=$SH_USCC sign "$full_xml")" --data-binary @"$full_xml" \
  "$SH_URL/api/v1/declarations" | field "['id']")
rm -f "$full_xml"
brief "$full_id" "GOODS_DECLARATION (every DecMessage element)"
echo


# ---- part 3: unified identity and delegation (委托授权) ------------------------------------------------------------
BROKER_USCC=91310115MA1K3BRK0B
DEMO_PASSWORD=dev-demo-password

register() { # register USCC NAME KIND USER: registers the enterprise at central, signed with its key (once)
  local body_file code
  body_file=$(mktemp)
  printf '{"uscc":"%s","name":"%s","kind":"%s","users":[{"username":"%s","password":"%s"}]}' \
    "$1" "$2" "$3" "$4" "$DEMO_PASSWORD" > "$body_file"
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-SW-Signature: $(SIGNER=$1 sign "$body_file")" --data-binary @"$body_file" "$CENTRAL_URL/api/v1/enterprises")
  rm -f "$body_file"
  case "$code" in
    201) echo "  registered $1 ($3) with user $4" ;;
    409) echo "  $1 was registered before (registration is once, nationwide)" ;;
    *) echo "  registration of $1 failed: HTTP $code" >&2; exit 1 ;;
  esac
}

echo
echo "■ Unified identity: enterprises register once at central, signed with their certificate's key"
register "$SH_USCC" "上海某某进出口有限公司" TRADER acme-admin
register "$BROKER_USCC" "上海某某报关有限公司" BROKER broker-admin

echo
echo "■ Portal login at Shanghai through central (OpenID Connect, authorization code + PKCE), as acme-admin:"
jar=$(mktemp)
login_page=$(curl -sS -L -c "$jar" -b "$jar" "$SH_URL/portal/me")
csrf=$(printf '%s' "$login_page" | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
curl -sS -L -c "$jar" -b "$jar" --data-urlencode username=acme-admin --data-urlencode "password=$DEMO_PASSWORD" \
  --data-urlencode "_csrf=$csrf" "$CENTRAL_URL/login" | python3 -c '
import json, sys
me = json.load(sys.stdin)
print("  logged in at %s (%s) as %s, enterprise %s, roles %s" % (me["node"], me["nodeName"], me["username"],
      me["uscc"], ",".join(me["roles"])))'
rm -f "$jar"

echo
echo "■ Operators for the consoles (made by a central operator): central-ops at central, sh-ops at Shanghai"
OPS_TOKEN=$(token ops-central dev-ops-central-secret)
for operator in 'central-ops CENTRAL_OPERATOR' 'sh-ops NODE_OPERATOR 310000'; do
  set -- $operator
  code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $OPS_TOKEN" -H 'Content-Type: application/json' \
    --data "{\"username\":\"$1\",\"password\":\"$DEMO_PASSWORD\",\"role\":\"$2\"${3:+,\"province\":\"$3\"}}" \
    "$CENTRAL_URL/api/v1/users")
  case "$code" in
    201) echo "  $1 ($2) made" ;;
    409) echo "  $1 was made before" ;;
    *) echo "  making operator $1 failed: HTTP $code" >&2; exit 1 ;;
  esac
done

echo
echo "■ Delegation: $SH_USCC authorizes customs broker $BROKER_USCC for goods declarations for one day"
BROKER_TOKEN=$(token sh-broker dev-sh-broker-secret)
ACME_TOKEN=$(token sh-acme dev-sh-acme-secret)
delegation_file=$(mktemp)
# a signed identity request carries a fresh nonce and its issue time: central takes it once (a replay gets 409)
printf '{"principalUscc":"%s","brokerUscc":"%s","documentTypes":["GOODS_DECLARATION"],"validUntil":"%s","nonce":"%s","issuedAt":"%s"}' \
  "$SH_USCC" "$BROKER_USCC" "$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)" "$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$delegation_file"
delegation=$(curl -fsS -H "Authorization: Bearer $ACME_TOKEN" -H 'Content-Type: application/json' \
  -H "X-SW-Signature: $(SIGNER=$SH_USCC sign "$delegation_file")" --data-binary @"$delegation_file" \
  "$CENTRAL_URL/api/v1/delegations" | field "['id']")
rm -f "$delegation_file"
echo "  delegation $delegation in force"
by_broker=$(SIGNER=$BROKER_USCC submit "$SH_URL" "$BROKER_TOKEN" "" "$(declaration $SH_USCC "" 2201 no)")
final "$SH_URL" "$BROKER_TOKEN" "$by_broker" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("  broker submitted %s for %s (signed by the broker): %s" % (d["id"], d["declarantUscc"], d["status"]))
print("  declarant %s, submitted by %s" % (d["declarantUscc"], d["submittedBy"]))'
curl -fsS -X DELETE -H "Authorization: Bearer $ACME_TOKEN" "$CENTRAL_URL/api/v1/delegations/$delegation" \
  | python3 -c 'import json,sys; print("  %s revoked the delegation: %s" % (sys.argv[1], json.load(sys.stdin)["state"]))' "$SH_USCC"
refused_file=$(mktemp)
declaration $SH_USCC "" 2201 no > "$refused_file"
curl -sS -H "Authorization: Bearer $BROKER_TOKEN" -H 'Content-Type: application/json' \
  -H "X-SW-Signature: $(SIGNER=$BROKER_USCC sign "$refused_file")" --data-binary @"$refused_file" \
  "$SH_URL/api/v1/declarations" | python3 -c '
import json, sys
p = json.load(sys.stdin)
print("  the broker tries again at once: %s %s (%s)" % (p["status"], p["code"], p["detailZh"]))'
rm -f "$refused_file"

echo
echo "■ International gateway: eDelivery AS4 with Viet Nam's single window (the partner window simulator, $PARTNER_URL)"
echo "  Viet Nam sends an eCO (UBL CertificateOfOrigin), an ePhyto (UN/CEFACT SPSCertificate) and one badly signed eCO:"
for send in "document=eco" "document=ephyto" "document=eco&tamper=true"; do
  curl -fsS -X POST "$PARTNER_URL/control/send?$send" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("    %-24s certificate %-16s HTTP %s, %s" % (sys.argv[1], s["certificate"], s["httpStatus"],
      "signed receipt verified" if s["receiptValid"] else "refused: %s" % s["errorCode"]))' "$send"
done
echo "  every AS4 message at central (the Form E certificate of origin above goes to Viet Nam once customs issued it;"
echo "  partners' certificates go to GACC and its result goes back):"
for ((i = 0; i < 80; i++)); do
  as4=$(curl -fsS -H "Authorization: Bearer $OPS_TOKEN" "$CENTRAL_URL/api/v1/international/messages")
  echo "$as4" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
pending = [r for r in rows if r["status"] in ("PENDING", "RECEIVED")
           or (r["direction"] == "OUT" and r["document"] == "CERTIFICATE_OF_ORIGIN" and not r.get("resultStatus"))]
sys.exit(1 if pending or len(rows) < 5 else 0)' && break
  sleep 0.25
done
echo "$as4" | python3 -c '
import json, sys
for r in sorted(json.load(sys.stdin), key=lambda r: r["createdAt"]):
    print("    %-3s %-22s %-10s attempts %d  %s%s" % (r["direction"], r["document"], r["status"], r["attempts"],
          "result " + r["resultStatus"] if r.get("resultStatus") else "", "  conversation " + (r.get("conversationId") or "")))'

# ---- part 5: after the first submission: amendments, cancellations, attachments (docs/changes-and-attachments.md)
echo
echo "━━ Part 5: after the first submission: amend, cancel and attach, through the same window"

change() { # change KIND ID BODY_FILE SIGNATURE [QUERY] → POSTs an amendment or cancellation, prints "HTTP JSON"
  curl -sS -o /tmp/sw-demo-change.json -w '%{http_code}' -H "Authorization: Bearer $SH_TOKEN" \
    -H 'Content-Type: application/json' -H "X-SW-Signature: $4" --data-binary @"$3" \
    "$SH_URL/api/v1/declarations/$2/$1"
  echo " $(cat /tmp/sw-demo-change.json)"
}

settled() { # settled ID CHANGE_ID → waits (up to a minute) for the change's final state, prints one line
  local json i
  for ((i = 0; i < 120; i++)); do
    json=$(curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$1/changes/$2")
    [[ $(echo "$json" | field "['state']") =~ APPROVED|REFUSED ]] && break
    sleep 0.5
  done
  echo "$json" | python3 -c '
import json, sys
c = json.load(sys.stdin)
answers = ", ".join("%s %s%s" % (a["agency"], a["decision"], " [" + a["code"] + "]" if a.get("code") else "")
                    for a in c["answers"])
print("    %s%s: %s (%s)%s" % (c["kind"], (" version %d" % c["version"]) if c["version"] else "", c["state"],
      c.get("detail") or "", "; answers: " + answers if answers else ""))'
}

amend() { # amend ID REMARKS REASON_TEXT [EDOCS_JSON] → signs and asks for a new version with these remarks
  local doc body
  doc=$(mktemp); body=$(mktemp)
  curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)["document"]
d["data"]["remarks"] = sys.argv[1]
if sys.argv[2]:
    d["data"]["electronicDocuments"] = json.loads(sys.argv[2])
json.dump(d, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)' "$2" "${4:-}" "$doc"
  python3 -c '
import json, sys
json.dump({"reasonCode": "06", "reasonText": sys.argv[1], "document": json.load(open(sys.argv[2], encoding="utf-8"))},
          open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)' "$3" "$doc" "$body"
  change amendments "$1" "$body" "$(sign "$doc")"
  rm -f "$doc" "$body"
}

cancel() { # cancel ID REASON_TEXT → signs {declarationId, reasonCode, reasonText} and asks for a cancellation
  local signed body
  signed=$(mktemp); body=$(mktemp)
  python3 -c '
import json, sys
json.dump({"declarationId": sys.argv[1], "reasonCode": "05", "reasonText": sys.argv[2]}, open(sys.argv[3], "w",
          encoding="utf-8"), ensure_ascii=False)
json.dump({"reasonCode": "05", "reasonText": sys.argv[2]}, open(sys.argv[4], "w", encoding="utf-8"),
          ensure_ascii=False)' "$1" "$2" "$signed" "$body"
  SIGNER=$SH_USCC change cancellations "$1" "$body" "$(SIGNER=$SH_USCC sign "$signed")"
  rm -f "$signed" "$body"
}

change_id() { python3 -c 'import json; print(json.load(open("/tmp/sw-demo-change.json"))["id"])'; }

echo
echo "■ Two attachments uploaded (an invoice PDF and a contract PNG), named by their SM3 hash in a signed declaration:"
files=$(mktemp -d)
python3 - "$files" <<'PY'
import struct, sys, zlib
d = sys.argv[1]
body = b"BT /F1 12 Tf 72 720 Td (Commercial invoice ACME-2026-INV-7) Tj ET"
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
           b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"]
pdf, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(d + "/invoice.pdf", "wb").write(pdf)
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
raw = b"".join(b"\x00" + bytes([200, 30, 30]) * 4 for _ in range(4))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)) \
      + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(d + "/contract.png", "wb").write(png)
PY
upload() { # upload FILE TYPE CODE → the attachment's id
  curl -fsS -H "Authorization: Bearer $SH_TOKEN" -H "Content-Type: $2" --data-binary @"$1" \
    "$SH_URL/api/v1/attachments?code=$3&name=$(basename "$1")" | field "['id']"
}
invoice=$(upload "$files/invoice.pdf" application/pdf 00000001)
contract=$(upload "$files/contract.png" image/png 00000004)
echo "    invoice.pdf  00000001 发票  $invoice"
echo "    contract.png 00000004 合同  $contract"
edocs="[{\"id\": \"$invoice\", \"code\": \"00000001\", \"fileName\": \"invoice.pdf\"},
        {\"id\": \"$contract\", \"code\": \"00000004\", \"fileName\": \"contract.png\"}]"
with_files=$(declaration $SH_USCC "" 2201 yes | python3 -c '
import json, sys
d = json.load(sys.stdin)
d["data"]["electronicDocuments"] = json.loads(sys.argv[1])
print(json.dumps(d, ensure_ascii=False))' "$edocs")
e=$(submit "$SH_URL" "$SH_TOKEN" "" "$with_files")
final "$SH_URL" "$SH_TOKEN" "$e" > /dev/null
for ((i = 0; i < 60; i++)); do
  got=$(curl -fsS "$SIM_URL/__admin/requests/count" -d "{\"method\": \"POST\", \"urlPath\": \"/gacc/declarations/attachments\",
    \"headers\": {\"X-SW-Declaration-Id\": {\"equalTo\": \"$e\"}}}" | field "['count']")
  [[ "$got" == 2 ]] && break
  sleep 0.5
done
echo "    declaration $e: customs received $got file(s); licensing (contracts only) received" \
  "$(curl -fsS "$SIM_URL/__admin/requests/count" -d "{\"method\": \"POST\", \"urlPath\": \"/mofcom/licence-checks/attachments\",
    \"headers\": {\"X-SW-Declaration-Id\": {\"equalTo\": \"$e\"}}}" | field "['count']")"
echo "    the declarant downloads the invoice back: $(curl -fsS -H "Authorization: Bearer $SH_TOKEN" \
  "$SH_URL/api/v1/declarations/$e/attachments/$invoice" | sha256sum | cut -c1-16) (sha256) =" \
  "$(sha256sum < "$files/invoice.pdf" | cut -c1-16); another enterprise gets HTTP $(curl -s -o /dev/null -w '%{http_code}' \
  -H "Authorization: Bearer $GD_TOKEN" "$GD_URL/api/v1/declarations/$e/attachments/$invoice")"

echo
echo "■ An amendment customs approves (version 2 current), and one it refuses (SIM:AMEND-REFUSE):"
echo "    asked: HTTP $(amend "$e" "corrected gross weight" "录入差错 entry error" | cut -c1-3)"
settled "$e" "$(change_id)"
echo "    asked: HTTP $(amend "$e" "SIM:AMEND-REFUSE new consignee" "规格变化" | cut -c1-3)"
settled "$e" "$(change_id)"
curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$e/versions" | python3 -c '
import json, sys
for v in json.load(sys.stdin):
    print("    version %d %-8s sha256 %s…" % (v["version"], "current" if v["current"] else "", v["contentHash"][:16]))'

echo
echo "■ A cancellation after dispatch (customs holds the goods, SIM:HOLD): the agencies are asked and confirm:"
f=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "SIM:HOLD" 2201 yes)")
for ((i = 0; i < 60; i++)); do
  [[ $(curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$f" | field "['status']") == PROCESSING ]] && break
  sleep 0.5
done
echo "    asked: HTTP $(cancel "$f" "合同取消 contract void" | cut -c1-3)"
settled "$f" "$(change_id)"
echo "    status now: $(curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$f" | field "['status']")"

echo
if [[ -f "$PIDS/central.pid" ]]; then
  echo "■ A cancellation before dispatch: central is stopped, a declaration waits at Shanghai and is withdrawn at once;"
  echo "  when central is back nothing of it reaches central or an agency:"
  kill "$(cat "$PIDS/central.pid")"
  for ((i = 0; i < 120; i++)); do kill -0 "$(cat "$PIDS/central.pid")" 2>/dev/null || break; sleep 0.25; done
  g=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "" 2201 yes)")
  echo "    submitted $g while central is down; cancel → HTTP $(cancel "$g" "交易取消 deal off" | cut -c1-3)," \
    "status $(curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/declarations/$g" | field "['status']")"
  (cd "$ROOT" && launch central)
  wait_http "$CENTRAL_URL/actuator/health" 120 "central node"
  SH_TOKEN=$(token sh-acme dev-sh-acme-secret)
  OPS_TOKEN=$(token ops-central dev-ops-central-secret)
  h=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "" 2201 yes)")
  final "$SH_URL" "$SH_TOKEN" "$h" > /dev/null
  echo "    a later declaration $h completed; central asked for $g answers HTTP" \
    "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $OPS_TOKEN" "$CENTRAL_URL/api/v1/declarations/$g");" \
    "customs received $(curl -fsS "$SIM_URL/__admin/requests/count" -d "{\"method\": \"POST\",
      \"bodyPatterns\": [{\"contains\": \"$g\"}]}" | field "['count']") request(s) for it"
else
  echo "■ (a cancellation before dispatch is shown with one central only: it stops central for a moment; see"
  echo "  docs/changes-and-attachments.md)"
fi
rm -rf "$files"

echo
echo "■ Webhooks: $SH_USCC's ERP ($RECEIVER_URL) is told of its documents, signed with HMAC-SM3 and by the node (SM2):"
SH_TOKEN=$(token sh-acme dev-sh-acme-secret)
before=$(curl -fsS "$RECEIVER_URL/received")
hooks=()
for signing in HMAC_SM3 SM2; do
  created=$(curl -fsS -H "Authorization: Bearer $SH_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\": \"$RECEIVER_URL/hook\", \"events\": [\"STATUS\", \"RECEIPT\"], \"signing\": \"$signing\"}" \
    "$SH_URL/api/v1/subscriptions")
  hooks+=("$(echo "$created" | field "['id']")")
  [[ $signing == HMAC_SM3 ]] && secret=$(echo "$created" | field "['secret']")
done
w=$(submit "$SH_URL" "$SH_TOKEN" "" "$(declaration $SH_USCC "" 2201 yes)")
final "$SH_URL" "$SH_TOKEN" "$w" > /dev/null
for ((i = 0; i < 120; i++)); do # both endpoints have every event of the declaration
  pending=0
  for hook in "${hooks[@]}"; do
    pending=$((pending + $(curl -fsS -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/subscriptions/$hook/deliveries" \
      | python3 -c 'import json, sys; print(sum(d["state"] != "DELIVERED" for d in json.load(sys.stdin)))')))
  done
  [[ $pending == 0 ]] && break
  sleep 0.5
done
after=$(curl -fsS "$RECEIVER_URL/received")
valid=0 invalid=0
for ((n = before + 1; n <= after; n++)); do
  header() { sed -n "s/^$1: //p" "$DATA/receiver/$n.headers"; }
  grep -q "\"$w\"" "$DATA/receiver/$n.json" || continue
  if [[ $(header X-SW-Signature-Method) == HMAC-SM3 ]]; then
    check=(--secret "$secret")
  else
    check=(--root "$DATA/pki/ca.pem")
  fi
  if "$ROOT/deploy/webhook-verify.sh" "$(header X-SW-Timestamp)" "$DATA/receiver/$n.json" \
      "$(header X-SW-Webhook-Signature)" "${check[@]}" > /dev/null; then
    valid=$((valid + 1))
  else
    invalid=$((invalid + 1))
  fi
done
echo "  declaration $w: $valid deliveries to the receiver verified with deploy/webhook-verify.sh, $invalid not;"
echo "  the last: $(ls -t "$DATA/receiver"/*.json | head -1 | xargs cat)"
for hook in "${hooks[@]}"; do
  curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $SH_TOKEN" "$SH_URL/api/v1/subscriptions/$hook"
done

echo
echo "■ The audit chains (SM3), checked by each node's operators:"
for node in "310000 $SH_URL ops-310000" "440000 $GD_URL ops-440000" "central $CENTRAL_URL ops-central"; do
  set -- $node
  curl -fsS -H "Authorization: Bearer $(token "$3" "dev-$3-secret")" "$2/api/v1/audit/verify" | python3 -c '
import json, sys
v = json.load(sys.stdin)
print("  %-8s %4d records, head at %d: %s" % (v["node"], v["records"], v["headSeq"],
      "intact" if not v["problems"] else "%d problem(s)" % len(v["problems"])))'
done

echo
echo "In a browser (password $DEMO_PASSWORD): the Shanghai portal http://127.0.0.1:8631/ as acme-admin (sign and submit,"
echo "statistics, delegations), its console http://127.0.0.1:8631/console/ as sh-ops, and central's console"
echo "http://127.0.0.1:8600/console/ as central-ops (links to every ministry, dead letters to replay)."
