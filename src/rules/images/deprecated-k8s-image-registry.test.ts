import { describe, expect, it } from "vitest";
import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { runRuleOn, ruleTester } from "../../testing/rule-tester.js";
import rule from "./deprecated-k8s-image-registry.js";

ruleTester(rule, {
  valid: [
    { name: "registry.k8s.io", manifest: pod({ containers: [container({ image: "registry.k8s.io/pause:3.9" })] }) },
    { name: "docker.io image named like the registry", manifest: pod({ containers: [container({ image: "k8s.gcr.io" })] }) },
    { name: "a different gcr.io host", manifest: pod({ containers: [container({ image: "gcr.io/k8s-artifacts-prod/pause:3.9" })] }) },
    { name: "a host that only starts with it", manifest: pod({ containers: [container({ image: "k8s.gcr.io.mirror.example/pause:3.9" })] }) },
    { name: "image of the wrong type", manifest: pod({ containers: [{ name: "a", image: { repo: "k8s.gcr.io/pause" } }] }) },
  ],
  invalid: [
    {
      name: "k8s.gcr.io in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: pause\n      image: k8s.gcr.io/pause:3.2\n",
      errors: [{ messageId: "deprecated", path: "spec.containers[0].image", container: "pause", line: 8 }],
    },
    {
      name: "init and ephemeral containers, uppercase host",
      manifest: deployment({
        initContainers: [container({ image: "K8S.GCR.IO/busybox:1.24" }, "init")],
        containers: [container()],
        ephemeralContainers: [container({ image: "k8s.gcr.io/e2e-test-images/agnhost:2.39" }, "debug")],
      }),
      errors: [
        { messageId: "deprecated", path: "spec.template.spec.initContainers[0].image", container: "init" },
        { messageId: "deprecated", path: "spec.template.spec.ephemeralContainers[0].image", container: "debug" },
      ],
    },
    {
      name: "CronJob, with a templated tag",
      manifest: cronJob({ containers: [container({ image: "k8s.gcr.io/kubectl:{{ .Values.tag }}" })] }),
      errors: [{ messageId: "deprecated", path: "spec.jobTemplate.spec.template.spec.containers[0].image", container: "app" }],
    },
    {
      name: "a configured registry",
      manifest: pod({ containers: [container({ image: "quay.io/old-org/app:1" })] }),
      params: { deprecatedRegistries: ["k8s.gcr.io", "quay.io/old-org"] },
      errors: [{ messageId: "deprecated", path: "spec.containers[0].image", container: "app" }],
    },
  ],
});

describe("deprecated-k8s-image-registry fix", () => {
  it("rewrites the host and keeps the rest", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [container({ image: "k8s.gcr.io/ingress-nginx/controller:v1.1.1@sha256:" + "d".repeat(64) })] }) });
    expect(f?.fix?.ops).toEqual([{ op: "set", path: ["spec", "containers", 0, "image"], value: "registry.k8s.io/ingress-nginx/controller:v1.1.1@sha256:" + "d".repeat(64) }]);
    expect(f?.fix?.safety).toBe("unsafe");
  });
  it("offers no fix for registries it has no replacement for", () => {
    const [f] = runRuleOn(rule, { name: "x", manifest: pod({ containers: [container({ image: "quay.io/old-org/app:1" })] }), params: { deprecatedRegistries: ["quay.io/old-org"] } });
    expect(f?.fix).toBeUndefined();
  });
});
