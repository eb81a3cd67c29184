import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dangerous-capabilities.js";

const add = (...caps: unknown[]) => withSc({ capabilities: { add: caps } });
const sc = "spec.containers[0].securityContext.capabilities";

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no securityContext", manifest: pod({ containers: [container()] }) },
    { name: "baseline capabilities", manifest: pod({ containers: [add("CHOWN", "NET_BIND_SERVICE", "KILL")] }) },
    { name: "SYS_ADMIN and NET_RAW have their own rules", manifest: pod({ containers: [add("SYS_ADMIN", "NET_RAW")] }) },
    { name: "ALL in drop is the safe setting", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL"] } })] }) },
    { name: "parameter narrowed", manifest: pod({ containers: [add("NET_ADMIN")] }), params: { dangerousCapabilities: ["SYS_MODULE"] } },
    { name: "capabilities is a list (wrong type)", manifest: pod({ containers: [withSc({ capabilities: ["NET_ADMIN"] })] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "dangerous", path: `${sc}.add[0]`, container: "app", line: 11 }],
    },
    {
      name: "ALL in any spelling",
      manifest: pod({ containers: [add("ALL", "all", "CAP_ALL")] }),
      errors: [0, 1, 2].map((i) => ({ messageId: "all", path: `${sc}.add[${i}]`, container: "app" })),
    },
    {
      name: "each dangerous item once, in any spelling",
      manifest: pod({ containers: [add("NET_ADMIN", "CHOWN", "cap_sys_module", "Sys_Ptrace", "BPF", "PERFMON", "DAC_READ_SEARCH")] }),
      errors: [0, 2, 3, 4, 5, 6].map((i) => ({ messageId: "dangerous", path: `${sc}.add[${i}]`, container: "app" })),
    },
    {
      name: "parameter entries written with CAP_ prefix still match",
      manifest: pod({ containers: [add("SYS_TIME")] }),
      params: { dangerousCapabilities: ["CAP_SYS_TIME"] },
      errors: [{ messageId: "dangerous", path: `${sc}.add[0]`, container: "app" }],
    },
    {
      name: "initContainer and ephemeralContainer of a Deployment",
      manifest: deployment({
        initContainers: [withSc({ capabilities: { add: ["NET_ADMIN"] } }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ capabilities: { add: ["SYS_PTRACE"] } }, "debug")],
      }),
      errors: [
        { messageId: "dangerous", path: "spec.template.spec.initContainers[0].securityContext.capabilities.add[0]", container: "init" },
        { messageId: "dangerous", path: "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [add("SYS_MODULE")] }),
      errors: [{ messageId: "dangerous", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]", container: "app" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, containers: [add("NET_ADMIN")] }),
      errors: [{ messageId: "dangerous", path: `${sc}.add[0]`, container: "app" }],
    },
  ],
});
