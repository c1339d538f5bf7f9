#!/usr/bin/env bash
# The federation PKI tool (SM2 keys, SM3withSM2 certificates, CRL, document signatures). Usage:
#   deploy/pki.sh init <dir> [seed]          local federation CA, CRL, node/agency/demo-enterprise certs (DEV ONLY:
#                                            keys derived from the seed, the same seed gives the same keys)
#   deploy/pki.sh ca <dir> [name] [years]    production root CA with a random key, and an empty CRL
#   deploy/pki.sh import-ca <dir> <ca.pem> <ca-key.pem>                       work with an existing CA
#   deploy/pki.sh issue <dir> <NODE|AGENCY|ENTERPRISE> <identifier> <name>   a new random key + certificate
#   deploy/pki.sh revoke <dir> <certificate.pem>                              add to the CRL (nodes re-read it)
#   deploy/pki.sh crl <dir>                                                   publish the CRL again (next update in 7
#                                                                            days; nodes refuse an expired CRL)
#   deploy/pki.sh sign <key.pem> <certificate.pem> <document.json>           Base64 signature for X-SW-Signature
#   deploy/pki.sh sign-xml <key.pem> <certificate.pem> <DecMessage.xml>      the XML with an enveloped XML-DSig
#   deploy/pki.sh as4 <dir> <party> <password>   central's AS4 identity (RSA 2048, self-signed, DEV ONLY): <party>.p12
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
[[ $# -ge 2 ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
run_tool org.singlewindow.tools.Pki "$@"
