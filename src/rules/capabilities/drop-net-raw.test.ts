import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./drop-net-raw.js";

ruleTester(rule, {
  valid: [
    { name: "drops ALL", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"] } })] }) },
    { name: "drops NET_RAW", manifest: pod({ containers: [withSc({ capabilities: { drop: ["CHOWN", "NET_RAW"] } })] }) },
    { name: "runtime spellings: cap_net_raw and all", manifest: pod({ initContainers: [withSc({ capabilities: { drop: ["cap_net_raw"] } }, "init")], containers: [withSc({ capabilities: { drop: ["all"] } })] }) },
    { name: "Windows pods have no Linux capabilities", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "adding NET_RAW back is cap-net-raw-added's finding", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"], add: ["NET_RAW"] } })] }) },
  ],
  invalid: [
    {
      name: "no capabilities block at all, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "notDropped", path: "spec.containers[0].securityContext.capabilities.drop", container: "a", line: 7 }],
    },
    {
      name: "a null capabilities block (kube-linter's dont-fire case) drops nothing",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        securityContext:\n          capabilities:\n",
      errors: [{ messageId: "notDropped", path: "spec.template.spec.containers[0].securityContext.capabilities.drop", container: "app", line: 11 }],
    },
    {
      name: "adds NET_RAW without dropping it",
      manifest: deployment({ containers: [withSc({ capabilities: { add: ["NET_RAW"] } })] }),
      errors: [{ messageId: "notDropped", path: "spec.template.spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "drops other capabilities only",
      manifest: cronJob({ containers: [withSc({ capabilities: { drop: ["CHOWN"] } })] }),
      errors: [{ messageId: "notDropped", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "a string where the drop list belongs drops nothing; init and ephemeral containers",
      manifest: pod({
        initContainers: [container({}, "init")],
        containers: [withSc({ capabilities: { drop: "ALL" } })],
        ephemeralContainers: [container({}, "debug")],
      }),
      errors: [
        { messageId: "notDropped", path: "spec.initContainers[0].securityContext.capabilities.drop", container: "init" },
        { messageId: "notDropped", path: "spec.containers[0].securityContext.capabilities.drop", container: "app" },
        { messageId: "notDropped", path: "spec.ephemeralContainers[0].securityContext.capabilities.drop", container: "debug" },
      ],
    },
  ],
});
