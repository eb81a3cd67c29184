import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./drop-any-capability.js";

ruleTester(rule, {
  valid: [
    { name: "drops ALL", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"] } })] }) },
    { name: "drops one capability", manifest: deployment({ initContainers: [withSc({ capabilities: { drop: ["NET_RAW"] } }, "init")], containers: [withSc({ capabilities: { drop: ["MKNOD"] } })] }) },
    { name: "Windows pod", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "no capabilities, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]\n",
      errors: [{ messageId: "noneDropped", path: "spec.containers[0].securityContext.capabilities.drop", container: "a", line: 11 }],
    },
    {
      name: "an empty drop list",
      manifest: cronJob({ containers: [withSc({ capabilities: { drop: [] } })] }),
      errors: [{ messageId: "noneDropped", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "a string instead of a list; ephemeral container without anything",
      manifest: pod({ containers: [withSc({ capabilities: { drop: "ALL" } })], ephemeralContainers: [container({}, "debug")] }),
      errors: [
        { messageId: "noneDropped", path: "spec.containers[0].securityContext.capabilities.drop", container: "app" },
        { messageId: "noneDropped", path: "spec.ephemeralContainers[0].securityContext.capabilities.drop", container: "debug" },
      ],
    },
  ],
});
