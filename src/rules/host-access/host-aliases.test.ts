import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./host-aliases.js";

ruleTester(rule, {
  valid: [
    { name: "no hostAliases", manifest: pod({ containers: [container()] }) },
    { name: "an empty list", manifest: deployment({ hostAliases: [], containers: [container()] }) },
    { name: "null", manifest: pod({ hostAliases: null, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "one entry, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostAliases:\n  - ip: 10.0.0.5\n    hostnames: [api.example]\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "hostAliases", path: "spec.hostAliases", line: 7 }],
    },
    {
      name: "CronJob with several entries",
      manifest: cronJob({ hostAliases: [{ ip: "127.0.0.1", hostnames: ["foo.local", "bar.local"] }, { ip: "10.1.2.3" }], containers: [container()] }),
      errors: [{ messageId: "hostAliases", path: "spec.jobTemplate.spec.template.spec.hostAliases" }],
    },
    {
      name: "a malformed value is not called safe",
      manifest: pod({ hostAliases: "10.0.0.5 api.example", containers: [container()] }),
      errors: [{ messageId: "hostAliases", path: "spec.hostAliases" }],
    },
  ],
});
