import { isHelmTestHook } from "../../model/helm.js";
import { defineRule } from "../../engine/rule-types.js";
import { networkPolicyIndex } from "../../model/network-policy.js";
import { serviceIndex } from "../../model/services.js";

// Reports a workload whose pods are not isolated for ingress: no Kubernetes NetworkPolicy of its namespace
// with the Ingress type (explicit, or implied when policyTypes is absent) selects its pod labels. An empty
// podSelector selects every pod of the namespace. Pods isolated for ingress but not for egress are not
// reported (kube-linter's non-isolated-pod agrees; many teams deliberately leave egress open).
// Silent where the model cannot decide: pods on the host network (NetworkPolicies do not apply to them; the
// host-network rule reports those), Helm test hook Pods, and namespaces where CNI-specific policies
// (Cilium, Calico, Antrea) or cluster-wide policies are in the scan.
export default defineRule({
  id: "pod-not-covered-by-networkpolicy",
  title: "Pod not isolated by a NetworkPolicy",
  rationale:
    "Kubernetes lets every pod talk to every other pod by default. Only when a NetworkPolicy selects a pod does it " +
    "start refusing traffic that the policy does not allow. A workload that no policy selects is open to every pod " +
    "of the cluster, whichever team or tenant runs it, and usually to the cluster's nodes as well.",
  attack:
    "An attacker who compromises any pod (a vulnerable web app, a malicious image) scans the pod network and reaches " +
    "this workload's ports directly: an admin API without authentication, a database, a metrics endpoint that leaks " +
    "secrets. Without isolation, one foothold becomes lateral movement across the cluster.",
  remediation:
    "Add a NetworkPolicy in the workload's namespace whose podSelector matches its pod labels and that allows only " +
    "the clients it needs (a common start is a namespace-wide default deny with `podSelector: {}` plus one allow " +
    "policy per workload). Make sure the cluster's network plugin enforces NetworkPolicies.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example/api:1.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example/api:1.0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  podSelector:
    matchLabels: {app: api}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: frontend}
`,
  },
  messages: {
    notSelected:
      "No NetworkPolicy in namespace '{{namespace}}' selects the pods of {{kind}} '{{name}}': they accept traffic from any pod and can connect anywhere",
    egressOnly:
      "Only egress NetworkPolicies ({{policies}}) select the pods of {{kind}} '{{name}}': they still accept traffic from any pod",
  },
  check(ctx) {
    const template = serviceIndex(ctx.inventory).template(ctx.resource);
    if (!template || template.hostNetwork) return;
    if (isHelmTestHook(ctx.resource)) return;
    const policies = networkPolicyIndex(ctx.inventory);
    if (policies.hasUnevaluatedPolicies(template.namespace)) return;
    const selecting = policies.selectingTemplate(template);
    if (selecting.some((p) => p.types.has("Ingress"))) return;
    const data = { namespace: template.namespace, kind: ctx.resource.kind, name: ctx.resource.name };
    if (selecting.length === 0) {
      ctx.report({ messageId: "notSelected", data, path: template.labelsPath });
    } else {
      ctx.report({ messageId: "egressOnly", data: { ...data, policies: selecting.map((p) => p.name).join(", ") }, path: template.labelsPath });
    }
  },
});
