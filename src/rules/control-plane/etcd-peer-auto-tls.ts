import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.6. etcd --peer-auto-tls defaults to false: only an explicit true is reported.
export default defineRule({
  id: "etcd-peer-auto-tls",
  title: "etcd members use self-signed peer certificates",
  rationale:
    "With --peer-auto-tls=true etcd generates a self-signed certificate for the peer port. Members cannot verify each " +
    "other's identity with such certificates, so replication traffic is encrypted but not authenticated.",
  attack: "A host on the network between members impersonates a peer and receives the replicated cluster state, Secrets included.",
  remediation: "Remove `--peer-auto-tls=true` from the etcd command and configure CA-signed peer certificates (--peer-cert-file, --peer-key-file, --peer-trusted-ca-file).",
  example: {
    insecure: staticPodYaml("etcd", ["--peer-auto-tls=true"]),
    secure: staticPodYaml("etcd", ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"]),
  },
  messages: {
    value: "etcd in container '{{container}}' sets --peer-auto-tls={{value}}, using self-signed peer certificates",
  },
  check(ctx) {
    boolFlag(ctx, { component: "etcd", flag: "peer-auto-tls", want: false, defaultValue: false, value: "value", skip: etcdConfiguredByFile });
  },
});
