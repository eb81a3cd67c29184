import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.27 and 1.2.28. Whether the configuration file uses a real provider (not only identity) cannot be seen from the manifest.
export default defineRule({
  id: "apiserver-encryption-provider-config",
  title: "Secrets are not encrypted at rest",
  rationale:
    "Without --encryption-provider-config the API server writes Secrets to etcd as plain (base64) data. Anyone with a copy of etcd's data directory or of an etcd backup reads every Secret.",
  attack:
    "An attacker who obtains an etcd snapshot (a backup bucket, a node disk, a volume snapshot) reads every password, token and key of the cluster without ever touching the API server.",
  remediation:
    "Write an EncryptionConfiguration that encrypts at least `secrets` with a KMS v2 provider (or aescbc/aesgcm/secretbox with a well-kept key), listed before `identity`, add `--encryption-provider-config=<file>` to the kube-apiserver command and rewrite existing Secrets so they get encrypted.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379"]),
    secure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379", "--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so Secrets are stored unencrypted in etcd",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["encryption-provider-config"], missing: "missing" });
  },
});
