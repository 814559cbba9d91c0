#!/usr/bin/env bash
# Certificates for a remote Docker engine reached over mutual TLS (see the README, "Judge machines").
#
#   sandbox/make-certs.sh DIR HOST [HOST ...]
#
# makes in DIR (created if missing; files already there are kept, so a second run adds nothing):
#   ca.pem, ca-key.pem          a certificate authority of your own (keep ca-key.pem private)
#   server-cert.pem, server-key.pem   the judge machine's: dockerd --tlsverify --tlscacert ca.pem ...
#                               valid for every HOST given (names and IP addresses)
#   cert.pem, key.pem           the client's, which CodeArena presents (config.toml's [[engines]])
# Only a client certificate signed by this CA is let in; that is the engine's whole protection.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 DIR HOST [HOST ...]   (e.g. $0 certs/judge1 judge1.example.org 10.0.0.5)" >&2
    exit 2
fi
dir=$1
shift
mkdir -p "$dir"
cd "$dir"
umask 077
DAYS=${CERT_DAYS:-825}

# P-256 keys: as strong as RSA-3072 for TLS, and made in milliseconds.
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }

if [ ! -f ca.pem ]; then
    key ca-key.pem
    openssl req -new -x509 -days "$DAYS" -key ca-key.pem -sha256 -subj "/CN=CodeArena judge CA" -out ca.pem
fi

sans=""
for host in "$@"; do
    if [[ $host =~ ^[0-9.]+$ || $host == *:* ]]; then
        sans+="IP:$host,"
    else
        sans+="DNS:$host,"
    fi
done
sans=${sans%,}

if [ ! -f server-cert.pem ]; then
    key server-key.pem
    openssl req -new -key server-key.pem -subj "/CN=$1" -out server.csr
    printf 'subjectAltName = %s\nextendedKeyUsage = serverAuth\n' "$sans" >server-ext.cnf
    openssl x509 -req -days "$DAYS" -sha256 -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
        -extfile server-ext.cnf -out server-cert.pem 2>/dev/null
    rm -f server.csr server-ext.cnf
fi

if [ ! -f cert.pem ]; then
    key key.pem
    openssl req -new -key key.pem -subj "/CN=codearena" -out client.csr
    printf 'extendedKeyUsage = clientAuth\n' >client-ext.cnf
    openssl x509 -req -days "$DAYS" -sha256 -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
        -extfile client-ext.cnf -out cert.pem 2>/dev/null
    rm -f client.csr client-ext.cnf
fi
chmod 0444 ca.pem server-cert.pem cert.pem
chmod 0400 ca-key.pem server-key.pem key.pem
echo "certificates in $PWD: ca.pem; server-cert.pem server-key.pem (judge machine); cert.pem key.pem (CodeArena)"
