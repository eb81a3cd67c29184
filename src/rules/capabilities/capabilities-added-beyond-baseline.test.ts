import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./capabilities-added-beyond-baseline.js";

const add = (...caps: unknown[]) => withSc({ capabilities: { add: caps } });
const sc = "spec.containers[0].securityContext.capabilities";
const BASELINE = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no securityContext", manifest: pod({ containers: [container()] }) },
    { name: "every capability of the baseline set", manifest: pod({ containers: [add(...BASELINE)] }) },
    { name: "only drops", manifest: pod({ containers: [withSc({ capabilities: { drop: ["ALL", "SYS_ADMIN"] } })] }) },
    { name: "empty add list", manifest: pod({ containers: [add()] }) },
    { name: "add: null", manifest: pod({ containers: [withSc({ capabilities: { add: null } })] }) },
    { name: "capabilities is a string (wrong type)", manifest: pod({ containers: [withSc({ capabilities: "SYS_ADMIN" })] }) },
    { name: "securityContext is a list (wrong type)", manifest: pod({ containers: [container({ securityContext: ["x"] })] }) },
    { name: "non-string items are not capability names", manifest: pod({ containers: [add(5, null, { name: "SYS_ADMIN" })] }) },
    {
      name: "pod-level capabilities do not exist and are not inherited",
      manifest: pod({ securityContext: { capabilities: { add: ["SYS_ADMIN"] } }, containers: [container()] }),
    },
    { name: "allowedCapabilities parameter widens the set", manifest: pod({ containers: [add("NET_RAW")] }), params: { allowedCapabilities: [...BASELINE, "NET_RAW"] } },
    { name: "a ConfigMap is not a workload", manifest: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { add: "SYS_ADMIN" } } },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "notAllowed", path: `${sc}.add[0]`, container: "web", line: 11, column: 17 }],
    },
    {
      name: "NET_RAW is not in the baseline set",
      manifest: pod({ containers: [add("CHOWN", "NET_RAW")] }),
      errors: [{ messageId: "notAllowed", path: `${sc}.add[1]`, container: "app" }],
    },
    {
      name: "one finding per offending item",
      manifest: pod({ containers: [add("SYS_ADMIN", "KILL", "SYS_PTRACE", "ALL")] }),
      errors: [
        { messageId: "notAllowed", path: `${sc}.add[0]`, container: "app" },
        { messageId: "notAllowed", path: `${sc}.add[2]`, container: "app" },
        { messageId: "notAllowed", path: `${sc}.add[3]`, container: "app" },
      ],
    },
    {
      name: "PSA compares exactly: lower case, CAP_ prefix and spaces of allowed names are refused",
      manifest: pod({ containers: [add("chown", "CAP_KILL", " SETUID ")] }),
      errors: [
        { messageId: "spelling", path: `${sc}.add[0]`, container: "app" },
        { messageId: "spelling", path: `${sc}.add[1]`, container: "app" },
        { messageId: "spelling", path: `${sc}.add[2]`, container: "app" },
      ],
    },
    {
      name: "CAP_SYS_ADMIN and sys_admin are not allowed in any spelling",
      manifest: pod({ containers: [add("CAP_SYS_ADMIN", "sys_admin")] }),
      errors: [
        { messageId: "notAllowed", path: `${sc}.add[0]`, container: "app" },
        { messageId: "notAllowed", path: `${sc}.add[1]`, container: "app" },
      ],
    },
    {
      name: "add written as a single string (wrong type) is still read",
      manifest: pod({ containers: [withSc({ capabilities: { add: "SYS_ADMIN" } })] }),
      errors: [{ messageId: "notAllowed", path: `${sc}.add`, container: "app" }],
    },
    {
      name: "initContainers and ephemeralContainers of a Deployment",
      manifest: deployment({
        initContainers: [withSc({ capabilities: { add: ["NET_ADMIN"] } }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ capabilities: { add: ["SYS_PTRACE"] } }, "debug")],
      }),
      errors: [
        { messageId: "notAllowed", path: "spec.template.spec.initContainers[0].securityContext.capabilities.add[0]", container: "init" },
        { messageId: "notAllowed", path: "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [add("BPF")] }),
      errors: [{ messageId: "notAllowed", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]", container: "app" }],
    },
    {
      name: "Windows pods are not exempt from the baseline check",
      manifest: pod({ os: { name: "windows" }, containers: [add("NET_RAW")] }),
      errors: [{ messageId: "notAllowed", path: `${sc}.add[0]`, container: "app" }],
    },
    {
      name: "an old target version changes nothing (the check exists since 1.0)",
      manifest: pod({ containers: [add("NET_RAW")] }),
      kubeVersion: "1.19",
      errors: [{ messageId: "notAllowed", path: `${sc}.add[0]`, container: "app" }],
    },
  ],
});
