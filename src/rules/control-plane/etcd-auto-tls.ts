import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.3. etcd --auto-tls defaults to false: only an explicit true is reported.
export default defineRule({
  id: "etcd-auto-tls",
  title: "etcd serves clients with a self-signed certificate",
  rationale:
    "With --auto-tls=true etcd generates a self-signed certificate for its client port when none is configured. Clients " +
    "cannot verify such a certificate, so they either skip verification or fail; the connection is encrypted but not authenticated.",
  attack: "An attacker on the network path impersonates etcd to the API server with a self-signed certificate of their own and reads or alters the cluster state in transit.",
  remediation: "Remove `--auto-tls=true` from the etcd command and configure a CA-signed certificate with --cert-file and --key-file.",
  example: {
    insecure: staticPodYaml("etcd", ["--auto-tls=true"]),
    secure: staticPodYaml("etcd", ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"]),
  },
  messages: {
    value: "etcd in container '{{container}}' sets --auto-tls={{value}}, serving clients with a self-signed certificate",
  },
  check(ctx) {
    boolFlag(ctx, { component: "etcd", flag: "auto-tls", want: false, defaultValue: false, value: "value", skip: etcdConfiguredByFile });
  },
});
