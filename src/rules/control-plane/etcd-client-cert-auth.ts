import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.2. etcd --client-cert-auth defaults to false; also read from ETCD_CLIENT_CERT_AUTH.
export default defineRule({
  id: "etcd-client-cert-auth",
  title: "etcd does not require client certificates",
  rationale:
    "etcd holds the whole state of the cluster, every Secret included. Unless --client-cert-auth=true is set, etcd accepts " +
    "client connections without a certificate signed by its trusted CA, and with its default authentication off, " +
    "such a client may read and write every key.",
  attack:
    "Anyone who can open a connection to port 2379 (a pod with host networking, a compromised node, a misconfigured firewall) " +
    "dumps all Secrets with etcdctl, or writes objects directly into etcd, bypassing the API server's authentication, " +
    "authorization and admission control.",
  remediation:
    "Add `--client-cert-auth=true` and `--trusted-ca-file=<CA that signs the API server's etcd client certificate>` to the " +
    "etcd command, and give the API server a client certificate (--etcd-certfile and --etcd-keyfile).",
  example: {
    insecure: staticPodYaml("etcd", ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"]),
    secure: staticPodYaml("etcd", ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key", "--client-cert-auth=true", "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"]),
  },
  messages: {
    unset: "etcd in container '{{container}}' does not set --client-cert-auth=true; clients connect without a certificate by default",
    value: "etcd in container '{{container}}' sets --client-cert-auth={{value}}, so clients connect without a certificate",
  },
  check(ctx) {
    boolFlag(ctx, { component: "etcd", flag: "client-cert-auth", want: true, defaultValue: false, unset: "unset", value: "value", skip: etcdConfiguredByFile });
  },
});
