import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./naked-pod.js";

ruleTester(rule, {
  valid: [
    { name: "a Deployment", manifest: deployment({ containers: [container()] }) },
    { name: "owned by a ReplicaSet", manifest: pod({ containers: [container()] }, { ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "rs", uid: "1" }] }) },
    { name: "Helm test hook", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "test" } }) },
    { name: "Helm pre-install hook", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "pre-install,pre-upgrade" } }) },
    { name: "mirror pod", manifest: pod({ containers: [container()] }, { annotations: { "kubernetes.io/config.mirror": "abc" } }) },
    { name: "kubeadm control-plane static pod", manifest: pod({ containers: [container()] }, { namespace: "kube-system", labels: { component: "kube-apiserver", tier: "control-plane" } }) },
    { name: "a Pod of another API group", manifest: { apiVersion: "example.com/v1", kind: "Pod", metadata: { name: "x" }, spec: {} } },
  ],
  invalid: [
    {
      name: "bare Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "naked", path: "kind", line: 2 }],
    },
    { name: "empty ownerReferences", manifest: pod({ containers: [container()] }, { ownerReferences: [] }), errors: [{ messageId: "naked", path: "kind" }] },
    {
      name: "control-plane label outside kube-system",
      manifest: pod({ containers: [container()] }, { namespace: "apps", labels: { tier: "control-plane" } }),
      errors: [{ messageId: "naked", path: "kind" }],
    },
  ],
});
