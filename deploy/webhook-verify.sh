#!/usr/bin/env bash
# Checks a webhook delivery as its receiver would (exit 0 valid, 1 not, 2 usage). Usage:
#   deploy/webhook-verify.sh <X-SW-Timestamp> <body file> <X-SW-Webhook-Signature> --secret <secret>   # HMAC-SM3
#   deploy/webhook-verify.sh <X-SW-Timestamp> <body file> <X-SW-Webhook-Signature> --root <ca.pem>     # SM2
# The signed content is "<timestamp>.<body>"; SM2 signatures are the province node's, under the federation's CA
# (the local federation's: data/local/pki/ca.pem). docs/webhooks.md has the headers.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
[[ $# -eq 5 ]] || { sed -n '2,6p' "$0" >&2; exit 2; }
run_tool org.singlewindow.tools.WebhookVerify "$@"
