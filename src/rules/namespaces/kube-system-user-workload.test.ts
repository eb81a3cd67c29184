import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./kube-system-user-workload.js";

function inKubeSystem(o: Record<string, unknown>, name?: string): Record<string, unknown> {
  const metadata = o.metadata as Record<string, unknown>;
  return { ...o, metadata: { ...metadata, ...(name ? { name } : {}), namespace: "kube-system" } };
}

ruleTester(rule, {
  valid: [
    { name: "an application namespace", manifest: pod({ containers: [container()] }, { namespace: "shop" }) },
    { name: "unset namespace lands in default", manifest: deployment({ containers: [container()] }) },
    { name: "exempt name, as a case-insensitive substring", manifest: inKubeSystem(deployment({ containers: [container()] }), "CoreDNS-autoscaler") },
    {
      name: "control-plane static pod",
      manifest: pod({ containers: [container()] }, { name: "kube-apiserver-node1", namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } }),
    },
    { name: "addon-manager add-on", manifest: inKubeSystem({ ...deployment({ containers: [container()] }), metadata: { name: "dashboard", labels: { "addonmanager.kubernetes.io/mode": "Reconcile" } } }) },
    { name: "system-cluster-critical priority", manifest: inKubeSystem(deployment({ priorityClassName: "system-cluster-critical", containers: [container()] }), "cilium-operator") },
    { name: "a ConfigMap in kube-system is not a workload", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "kube-system" } } },
  ],
  invalid: [
    {
      name: "a Deployment in kube-system, with line",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reports\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n",
      errors: [{ messageId: "systemNamespace", path: "metadata.namespace", line: 5 }],
    },
    { name: "a Pod", manifest: inKubeSystem(pod({ containers: [container()] })), errors: [{ messageId: "systemNamespace", path: "metadata.namespace" }] },
    {
      name: "another configured system namespace",
      manifest: pod({ containers: [container()] }, { namespace: "kube-public" }),
      params: { systemNamespaces: ["kube-system", "kube-public"] },
      errors: [{ messageId: "systemNamespace", path: "metadata.namespace" }],
    },
  ],
});
