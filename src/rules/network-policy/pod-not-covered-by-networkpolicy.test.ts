import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./pod-not-covered-by-networkpolicy.js";

const netpol = (spec: object, metadata: object = {}): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "np", ...metadata },
  spec,
});
const web = pod({ containers: [container()] }, { labels: { app: "web" } });

ruleTester(rule, {
  valid: [
    { name: "a policy selects the pod labels", manifest: [web, netpol({ podSelector: { matchLabels: { app: "web" } } })] },
    { name: "an empty podSelector selects every pod of the namespace", manifest: [deployment({ containers: [container()] }), netpol({ podSelector: {} })] },
    { name: "a missing podSelector reads as {}", manifest: [web, netpol({ policyTypes: ["Ingress"] })] },
    {
      name: "matchExpressions select the pod",
      manifest: [web, netpol({ podSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["web", "api"] }] } })],
    },
    {
      name: "implicit policyTypes with egress rules still include Ingress",
      manifest: [web, netpol({ podSelector: {}, egress: [{ to: [{ podSelector: {} }] }] })],
    },
    {
      name: "policy and pod in the same explicit namespace",
      manifest: [pod({ containers: [container()] }, { namespace: "prod", labels: { app: "web" } }), netpol({ podSelector: {} }, { namespace: "prod" })],
    },
    { name: "host-network pods are out of NetworkPolicy's reach", manifest: pod({ hostNetwork: true, containers: [container()] }) },
    { name: "Helm test hook pods are not reported", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "test" } }) },
    {
      name: "a Cilium policy in the namespace may isolate the pod",
      manifest: [web, { apiVersion: "cilium.io/v2", kind: "CiliumNetworkPolicy", metadata: { name: "c" }, spec: { endpointSelector: {} } }],
    },
    {
      name: "a Calico GlobalNetworkPolicy may isolate every pod",
      manifest: [web, { apiVersion: "projectcalico.org/v3", kind: "GlobalNetworkPolicy", metadata: { name: "deny" }, spec: { selector: "all()" } }],
    },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { selector: { app: "web" } } } },
  ],
  invalid: [
    {
      name: "no NetworkPolicy at all",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "notSelected", path: "metadata.labels", line: 6 }],
    },
    {
      name: "the policy selects other labels",
      manifest: [web, netpol({ podSelector: { matchLabels: { app: "db" } } })],
      errors: [{ messageId: "notSelected", path: "metadata.labels", object: "Pod/p" }],
    },
    {
      name: "a policy of another namespace does not cover the pod",
      manifest: [web, netpol({ podSelector: {} }, { namespace: "other" })],
      errors: [{ messageId: "notSelected", path: "metadata.labels" }],
    },
    {
      name: "an egress-only policy leaves ingress open",
      manifest: [deployment({ containers: [container()] }), netpol({ podSelector: {}, policyTypes: ["Egress"] }, { name: "egress" })],
      errors: [{ messageId: "egressOnly", path: "spec.template.metadata.labels", object: "Deployment/d" }],
    },
    {
      name: "a CronJob without labels and a Calico policy of the same kind name in another namespace",
      manifest: [cronJob({ containers: [container()] }), { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "c", namespace: "x" }, spec: {} }],
      errors: [{ messageId: "notSelected", path: "spec.jobTemplate.spec.template.metadata.labels" }],
    },
    {
      name: "a Calico NetworkPolicy kind is not a Kubernetes NetworkPolicy, but it counts as CNI policy only in its own namespace",
      manifest: [web, { apiVersion: "crd.projectcalico.org/v1", kind: "NetworkPolicy", metadata: { name: "c", namespace: "other" }, spec: {} }],
      errors: [{ messageId: "notSelected", path: "metadata.labels" }],
    },
  ],
});
