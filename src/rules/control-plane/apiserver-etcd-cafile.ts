import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.26.
export default defineRule({
  id: "apiserver-etcd-cafile",
  title: "API server does not verify etcd's certificate",
  rationale:
    "Without --etcd-cafile the API server does not verify the certificate etcd presents, so it would send the cluster's data to any server that answers on the etcd address.",
  attack:
    "An attacker who redirects or intercepts the connection to etcd impersonates it: they capture every object the API server writes, Secrets included, and feed it forged state.",
  remediation:
    "Add `--etcd-cafile=<CA that signed etcd's serving certificate>` to the kube-apiserver command.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379"]),
    secure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379", "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so it does not verify etcd's certificate",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["etcd-cafile"], missing: "missing" });
  },
});
