// Helm rendering with the real helm binary: objects come back as ordinary resources whose positions are in the
// template a person edits (with the values key when the value came from values), never the rendered stream's.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../engine/errors.js";
import type { Resource } from "../model/resource.js";
import type { YamlPath } from "../model/types.js";
import { realHelm } from "../testing/tools.js";
import { TemplateIndex, renderHelmChart } from "./helm.js";
import type { Rendered, RenderOptions } from "./render.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SHOP = "test/fixtures/helm/shop-chart";
const CONTAINER: YamlPath = ["spec", "template", "spec", "containers", 0];

const options = (extra: Partial<RenderOptions> = {}): RenderOptions => ({
  cwd: ROOT,
  helmBin: realHelm(),
  values: [],
  set: [],
  releaseName: "release",
  namespace: "default",
  kubeVersion: "1.35",
  ...extra,
});
const render = (display: string, extra: Partial<RenderOptions> = {}, cwd = ROOT): Promise<Rendered> =>
  renderHelmChart({ display, absolute: path.resolve(cwd, display), kind: "helm-chart" }, options({ cwd, ...extra }));
const byName = (r: Rendered, kind: string, name: string): Resource => {
  const found = r.resources.find((x) => x.kind === kind && x.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${r.resources.map((x) => `${x.kind}/${x.name}`).join(", ")}`);
  return found;
};

describe("renderHelmChart (real helm)", () => {
  let plain: Rendered;
  let prod: Rendered;
  beforeAll(async () => {
    plain = await render(SHOP);
    prod = await render(SHOP, { values: [`${SHOP}/values-prod.yaml`] });
  });

  it("renders every template, the vendored subchart and the test hook, with the chart's name (not its folder's)", async () => {
    expect(plain.failed).toBe(false);
    expect(plain.problems).toEqual([]);
    expect(plain.documents).toBe(4);
    expect(plain.consumed).toEqual([]);
    expect(plain.resources.map((r) => [r.kind, r.name, r.source.file])).toEqual([
      ["Service", "release-shop", `${SHOP}/templates/service.yaml`],
      ["Deployment", "release-cache", `${SHOP}/charts/cache/templates/deployment.yaml`],
      ["Deployment", "release-shop", `${SHOP}/templates/deployment.yaml`],
      ["Pod", "release-shop-test-connection", `${SHOP}/templates/tests/test-connection.yaml`],
    ]);
    expect(byName(plain, "Pod", "release-shop-test-connection").annotations()["helm.sh/hook"]).toBe("test");
  });

  it("points a literal key at its line in the template, and says where it is in the rendered stream", async () => {
    const cache = byName(plain, "Deployment", "release-cache");
    const at = cache.locate([...CONTAINER, "securityContext", "privileged"]);
    expect(at).toMatchObject({ file: `${SHOP}/charts/cache/templates/deployment.yaml`, line: 18, column: 13, exact: true });
    expect(at.values).toBeUndefined();
    // document 1 of the stream starts after "---" and "# Source:"; privileged is 18 lines into the template
    expect(at.rendered).toEqual({ tool: "helm", root: SHOP, document: 1, line: 34, column: 25 });
    // the subchart's own values.yaml
    expect(cache.locate([...CONTAINER, "image"]).values).toEqual({ file: `${SHOP}/charts/cache/values.yaml`, key: "image", line: 1, column: 1 });
  });

  it("a value written with {{ .Values.x }} names the values key and its line", async () => {
    const at = byName(plain, "Deployment", "release-shop").locate(["spec", "template", "spec", "hostNetwork"]);
    expect(at).toMatchObject({ file: `${SHOP}/templates/deployment.yaml`, line: 17, column: 7, exact: true });
    expect(at.values).toEqual({ file: `${SHOP}/values.yaml`, key: "hostNetwork", line: 7, column: 1 });
  });

  it("a value inside toYaml .Values.x points at the key above it in the template and at the values key", async () => {
    const web = byName(plain, "Deployment", "release-shop");
    const at = web.locate([...CONTAINER, "securityContext", "allowPrivilegeEscalation"]);
    expect(at).toMatchObject({ file: `${SHOP}/templates/deployment.yaml`, line: 23, column: 11, exact: false });
    expect(at.values).toEqual({ file: `${SHOP}/values.yaml`, key: "web.securityContext.allowPrivilegeEscalation", line: 12, column: 5 });
    // a key the values do not set: the structure it would go into
    expect(web.locate([...CONTAINER, "securityContext", "readOnlyRootFilesystem"]).values).toEqual({
      file: `${SHOP}/values.yaml`,
      key: "web.securityContext",
      line: 11,
      column: 3,
    });
    // template lines inside a nested key do not make its parents "from values"
    expect(web.locate(["spec", "template", "spec", "automountServiceAccountToken"])).toMatchObject({ line: 16, exact: false });
    expect(web.locate(["spec", "template", "spec", "automountServiceAccountToken"]).values).toBeUndefined();
  });

  it("the last --values file that sets a key wins", async () => {
    const web = byName(prod, "Deployment", "release-shop");
    expect(web.object).toMatchObject({ spec: { template: { spec: { hostNetwork: true } } } });
    expect(web.locate(["spec", "template", "spec", "hostNetwork"]).values).toEqual({ file: `${SHOP}/values-prod.yaml`, key: "hostNetwork", line: 1, column: 1 });
    expect(web.locate([...CONTAINER, "securityContext", "capabilities", "add", 0]).values).toEqual({
      file: `${SHOP}/values-prod.yaml`,
      key: "web.securityContext.capabilities.add[0]",
      line: 8,
      column: 13,
    });
    // set in values.yaml only
    expect(web.locate([...CONTAINER, "ports", 0, "containerPort"])).toMatchObject({ line: 22, exact: true, values: { file: `${SHOP}/values.yaml`, key: "web.port", line: 10 } });
  });

  it("a value given with --set has no values file", async () => {
    const r = await render(SHOP, { set: ["hostNetwork=true"] });
    const web = byName(r, "Deployment", "release-shop");
    expect(web.object).toMatchObject({ spec: { template: { spec: { hostNetwork: true } } } });
    const at = web.locate(["spec", "template", "spec", "hostNetwork"]);
    expect(at).toMatchObject({ line: 17, exact: true });
    expect(at.values).toBeUndefined();
  });

  it("renders for the Kubernetes version asked (.Capabilities.KubeVersion)", async () => {
    const limits = (r: Rendered) => (byName(r, "Deployment", "release-shop").object as any).spec.template.spec.containers[0].resources;
    expect(limits(plain)).toEqual({ limits: { memory: "256Mi" } });
    const old = await render(SHOP, { kubeVersion: "1.32" });
    expect(limits(old)).toBeUndefined();
    // the template's resources block did not render: the finding goes to the container, not into the dead branch
    expect(byName(old, "Deployment", "release-shop").locate([...CONTAINER, "resources", "limits", "memory"])).toMatchObject({ line: 19, column: 9, exact: false });
    expect(byName(plain, "Deployment", "release-shop").locate([...CONTAINER, "resources", "limits", "memory"])).toMatchObject({ line: 28, column: 15, exact: true });
  });

  it("a chart that does not render is a render-error on its Chart.yaml with helm's message", async () => {
    const r = await render("test/fixtures/helm/broken-chart");
    expect(r.failed).toBe(true);
    expect(r.resources).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ ruleId: "render-error", severity: "high", file: "test/fixtures/helm/broken-chart/Chart.yaml", line: 1 });
    expect(r.problems[0]?.message).toContain("values.name is required");
    expect(r.problems[0]?.message).not.toContain("--debug");
  });

  it("a wrong --helm-bin and a missing --values file are usage errors", async () => {
    await expect(render(SHOP, { helmBin: "/does/not/exist/helm" })).rejects.toThrow(UsageError);
    await expect(render(SHOP, { helmBin: "/does/not/exist/helm" })).rejects.toThrow(/\/does\/not\/exist\/helm not found.*install Helm/);
    await expect(render(SHOP, { values: ["nope.yaml"] })).rejects.toThrow(/--values: nope.yaml not found/);
  });

  describe("packaged charts", () => {
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-helm-"));
      cpSync(path.join(ROOT, SHOP), path.join(dir, "parent"), { recursive: true });
      execFileSync(realHelm(), ["package", "parent/charts/cache", "-d", "parent/charts"], { cwd: dir, stdio: "ignore" });
      rmSync(path.join(dir, "parent/charts/cache"), { recursive: true });
      execFileSync(realHelm(), ["package", "parent", "-d", "."], { cwd: dir, stdio: "ignore" });
      // a chart archive holding charts/cache-0.1.0.tgz as it is, made with tar
      cpSync(path.join(dir, "parent"), path.join(dir, "shop"), { recursive: true });
      execFileSync("tar", ["-czf", "nested.tgz", "shop"], { cwd: dir });
      rmSync(path.join(dir, "shop"), { recursive: true });
      execFileSync("tar", ["-czf", "not-a-chart.tgz", "parent/values.yaml"], { cwd: dir });
      writeFileSync(path.join(dir, "garbage.tgz"), "not gzip at all");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("a subchart packaged as charts/<name>-<version>.tgz maps to the archive and the path inside it", async () => {
      const r = await render("parent", {}, dir);
      const cache = byName(r, "Deployment", "release-cache");
      expect(cache.source.file).toBe(path.join("parent", "charts", "cache-0.1.0.tgz"));
      expect(cache.locate([...CONTAINER, "securityContext", "privileged"])).toMatchObject({
        file: path.join("parent", "charts", "cache-0.1.0.tgz"),
        archivePath: "cache/templates/deployment.yaml",
        line: 18,
        column: 13,
        exact: true,
      });
      // its image comes from the archived values.yaml, which is not edited in place: no values origin
      expect(cache.locate([...CONTAINER, "image"]).values).toBeUndefined();
    });

    it("a packaged chart given as .tgz maps into the archive", async () => {
      const r = await render("shop-1.2.0.tgz", {}, dir);
      expect(r.failed).toBe(false);
      const web = byName(r, "Deployment", "release-shop");
      expect(web.locate(["spec", "template", "spec", "hostNetwork"])).toMatchObject({ file: "shop-1.2.0.tgz", archivePath: "shop/templates/deployment.yaml", line: 17 });
      const cache = byName(r, "Deployment", "release-cache");
      // helm package stores vendored subcharts as folders
      expect(cache.locate([...CONTAINER, "securityContext", "privileged"])).toMatchObject({
        file: "shop-1.2.0.tgz",
        archivePath: "shop/charts/cache/templates/deployment.yaml",
        line: 18,
      });
    });

    it("an archive inside an archive: the inner path goes through the inner archive's name", async () => {
      const r = await render("nested.tgz", {}, dir);
      expect(r.failed).toBe(false);
      const cache = byName(r, "Deployment", "release-cache");
      expect(cache.locate([...CONTAINER, "securityContext", "privileged"])).toMatchObject({
        file: "nested.tgz",
        archivePath: "shop/charts/cache-0.1.0.tgz/cache/templates/deployment.yaml",
        line: 18,
      });
    });

    it("a .tgz that is not a chart is not a Kubernetes input: nothing, and no error", async () => {
      for (const f of ["not-a-chart.tgz", "garbage.tgz"]) {
        expect(await render(f, {}, dir)).toEqual({ resources: [], problems: [], documents: 0, skipped: 0, consumed: [], failed: false });
      }
    });

    it("a template holding several documents: each object maps into its own document", async () => {
      const multi = path.join(dir, "multi");
      cpSync(path.join(ROOT, "test/fixtures/helm/broken-chart"), multi, { recursive: true });
      rmSync(path.join(multi, "templates"), { recursive: true });
      // helm writes the Service before the Deployment (install order); the template has them the other way round
      const both = `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: both
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:1
          securityContext:
            privileged: true
---
apiVersion: v1
kind: Service
metadata:
  name: both
spec:
  type: NodePort
`;
      mkdirSync(path.join(multi, "templates"));
      writeFileSync(path.join(multi, "templates", "both.yaml"), both);
      const r = await render("multi", {}, dir);
      expect(r.resources.map((x) => x.kind)).toEqual(["Service", "Deployment"]);
      expect(byName(r, "Service", "both").locate(["spec", "type"])).toMatchObject({ line: 20, column: 3, exact: true });
      expect(byName(r, "Service", "both").locate([])).toMatchObject({ line: 15, exact: true });
      expect(byName(r, "Deployment", "both").locate([...CONTAINER, "securityContext", "privileged"])).toMatchObject({ line: 13, exact: true });
      expect(byName(r, "Deployment", "both").locate(["spec", "type"])).toMatchObject({ line: 6, exact: false });
    });

    it("a subchart used under an alias is found, and its values sit under the alias in the parent", async () => {
      const aliased = path.join(dir, "aliased");
      cpSync(path.join(ROOT, SHOP), aliased, { recursive: true });
      writeFileSync(path.join(aliased, "Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n  - name: cache\n    version: 0.1.0\n    alias: redis\n");
      writeFileSync(path.join(aliased, "values.yaml"), `${readFileSync(path.join(ROOT, SHOP, "values.yaml"), "utf8")}redis:\n  image: redis:7.4\n`);
      const r = await render("aliased", {}, dir);
      expect(r.problems).toEqual([]);
      const cache = byName(r, "Deployment", "release-cache");
      expect(cache.source.file).toBe(path.join("aliased", "charts", "cache", "templates", "deployment.yaml"));
      expect(cache.locate([...CONTAINER, "image"])).toMatchObject({ line: 16, exact: true, values: { file: path.join("aliased", "values.yaml"), key: "redis.image", line: 19, column: 3 } });
    });
  });
});

describe("TemplateIndex", () => {
  const TEMPLATE = `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
      - name: a
        image: x
      - name: b
        securityContext:
          privileged: {{ .Values.b.privileged }}
        ports:
          - containerPort: 80
{{- end }}
`;
  const index = new TemplateIndex(TEMPLATE);

  it("follows the path's keys down with their indentation, list items by position", async () => {
    expect(index.locate([])).toMatchObject({ line: 2, column: 1, exact: true });
    expect(index.locate(["spec", "template", "spec", "containers", 1, "securityContext", "privileged"])).toMatchObject({
      line: 16,
      column: 11,
      exact: true,
      valuesRef: ["b", "privileged"],
      rest: [],
    });
    expect(index.locate(["spec", "template", "spec", "containers", 0, "image"])).toMatchObject({ line: 13, column: 9, exact: true });
    expect(index.locate(["spec", "template", "spec", "containers", 1, "ports", 0, "containerPort"])).toMatchObject({ line: 18, column: 13, exact: true });
  });

  it("stops at the nearest key that is in the template", async () => {
    // the pod-level securityContext is not confused with the container's
    expect(index.locate(["spec", "template", "spec", "securityContext", "runAsUser"])).toMatchObject({
      line: 8,
      column: 7,
      exact: false,
      valuesRef: ["podSecurityContext"],
      rest: ["runAsUser"],
    });
    expect(index.locate(["spec", "template", "spec", "containers", 0, "securityContext", "privileged"])).toMatchObject({ line: 12, exact: false });
    expect(index.locate(["spec", "template", "spec", "containers", 5, "image"])).toMatchObject({ line: 11, exact: false });
    expect(index.locate(["metadata", "name"])).toMatchObject({ line: 2, column: 1, exact: false });
  });
});
