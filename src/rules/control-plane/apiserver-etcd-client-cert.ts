import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.23. Both flags must be given with a value.
export default defineRule({
  id: "apiserver-etcd-client-cert",
  title: "API server has no client certificate for etcd",
  rationale:
    "The API server authenticates to etcd with the certificate of --etcd-certfile and --etcd-keyfile. Without them it has no client certificate, so etcd can only work with it if it accepts clients without certificates, and then anyone who reaches etcd may read everything.",
  attack:
    "With etcd open to clients without certificates, an attacker who reaches port 2379 reads every Secret of the cluster or writes objects directly, bypassing the API server's authorization and admission.",
  remediation:
    "Issue a client certificate for the API server from etcd's CA, add `--etcd-certfile` and `--etcd-keyfile` to the kube-apiserver command, and require client certificates on etcd (--client-cert-auth=true).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379"]),
    secure: staticPodYaml("kube-apiserver", ["--etcd-servers=https://127.0.0.1:2379", "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so it does not authenticate to etcd with a client certificate",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["etcd-certfile", "etcd-keyfile"], missing: "missing" });
  },
});
