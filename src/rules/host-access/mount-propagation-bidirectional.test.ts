import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./mount-propagation-bidirectional.js";

const vol = [{ name: "mnt", hostPath: { path: "/mnt" } }];

ruleTester(rule, {
  valid: [
    { name: "no propagation", manifest: pod({ containers: [container({ volumeMounts: [{ name: "mnt", mountPath: "/mnt" }] })], volumes: vol }) },
    { name: "HostToContainer", manifest: deployment({ containers: [container({ volumeMounts: [{ name: "mnt", mountPath: "/mnt", mountPropagation: "HostToContainer" }] })], volumes: vol }) },
    { name: "None", manifest: pod({ containers: [container({ volumeMounts: [{ name: "mnt", mountPath: "/mnt", mountPropagation: "None" }] })], volumes: vol }) },
    { name: "volumeMounts of the wrong type", manifest: pod({ containers: [container({ volumeMounts: "mnt" })], volumes: vol }) },
  ],
  invalid: [
    {
      name: "privileged container with Bidirectional, with line",
      manifest:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: csi\n    image: x\n    securityContext:\n      privileged: true\n" +
        "    volumeMounts:\n    - name: mnt\n      mountPath: /mnt\n      mountPropagation: Bidirectional\n  volumes:\n  - name: mnt\n    hostPath:\n      path: /mnt\n",
      errors: [{ messageId: "bidirectional", path: "spec.containers[0].volumeMounts[0].mountPropagation", container: "csi", line: 14 }],
    },
    {
      name: "unprivileged container: the API server refuses it",
      manifest: cronJob({ containers: [container({ volumeMounts: [{ name: "mnt", mountPath: "/a" }, { name: "mnt", mountPath: "/b", mountPropagation: "Bidirectional" }] })], volumes: vol }),
      errors: [{ messageId: "bidirectionalUnprivileged", path: "spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[1].mountPropagation", container: "app" }],
    },
    {
      name: "init container in a Deployment",
      manifest: deployment({
        initContainers: [container({ securityContext: { privileged: true }, volumeMounts: [{ name: "mnt", mountPath: "/mnt", mountPropagation: "Bidirectional" }] }, "init")],
        containers: [container()],
        volumes: vol,
      }),
      errors: [{ messageId: "bidirectional", path: "spec.template.spec.initContainers[0].volumeMounts[0].mountPropagation", container: "init" }],
    },
  ],
});
