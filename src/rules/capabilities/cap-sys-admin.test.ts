import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cap-sys-admin.js";

const add = (...caps: unknown[]) => withSc({ capabilities: { add: caps } });
const sc = "spec.containers[0].securityContext.capabilities";

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no securityContext", manifest: pod({ containers: [container()] }) },
    { name: "other capabilities", manifest: pod({ containers: [add("NET_ADMIN", "CHOWN", "SYS_ADMINISTRATOR", "SYS")] }) },
    { name: "SYS_ADMIN dropped, not added", manifest: pod({ containers: [withSc({ capabilities: { drop: ["SYS_ADMIN"] } })] }) },
    { name: "ALL is dangerous-capabilities' concern, not this rule's", manifest: pod({ containers: [add("ALL")] }) },
    { name: "capabilities.add is a map (wrong type)", manifest: pod({ containers: [withSc({ capabilities: { add: { SYS_ADMIN: true } } })] }) },
    { name: "pod-level securityContext has no capabilities", manifest: pod({ securityContext: { capabilities: { add: ["SYS_ADMIN"] } }, containers: [container()] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "sysAdmin", path: `${sc}.add[0]`, container: "builder", line: 11 }],
    },
    {
      name: "every spelling: CAP_ prefix, lower case, mixed case, spaces",
      manifest: pod({ containers: [add("CAP_SYS_ADMIN", "sys_admin", "Cap_Sys_Admin", " SYS_ADMIN ", "KILL")] }),
      errors: [0, 1, 2, 3].map((i) => ({ messageId: "sysAdmin", path: `${sc}.add[${i}]`, container: "app" })),
    },
    {
      name: "single string instead of a list",
      manifest: pod({ containers: [withSc({ capabilities: { add: "SYS_ADMIN" } })] }),
      errors: [{ messageId: "sysAdmin", path: `${sc}.add`, container: "app" }],
    },
    {
      name: "initContainer and ephemeralContainer of a Deployment",
      manifest: deployment({
        initContainers: [withSc({ capabilities: { add: ["SYS_ADMIN"] } }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ capabilities: { add: ["cap_sys_admin"] } }, "debug")],
      }),
      errors: [
        { messageId: "sysAdmin", path: "spec.template.spec.initContainers[0].securityContext.capabilities.add[0]", container: "init" },
        { messageId: "sysAdmin", path: "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [add("SYS_ADMIN")] }),
      errors: [{ messageId: "sysAdmin", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]", container: "app" }],
    },
    {
      name: "Windows pods are reported too (PSA baseline does not skip them)",
      manifest: pod({ os: { name: "windows" }, containers: [add("SYS_ADMIN")] }),
      errors: [{ messageId: "sysAdmin", path: `${sc}.add[0]`, container: "app" }],
    },
  ],
});
