import { defineRule } from "../../engine/rule-types.js";
import { hits, kindOf, resourcePath, reviewedRole, through } from "./_rbac.js";

// create, update or patch on core configmaps. Rules limited by resourceNames (typically a component's own
// leader-election or state ConfigMap) are reported only when they name a ConfigMap the cluster itself depends on.
const SENSITIVE = new Set(["aws-auth", "coredns", "kube-proxy", "kubeadm-config", "kubelet-config", "cluster-info", "extension-apiserver-authentication", "kube-root-ca.crt"]);

export default defineRule({
  id: "rbac-manage-configmaps",
  title: "Write access to ConfigMaps",
  rationale:
    "Some ConfigMaps steer the cluster itself: kube-system/coredns decides where names resolve, kube-system/aws-auth maps cloud " +
    "identities to Kubernetes users and groups on EKS, kube-proxy's configures service routing. Applications also read their " +
    "configuration, sometimes scripts, from ConfigMaps. Write access to them is a way to move from one compromised component to others.",
  attack:
    "An attacker with the role adds their cloud role to aws-auth as system:masters, rewrites CoreDNS to send a service's name to " +
    "their own pod and collect its traffic, or changes an application's ConfigMap to load their code at the next restart.",
  remediation:
    "Grant write access to ConfigMaps only to the components that own them, in their namespace, and limit update/patch to the " +
    "ConfigMaps they own with `resourceNames`. Keep kube-system write access for cluster administrators.",
  example: {
    insecure: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: config-sync
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "update", "patch"]
`,
    secure: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-sync
  namespace: app
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    resourceNames: ["app-settings"]
    verbs: ["get", "update", "patch"]
`,
  },
  messages: {
    writeConfigMaps: "The {{kind}} allows {{verbs}} on ConfigMaps{{names}}{{through}}: its holders can change the configuration that components in scope load",
  },
  check(ctx) {
    const r = reviewedRole(ctx);
    if (!r) return;
    const want = {
      verbs: ["create", "update", "patch"],
      targets: [{ group: "", resource: "configmaps" }],
      restricted: (names: readonly string[]) => names.some((n) => SENSITIVE.has(n)),
    };
    for (const h of hits(r.role, want)) {
      const names = h.rule.restricted ? ` (named ${h.rule.resourceNames.join(", ")})` : "";
      ctx.report({ messageId: "writeConfigMaps", data: { kind: kindOf(r.role), verbs: h.verbs.join(", "), names, through: through(h) }, path: resourcePath(h) });
    }
  },
});
