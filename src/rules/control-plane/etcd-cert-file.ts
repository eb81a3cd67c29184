import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.1. Both --cert-file and --key-file (or ETCD_CERT_FILE / ETCD_KEY_FILE) must be set.
export default defineRule({
  id: "etcd-cert-file",
  title: "etcd client port without TLS",
  rationale:
    "Without --cert-file and --key-file, etcd serves its client port without a certificate of its own: over plain HTTP, " +
    "or with --auto-tls a self-signed certificate. The API server's traffic to etcd carries every object of the cluster, Secrets included.",
  attack: "Anyone who can observe traffic between the API server and etcd reads every Secret written or read, and can alter objects in transit.",
  remediation:
    "Give etcd a certificate signed by a CA the API server trusts: add `--cert-file=<server certificate>` and " +
    "`--key-file=<its key>` to the etcd command, use https:// client URLs, and set --etcd-cafile on the API server.",
  example: {
    insecure: staticPodYaml("etcd", ["--listen-client-urls=http://127.0.0.1:2379"]),
    secure: staticPodYaml("etcd", ["--listen-client-urls=https://127.0.0.1:2379", "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--key-file=/etc/kubernetes/pki/etcd/server.key"]),
  },
  messages: {
    missing: "etcd in container '{{container}}' does not set {{flags}}, so its client connections are not protected by a proper TLS certificate",
  },
  check(ctx) {
    requireFlags(ctx, { component: "etcd", flags: ["cert-file", "key-file"], missing: "missing", skip: etcdConfiguredByFile });
  },
});
