import { posix } from "node:path";
import { defineRule } from "../../engine/rule-types.js";
import type { Inventory } from "../../engine/inventory.js";
import { flag, invocationOf, invocations } from "./_flags.js";
import { etcdConfiguredByFile } from "./_etcd.js";
import { staticPodYaml } from "./_pods.js";

// CIS 2.7. Compares etcd's --trusted-ca-file with the --client-ca-file of the kube-apiserver static Pods of the same
// scan (the manifests of one control-plane node, typically). Equal paths (after normalising) mean the same CA; the
// file contents cannot be compared from manifests, so a copy of the cluster CA under another path is not detected.
interface ClientCa {
  file: string;
  pod: string;
}

function apiserverClientCas(inventory: Inventory): ClientCa[] {
  return inventory.memo("control-plane/apiserver-client-ca", (inv) => {
    const out: ClientCa[] = [];
    for (const r of inv.ofKind("Pod")) {
      for (const c of inv.workloadOf(r)?.containers ?? []) {
        const a = invocationOf(c);
        if (a?.component !== "kube-apiserver") continue;
        const f = flag(a, "client-ca-file");
        if (f && f.known && f.value.trim() !== "") out.push({ file: posix.normalize(f.value.trim()), pod: `${r.kind}/${r.name}` });
      }
    }
    return out;
  });
}

export default defineRule({
  id: "etcd-unique-ca",
  title: "etcd trusts the cluster's client CA",
  rationale:
    "etcd should accept only the API server (and its own peers) as clients. If its --trusted-ca-file is the same CA the " +
    "API server uses for --client-ca-file, every client certificate issued for the cluster (to kubelets, administrators, " +
    "controllers) is also a valid etcd client certificate.",
  attack: "An attacker who obtains any cluster client certificate, for example a kubelet's from a compromised node, connects to etcd directly and reads every Secret, bypassing RBAC and the audit log.",
  remediation: "Give etcd its own CA (kubeadm: /etc/kubernetes/pki/etcd/ca.crt), issue the API server's etcd client certificate from it, and point etcd's `--trusted-ca-file` at it.",
  example: {
    insecure: `${staticPodYaml("kube-apiserver", ["--client-ca-file=/etc/kubernetes/pki/ca.crt"])}---\n${staticPodYaml("etcd", ["--client-cert-auth=true", "--trusted-ca-file=/etc/kubernetes/pki/ca.crt"])}`,
    secure: `${staticPodYaml("kube-apiserver", ["--client-ca-file=/etc/kubernetes/pki/ca.crt"])}---\n${staticPodYaml("etcd", ["--client-cert-auth=true", "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"])}`,
  },
  messages: {
    shared: "etcd in container '{{container}}' trusts {{file}}, the same CA that {{apiserver}} uses for client certificates, so any cluster client certificate can access etcd",
  },
  check(ctx) {
    const etcds = invocations(ctx, "etcd");
    if (etcds.length === 0) return;
    const cas = apiserverClientCas(ctx.inventory);
    for (const inv of etcds) {
      if (etcdConfiguredByFile(inv)) continue;
      const f = flag(inv, "trusted-ca-file");
      if (!f || !f.known || f.value.trim() === "") continue;
      const hit = cas.find((ca) => ca.file === posix.normalize(f.value.trim()));
      if (hit) ctx.report({ messageId: "shared", data: { container: inv.container.name, file: f.value.trim(), apiserver: hit.pod }, path: f.path, container: inv.container });
    }
  },
});
