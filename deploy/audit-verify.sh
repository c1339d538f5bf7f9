#!/usr/bin/env bash
# Verifies a node's SM3 hash-chained audit log in its database; exit 0 intact, 1 altered/removed/reordered/cut,
# 2 unreadable. Usage:
#   deploy/audit-verify.sh <jdbc-url> [user] [password] [--root <ca.pem>]
# With --root (the federation's CA certificate) the checkpoints the node signed are checked too: a chain altered and
# recomputed by someone without the node's key no longer matches them.
# Local federation (stop it first: H2 files are single-process), e.g. Shanghai:
#   deploy/audit-verify.sh 'jdbc:h2:file:./data/local/310000/db/sw;MODE=MySQL;DATABASE_TO_LOWER=TRUE' sa
# A production node on MySQL: deploy/audit-verify.sh 'jdbc:mysql://db:3306/sw' auditor "$PASSWORD"
# A running node can also be checked by its operators: GET /api/v1/audit/verify.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
[[ $# -ge 1 ]] || { sed -n '2,11p' "$0" >&2; exit 2; }
run_tool org.singlewindow.tools.AuditVerify "$@"
