#!/usr/bin/env bash
# Makes the TLS material of a broker link (JDK keytool only): an EC P-256 key and self-signed certificate for the
# broker, valid for the given host names / IP addresses, in a PKCS#12 key store, and a PKCS#12 trust store holding
# that certificate for the nodes that dial the broker.
#   deploy/broker-tls.sh <dir> <host-or-ip> [more hosts...]
# Writes <dir>/broker.p12 (give it to the broker: sw.broker.tls.key-store), <dir>/broker.pem, <dir>/trust.p12 (give
# it to each province: sw.central.trust-store) and <dir>/passwords.env (mode 600). Passwords come from
# SW_KEY_STORE_PASSWORD / SW_TRUST_STORE_PASSWORD, or are made at random. With a CA of your own, import its
# certificate into trust.p12 instead and have it sign the broker's certificate (keytool -certreq / -gencert).
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
dir=$1; shift
umask 077
mkdir -p "$dir"
random() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
key_pass=${SW_KEY_STORE_PASSWORD:-$(random)}
trust_pass=${SW_TRUST_STORE_PASSWORD:-$(random)}
san=""
for host in "$@"; do
  if [[ $host =~ ^[0-9.]+$ || $host == *:* ]]; then san+="${san:+,}ip:$host"; else san+="${san:+,}dns:$host"; fi
done
rm -f "$dir/broker.p12" "$dir/trust.p12" "$dir/broker.pem"
keytool -genkeypair -alias broker -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -dname "CN=$1" \
  -ext "SAN=$san" -validity 825 -storetype PKCS12 -keystore "$dir/broker.p12" -storepass "$key_pass" \
  -keypass "$key_pass" 2>/dev/null
keytool -exportcert -alias broker -keystore "$dir/broker.p12" -storepass "$key_pass" -rfc -file "$dir/broker.pem" \
  2>/dev/null
keytool -importcert -noprompt -alias broker -file "$dir/broker.pem" -storetype PKCS12 -keystore "$dir/trust.p12" \
  -storepass "$trust_pass" 2>/dev/null
printf 'SW_KEY_STORE_PASSWORD=%s\nSW_TRUST_STORE_PASSWORD=%s\n' "$key_pass" "$trust_pass" > "$dir/passwords.env"
echo "broker key store $dir/broker.p12 and trust store $dir/trust.p12 for $*; passwords in $dir/passwords.env"
