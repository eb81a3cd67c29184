import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cap-net-raw-added.js";

const add = (...caps: unknown[]) => withSc({ capabilities: { add: caps } });
const sc = "spec.containers[0].securityContext.capabilities";

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no securityContext", manifest: pod({ containers: [container()] }) },
    { name: "other capabilities", manifest: pod({ containers: [add("NET_ADMIN", "NET_BIND_SERVICE", "NET_RAWX")] }) },
    { name: "NET_RAW dropped", manifest: pod({ containers: [withSc({ capabilities: { drop: ["NET_RAW"] } })] }) },
    { name: "add is a number (wrong type)", manifest: pod({ containers: [withSc({ capabilities: { add: 13 } })] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "netRaw", path: `${sc}.add[0]`, container: "probe", line: 11 }],
    },
    {
      name: "CAP_ prefix and lower case",
      manifest: pod({ containers: [add("CAP_NET_RAW", "net_raw", "CHOWN")] }),
      errors: [
        { messageId: "netRaw", path: `${sc}.add[0]`, container: "app" },
        { messageId: "netRaw", path: `${sc}.add[1]`, container: "app" },
      ],
    },
    {
      name: "initContainer and ephemeralContainer of a Deployment",
      manifest: deployment({
        initContainers: [withSc({ capabilities: { add: ["NET_RAW"] } }, "init")],
        containers: [container()],
        ephemeralContainers: [withSc({ capabilities: { add: ["NET_RAW"] } }, "debug")],
      }),
      errors: [
        { messageId: "netRaw", path: "spec.template.spec.initContainers[0].securityContext.capabilities.add[0]", container: "init" },
        { messageId: "netRaw", path: "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.add[0]", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [add("NET_RAW")] }),
      errors: [{ messageId: "netRaw", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.add[0]", container: "app" }],
    },
    {
      name: "Windows pod",
      manifest: pod({ os: { name: "windows" }, containers: [add("NET_RAW")] }),
      errors: [{ messageId: "netRaw", path: `${sc}.add[0]`, container: "app" }],
    },
  ],
});
