import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadManifestText } from "../loaders/manifest.js";
import { findWorkload } from "./workload.js";

const load = (o: object) => loadManifestText(stringify(o), "w.yaml").resources[0]!;
const podSpec = { containers: [{ name: "a", image: "x" }] };

describe("findWorkload", () => {
  it.each([
    ["v1", "Pod", { spec: podSpec }, "spec"],
    ["apps/v1", "Deployment", { spec: { template: { spec: podSpec } } }, "spec.template.spec"],
    ["batch/v1", "CronJob", { spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } }, "spec.jobTemplate.spec.template.spec"],
    ["argoproj.io/v1alpha1", "Rollout", { spec: { template: { spec: podSpec } } }, "spec.template.spec"],
    ["keda.sh/v1alpha1", "ScaledJob", { spec: { jobTargetRef: { template: { spec: podSpec } } } }, "spec.jobTargetRef.template.spec"],
    ["v1", "PodTemplate", { template: { spec: podSpec } }, "template.spec"],
    ["example.com/v1", "Whatever", { spec: { template: { spec: podSpec } } }, "spec.template.spec"],
    // known kinds are workloads even before containers are written
    ["apps/v1", "Deployment", { spec: { template: { spec: { hostIPC: true } } } }, "spec.template.spec"],
    ["apps.openshift.io/v1", "DeploymentConfig", { spec: { template: { spec: { hostPID: true } } } }, "spec.template.spec"],
  ])("%s %s has its pod spec at %s", (apiVersion, kind, rest, where) => {
    const w = findWorkload(load({ apiVersion, kind, metadata: { name: "n" }, ...rest }));
    expect(w?.podSpecPath.join(".")).toBe(where);
  });

  it.each([
    ["an Argo CD ApplicationSet", "argoproj.io/v1alpha1", "ApplicationSet", { spec: { template: { spec: { project: "x" } } } }],
    ["a custom resource whose template has no containers list", "example.com/v1", "Thing", { spec: { template: { spec: { containers: "x" } } } }],
    ["a Service", "v1", "Service", { spec: { selector: {} } }],
    ["a Pod with a broken spec", "v1", "Pod", { spec: "oops" }],
  ])("%s is not a workload", (_, apiVersion, kind, rest) => {
    expect(findWorkload(load({ apiVersion, kind, metadata: { name: "n" }, ...rest }))).toBeUndefined();
  });

  it("lists init, regular and ephemeral containers and resolves inherited settings", () => {
    const w = findWorkload(load({
      apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000 },
        initContainers: [{ name: "i", securityContext: { runAsUser: 0 } }],
        containers: [{ name: "c" }, "not a container"],
        ephemeralContainers: [{ name: "e", securityContext: { runAsNonRoot: false } }],
      },
    }))!;
    expect(w.containers.map((c) => `${c.type}/${c.name}`)).toEqual(["initContainers/i", "containers/c", "ephemeralContainers/e"]);
    const [i, c, e] = w.containers;
    expect(i!.effective("runAsUser")).toMatchObject({ value: 0, from: "container" });
    expect(c!.effective("runAsUser")).toMatchObject({ value: 1000, from: "pod", path: ["spec", "securityContext", "runAsUser"] });
    expect(e!.effective("runAsNonRoot")).toMatchObject({ value: false, from: "container" });
    expect(c!.effective("seccompProfile")).toMatchObject({ value: undefined, from: "unset", path: ["spec", "containers", 0, "securityContext", "seccompProfile"] });
  });
});
