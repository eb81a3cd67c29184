import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./drop-all-capabilities.js";

const caps = (c: object, name = "app") => withSc({ capabilities: c }, name);
const sc = "spec.containers[0].securityContext";
const dropAll = { drop: ["ALL"] };

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "drop ALL", manifest: pod({ containers: [caps(dropAll)] }) },
    { name: "drop ALL among others", manifest: pod({ containers: [caps({ drop: ["NET_RAW", "ALL"] })] }) },
    { name: "drop ALL and add NET_BIND_SERVICE", manifest: pod({ containers: [caps({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] })] }) },
    {
      name: "every kind of container drops ALL",
      manifest: pod({ initContainers: [caps(dropAll, "init")], containers: [caps(dropAll)], ephemeralContainers: [caps(dropAll, "debug")] }),
    },
    { name: "Windows pod is skipped from 1.25", manifest: pod({ os: { name: "windows" }, containers: [container()] }) },
    { name: "Windows pod is skipped at 1.25 exactly", manifest: pod({ os: { name: "windows" }, containers: [caps({ add: ["SYS_ADMIN"] })] }), kubeVersion: "1.25" },
    { name: "before 1.22 the restricted profile has no capabilities check", manifest: pod({ containers: [container()] }), kubeVersion: "1.21" },
    { name: "allowedAddedCapabilities parameter", manifest: pod({ containers: [caps({ drop: ["ALL"], add: ["CHOWN"] })] }), params: { allowedAddedCapabilities: ["NET_BIND_SERVICE", "CHOWN"] } },
    { name: "a Service is not a workload", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: {} } },
  ],
  invalid: [
    {
      name: "example insecure: nothing set, reported where drop would go",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "web", line: 7 }],
    },
    {
      name: "drop without ALL",
      manifest: pod({ containers: [caps({ drop: ["NET_RAW", "SYS_ADMIN"] })] }),
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "capabilities with add only",
      manifest: pod({ containers: [caps({ add: ["NET_BIND_SERVICE"] })] }),
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "drop written as a string \"ALL\" (wrong type) drops nothing",
      manifest: pod({ containers: [caps({ drop: "ALL" })] }),
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "lower-case all and CAP_ALL are not the exact ALL PSA wants",
      manifest: pod({ containers: [caps({ drop: ["all"] }, "a"), caps({ drop: ["NET_RAW", "CAP_ALL"] }, "b")] }),
      errors: [
        { messageId: "dropSpelling", path: `${sc}.capabilities.drop[0]`, container: "a" },
        { messageId: "dropSpelling", path: "spec.containers[1].securityContext.capabilities.drop[1]", container: "b" },
      ],
    },
    {
      name: "adds beyond NET_BIND_SERVICE, compared exactly",
      manifest: pod({ containers: [caps({ drop: ["ALL"], add: ["NET_BIND_SERVICE", "CHOWN", "net_bind_service", "CAP_NET_BIND_SERVICE"] })] }),
      errors: [1, 2, 3].map((i) => ({ messageId: "addNotAllowed", path: `${sc}.capabilities.add[${i}]`, container: "app" })),
    },
    {
      name: "missing drop and a forbidden add in one container",
      manifest: pod({ containers: [caps({ add: ["SYS_ADMIN"] })] }),
      errors: [
        { messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" },
        { messageId: "addNotAllowed", path: `${sc}.capabilities.add[0]`, container: "app" },
      ],
    },
    {
      name: "empty allowedAddedCapabilities allows no add at all",
      manifest: pod({ containers: [caps({ drop: ["ALL"], add: ["NET_BIND_SERVICE"] })] }),
      params: { allowedAddedCapabilities: [] },
      errors: [{ messageId: "addNotAllowed", path: `${sc}.capabilities.add[0]`, container: "app" }],
    },
    {
      name: "pod-level securityContext does not count (capabilities are container-only)",
      manifest: pod({ securityContext: { capabilities: dropAll }, containers: [container()] }),
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "init and ephemeral containers of a Deployment",
      manifest: deployment({ initContainers: [container({}, "init")], containers: [caps(dropAll)], ephemeralContainers: [container({}, "debug")] }),
      errors: [
        { messageId: "dropMissing", path: "spec.template.spec.initContainers[0].securityContext.capabilities.drop", container: "init" },
        { messageId: "dropMissing", path: "spec.template.spec.ephemeralContainers[0].securityContext.capabilities.drop", container: "debug" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [caps({ drop: [] })] }),
      errors: [{ messageId: "dropMissing", path: "spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "Windows pods are checked before 1.25",
      manifest: pod({ os: { name: "windows" }, containers: [container()] }),
      kubeVersion: "1.24",
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "os.name other than windows is not skipped",
      manifest: pod({ os: { name: "Windows" }, containers: [container()] }),
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
    {
      name: "checked from 1.22",
      manifest: pod({ containers: [container()] }),
      kubeVersion: "1.22",
      errors: [{ messageId: "dropMissing", path: `${sc}.capabilities.drop`, container: "app" }],
    },
  ],
});

describe("drop-all-capabilities fixes", () => {
  const fixOf = (c: object) => runRuleOn(rule, { name: "fix", manifest: pod({ containers: [c] }) })[0]?.fix;
  it("creates capabilities when there are none", () => {
    expect(fixOf(container())?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "capabilities"], value: { drop: ["ALL"] } }]);
  });
  it("appends ALL to an existing drop list", () => {
    expect(fixOf(caps({ drop: ["NET_RAW"] }))?.ops).toEqual([{ op: "append", path: ["spec", "containers", 0, "securityContext", "capabilities", "drop"], value: "ALL" }]);
  });
  it("sets drop when capabilities has none", () => {
    expect(fixOf(caps({ add: ["NET_BIND_SERVICE"] }))?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "capabilities", "drop"], value: ["ALL"] }]);
  });
  it("rewrites a misspelt all", () => {
    expect(fixOf(caps({ drop: ["all"] }))?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "securityContext", "capabilities", "drop", 0], value: "ALL" }]);
  });
  it("is never marked safe", () => {
    expect(fixOf(container())?.safety).toBe("unsafe");
  });
});
