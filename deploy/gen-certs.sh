#!/usr/bin/env bash
# Installs the webhook with a serving certificate made by openssl, for clusters without cert-manager:
#   1. a private CA (reused when OUT_DIR already holds ca.crt and ca.key, so renewals keep the caBundle
#      valid while pods pick up the new certificate),
#   2. a serving certificate for shipshape-webhook.shipshape.svc signed by it (ECDSA P-256, the Service's
#      DNS names as SANs, serverAuth only, valid --days, default 365),
#   3. the manifests of deploy/webhook plus the Secret shipshape-webhook-tls, with the CA written into the
#      ValidatingWebhookConfiguration's caBundle by a Kustomize patch, applied in one `kubectl apply` so
#      the webhook is never registered without a CA the API server can use.
#
# Usage: deploy/gen-certs.sh [--out-dir DIR] [--days N] [--manifests DIR] [--files-only | --render]
#   --out-dir DIR   keep the CA and certificates here (default: a new temporary folder; keep it private)
#   --manifests DIR the Kustomize root to install (default: deploy/webhook next to this script)
#   --files-only    only write the certificates
#   --render        print the manifests that would be applied (Secret included) instead of applying them
# Renew before --days run out by running it again with the same --out-dir: the kubelet updates the
# mounted Secret and the webhook reloads the certificate without a restart.
set -euo pipefail

namespace=shipshape
service=shipshape-webhook
secret=shipshape-webhook-tls
days=365
out_dir=""
mode=apply
manifests="$(cd "$(dirname "$0")" && pwd)/webhook"
kubectl="${KUBECTL:-kubectl}" # the kubectl binary (v1.27+ for kustomize patches)

while [ $# -gt 0 ]; do
  case "$1" in
    --days) days="$2"; shift 2 ;;
    --out-dir) out_dir="$2"; shift 2 ;;
    --manifests) manifests="$(cd "$2" && pwd)"; shift 2 ;;
    --files-only) mode=files; shift ;;
    --render) mode=render; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gen-certs.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ -z "$out_dir" ]; then
  out_dir="$(mktemp -d)"
fi
mkdir -p "$out_dir"
chmod 700 "$out_dir"
umask 077

dns="${service}.${namespace}.svc"

if [ ! -s "$out_dir/ca.key" ] || [ ! -s "$out_dir/ca.crt" ]; then
  # The CA outlives the serving certificates it signs (ten times --days).
  openssl ecparam -name prime256v1 -genkey -noout -out "$out_dir/ca.key"
  openssl req -x509 -new -key "$out_dir/ca.key" -sha256 -days "$((days * 10))" -subj "/CN=shipshape-webhook-ca" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$out_dir/ca.crt"
fi

openssl ecparam -name prime256v1 -genkey -noout -out "$out_dir/tls.key"
openssl req -new -key "$out_dir/tls.key" -subj "/CN=${dns}" -out "$out_dir/tls.csr"
cat > "$out_dir/ext.cnf" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:${service},DNS:${service}.${namespace},DNS:${dns},DNS:${dns}.cluster.local
EXT
openssl x509 -req -in "$out_dir/tls.csr" -CA "$out_dir/ca.crt" -CAkey "$out_dir/ca.key" -CAcreateserial \
  -sha256 -days "$days" -extfile "$out_dir/ext.cnf" -out "$out_dir/tls.crt" 2>/dev/null
openssl verify -CAfile "$out_dir/ca.crt" "$out_dir/tls.crt" >/dev/null
rm -f "$out_dir/tls.csr" "$out_dir/ext.cnf" "$out_dir/ca.srl"

echo "certificates in $out_dir (ca.crt, ca.key, tls.crt, tls.key) for ${dns}" >&2
if [ "$mode" = files ]; then
  exit 0
fi

# A Kustomize overlay in OUT_DIR: the manifests, the Secret, and the caBundle patch.
overlay="$out_dir/overlay"
mkdir -p "$overlay"
# Kustomize takes no absolute paths as resources: the manifests are linked in.
ln -sfn "$manifests" "$overlay/manifests"
"$kubectl" create secret tls "$secret" --namespace "$namespace" --cert "$out_dir/tls.crt" --key "$out_dir/tls.key" \
  --dry-run=client -o yaml > "$overlay/secret.yaml"
ca_bundle="$(base64 < "$out_dir/ca.crt" | tr -d '\n')"
cat > "$overlay/kustomization.yaml" <<KUST
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - manifests
  - secret.yaml
patches:
  - target:
      kind: ValidatingWebhookConfiguration
      name: shipshape
    patch: |-
      - op: add
        path: /webhooks/0/clientConfig/caBundle
        value: ${ca_bundle}
KUST

if [ "$mode" = render ]; then
  "$kubectl" kustomize "$overlay"
else
  "$kubectl" apply -k "$overlay"
fi
