import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Resource } from "../model/resource.js";
import { tempTree } from "../testing/cli.js";
import { realKubectl } from "../testing/tools.js";
import { UsageError } from "../engine/errors.js";
import type { KustomizationDir } from "./files.js";
import { kustomizeRoots, renderKustomization } from "./kustomize.js";
import { type RenderOptions, type Rendered, ToolMissingError } from "./render.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/kustomize");

function dir(display: string, file = "kustomization.yaml", cwd = FIXTURES): KustomizationDir {
  return { display, absolute: path.join(cwd, display), file };
}

function options(extra: Partial<RenderOptions> = {}): RenderOptions {
  return { cwd: FIXTURES, kustomizeBin: realKubectl(), values: [], set: [], releaseName: "release", namespace: "default", kubeVersion: "1.35", ...extra };
}

/** 1-based line of the `n`th line of a fixture file that contains `needle`. */
function lineOf(file: string, needle: string, n = 1): number {
  const lines = readFileSync(path.join(FIXTURES, file), "utf8").split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === n) return i + 1;
  throw new Error(`${needle} not in ${file}`);
}

function find(r: Rendered, kind: string, name: string): Resource {
  const found = r.resources.find((x) => x.kind === kind && x.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in ${r.resources.map((x) => `${x.kind}/${x.name}`).join(", ")}`);
  return found;
}

const CONTAINER = ["spec", "template", "spec", "containers"] as const;

describe("kustomizeRoots", () => {
  it("bases and components are not roots; an overlay is", async () => {
    const dirs = [dir("shop/base"), dir("shop/components/debug"), dir("shop/overlays/prod")];
    expect(kustomizeRoots(dirs).map((d) => d.display)).toEqual(["shop/overlays/prod"]);
    const mapping = [dir("mapping/base"), dir("mapping/components/hostpid"), dir("mapping/overlays/staging")];
    expect(kustomizeRoots(mapping).map((d) => d.display)).toEqual(["mapping/overlays/staging"]);
  });

  it("a base scanned without its overlay is a root; `bases:` and a trailing slash also reference; an unparseable kustomization is a root", async () => {
    expect(kustomizeRoots([dir("shop/base")]).map((d) => d.display)).toEqual(["shop/base"]);
    const t = tempTree({
      "a/kustomization.yaml": "resources: [x.yaml]\n",
      "b/kustomization.yml": "bases:\n  - ../a/\n",
      "c/Kustomization": "resources: [\n",
      "d/kustomization.yaml": "resources:\n  - https://github.com/example/repo//base?ref=v1\n  - ../c\n",
    });
    const dirs = [dir("a", "kustomization.yaml", t), dir("b", "kustomization.yml", t), dir("c", "Kustomization", t), dir("d", "kustomization.yaml", t)];
    expect(kustomizeRoots(dirs).map((d) => d.display)).toEqual(["b", "d"]);
  });
});

describe("renderKustomization: shop/overlays/prod", () => {
  let r: Rendered;
  let web: Resource;
  beforeAll(async () => {
    r = await renderKustomization(dir("shop/overlays/prod"), options());
    web = find(r, "Deployment", "web");
  });

  it("renders the overlay's objects with the overlay's settings", async () => {
    expect(r.failed).toBe(false);
    expect(r.problems).toEqual([]);
    expect(r.resources.map((x) => `${x.kind}/${x.namespace}/${x.name}`).sort()).toEqual(["Deployment/shop/web", "Service/shop/web"]);
    expect(web.object).toMatchObject({ spec: { template: { spec: { hostNetwork: true, containers: [{ securityContext: { privileged: true, runAsNonRoot: true } }] } } } });
  });

  it("a value set by a strategic-merge patch points at the patch file and the key's line", async () => {
    const at = web.locate([...CONTAINER, 0, "securityContext", "privileged"]);
    expect(at).toMatchObject({ file: "shop/overlays/prod/privileged.yaml", line: lineOf("shop/overlays/prod/privileged.yaml", "privileged: true"), exact: true });
  });

  it("a value set by a JSON 6902 patch points at the op", async () => {
    const at = web.locate(["spec", "template", "spec", "hostNetwork"]);
    expect(at).toMatchObject({ file: "shop/overlays/prod/host-network.yaml", line: 1, column: 3 });
  });

  it("values of the base point at the base's lines, also where a patch only names the object or reaches into a map", async () => {
    const base = "shop/base/deployment.yaml";
    expect(web.source.file).toBe(base);
    expect(web.locate([...CONTAINER, 0, "securityContext", "runAsNonRoot"])).toMatchObject({ file: base, line: lineOf(base, "runAsNonRoot"), exact: true });
    expect(web.locate(["metadata", "name"])).toMatchObject({ file: base, line: 4 });
    expect(web.locate([...CONTAINER, 0, "name"])).toMatchObject({ file: base, line: lineOf(base, "- name: web") });
    expect(web.locate([...CONTAINER, 0, "securityContext"])).toMatchObject({ file: base, line: lineOf(base, "runAsNonRoot") });
    // not set anywhere: the nearest parent in the base
    expect(web.locate([...CONTAINER, 0, "securityContext", "readOnlyRootFilesystem"])).toMatchObject({ file: base, line: lineOf(base, "runAsNonRoot"), exact: false });
    expect(find(r, "Service", "web").locate(["spec", "ports", 0, "targetPort"])).toMatchObject({ file: "shop/base/service.yaml", line: 10 });
  });

  it("every position carries where it is in the rendered stream, the same stream `kubectl kustomize` prints", async () => {
    const at = web.locate([...CONTAINER, 0, "securityContext", "privileged"]);
    const plain = execFileSync(realKubectl(), ["kustomize", path.join(FIXTURES, "shop/overlays/prod")], { encoding: "utf8" });
    const docs = plain.split(/^---\n/m);
    const line = docs[at.rendered!.document]!.split("\n").findIndex((l) => l.includes("privileged: true")) + 1;
    const before = docs.slice(0, at.rendered!.document).reduce((n, d) => n + d.split("\n").length, 0);
    expect(at.rendered).toEqual({ tool: "kustomize", root: "shop/overlays/prod", document: 1, line: before + line, column: expect.any(Number) });
    expect(plain).not.toContain("config.kubernetes.io");
  });

  it("the origin annotations kustomize adds are gone before rules see the object", async () => {
    for (const x of r.resources) {
      expect(x.annotations()).toEqual({});
      expect(x.metadata.annotations).toBeUndefined();
    }
  });

  it("consumes the kustomizations, resources and patches it read, not the unreferenced component", async () => {
    const rel = r.consumed.map((f) => path.relative(FIXTURES, f)).sort();
    expect(rel).toEqual([
      "shop/base/deployment.yaml",
      "shop/base/kustomization.yaml",
      "shop/base/service.yaml",
      "shop/overlays/prod/host-network.yaml",
      "shop/overlays/prod/kustomization.yaml",
      "shop/overlays/prod/privileged.yaml",
    ]);
    expect(r.consumed.every((f) => path.isAbsolute(f))).toBe(true);
  });
});

describe("renderKustomization: mapping/overlays/staging (prefix, components, inline patches, generators)", () => {
  let r: Rendered;
  let api: Resource;
  const workloads = "mapping/base/workloads.yaml";
  const overlay = "mapping/overlays/staging/kustomization.yaml";
  beforeAll(async () => {
    r = await renderKustomization(dir("mapping/overlays/staging"), options());
    api = find(r, "Deployment", "staging-api");
  });

  it("keeps annotations the user wrote and drops kustomize's", async () => {
    expect(api.annotations()).toEqual({ team: "payments", "ignore.shipshape.io/default-namespace": "the namespace is given at deploy time" });
  });

  it("finds the object in a multi-document resource file despite the name prefix", async () => {
    expect(api.source).toMatchObject({ file: workloads, document: 1 });
    expect(find(r, "ServiceAccount", "staging-api").source).toMatchObject({ file: workloads, document: 0 });
    expect(api.locate(["metadata", "name"])).toMatchObject({ file: workloads, line: 9 });
  });

  it("list items are matched by name: a patch of the second container points at it, the first stays the base's", async () => {
    const names = (api.object.spec as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers.map((c) => c.name);
    const sidecar = names.indexOf("sidecar");
    const main = names.indexOf("api");
    expect(api.locate([...CONTAINER, sidecar, "securityContext", "capabilities", "add", 0])).toMatchObject({
      file: "mapping/overlays/staging/sidecar.yaml",
      line: lineOf("mapping/overlays/staging/sidecar.yaml", "SYS_ADMIN"),
    });
    expect(api.locate([...CONTAINER, main, "securityContext", "runAsNonRoot"])).toMatchObject({ file: workloads, line: lineOf(workloads, "runAsNonRoot") });
    expect(api.locate([...CONTAINER, sidecar, "image"])).toMatchObject({ file: workloads, line: lineOf(workloads, "sidecar:1.0.0") });
  });

  it("an inline JSON 6902 patch points at its op inside the kustomization", async () => {
    // The op addresses containers/0 after the strategic-merge patch put the sidecar first: kustomize sets it there.
    const containers = (api.object.spec as { template: { spec: { containers: { name: string; securityContext?: { runAsUser?: number } }[] } } }).template.spec.containers;
    expect(containers[0]).toMatchObject({ name: "sidecar", securityContext: { runAsUser: 0 } });
    expect(api.locate([...CONTAINER, 0, "securityContext", "runAsUser"])).toMatchObject({ file: overlay, line: lineOf(overlay, "- op: add"), column: 9 });
  });

  it("an inline strategic-merge patch of a component points at the key inside the component's kustomization", async () => {
    const component = "mapping/components/hostpid/kustomization.yaml";
    expect(api.locate(["spec", "template", "spec", "hostPID"])).toMatchObject({ file: component, line: lineOf(component, "hostPID: true"), column: 22 });
  });

  it("a generated ConfigMap points at its generator", async () => {
    const cm = r.resources.find((x) => x.kind === "ConfigMap")!;
    expect(cm.name).toMatch(/^staging-settings-/);
    expect(cm.source.file).toBe("mapping/base/kustomization.yaml");
    expect(cm.locate(["data", "LOG_LEVEL"])).toMatchObject({ file: "mapping/base/kustomization.yaml", line: lineOf("mapping/base/kustomization.yaml", "- name: settings") });
  });

  it("consumes patch files and the component, not a file nothing references", async () => {
    const rel = r.consumed.map((f) => path.relative(FIXTURES, f));
    expect(rel).toEqual(expect.arrayContaining(["mapping/overlays/staging/sidecar.yaml", "mapping/components/hostpid/kustomization.yaml", workloads, "mapping/base/kustomization.yaml", overlay]));
    expect(rel).not.toContain("mapping/overlays/staging/debug-pod.yaml");
  });
});

describe("renderKustomization: failures and binaries", () => {
  it("a root that does not build is a render-error on its kustomization, with kustomize's message", async () => {
    const r = await renderKustomization(dir("broken"), options());
    expect(r.failed).toBe(true);
    expect(r.resources).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ ruleId: "render-error", file: "broken/kustomization.yaml", line: 1 });
    expect(r.problems[0]!.message).toContain("missing.yaml");
    expect(r.problems[0]!.message).not.toContain("shipshape-kustomize-");
  });

  it("a wrong --kustomize-bin is a usage error; nothing on PATH is ToolMissingError", async () => {
    await expect(renderKustomization(dir("broken"), options({ kustomizeBin: "/does/not/exist" }))).rejects.toThrow(UsageError);
    const saved = process.env.PATH;
    process.env.PATH = "";
    try {
      await expect(renderKustomization(dir("broken"), options({ kustomizeBin: undefined }))).rejects.toThrow(ToolMissingError);
    } finally {
      process.env.PATH = saved;
    }
  });

  it("a binary named kustomize is run as `kustomize build`", async () => {
    const t = tempTree({});
    const bin = path.join(t, "kustomize");
    writeFileSync(bin, `#!/bin/sh\n[ "$1" = build ] || { echo "expected build, got $1" >&2; exit 1; }\nshift\nexec "${realKubectl()}" kustomize "$@"\n`);
    chmodSync(bin, 0o755);
    const r = await renderKustomization(dir("shop/overlays/prod"), options({ kustomizeBin: bin }));
    expect(r.failed).toBe(false);
    expect(r.resources).toHaveLength(2);
  });
});
