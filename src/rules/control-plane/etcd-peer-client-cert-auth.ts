import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.5. etcd --peer-client-cert-auth defaults to false; also read from ETCD_PEER_CLIENT_CERT_AUTH.
export default defineRule({
  id: "etcd-peer-client-cert-auth",
  title: "etcd does not require certificates from its peers",
  rationale:
    "etcd members replicate the full cluster state to each other over the peer port (2380). Unless " +
    "--peer-client-cert-auth=true is set, a member accepts peer connections without a certificate signed by the peer CA.",
  attack:
    "A host that can reach port 2380 of an etcd member talks to it as a peer: it can interfere with the cluster's " +
    "membership and consensus, and, with a member added, receive a full copy of every Secret.",
  remediation: "Add `--peer-client-cert-auth=true` and `--peer-trusted-ca-file=<peer CA>` to the etcd command of every member.",
  example: {
    insecure: staticPodYaml("etcd", ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"]),
    secure: staticPodYaml("etcd", ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key", "--peer-client-cert-auth=true", "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"]),
  },
  messages: {
    unset: "etcd in container '{{container}}' does not set --peer-client-cert-auth=true; peers connect without a certificate by default",
    value: "etcd in container '{{container}}' sets --peer-client-cert-auth={{value}}, so peers connect without a certificate",
  },
  check(ctx) {
    boolFlag(ctx, { component: "etcd", flag: "peer-client-cert-auth", want: true, defaultValue: false, unset: "unset", value: "value", skip: etcdConfiguredByFile });
  },
});
