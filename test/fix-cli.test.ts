// `shipshape fix` end to end, in-process: safe fixes by default, --unsafe, --dry-run, rule selection,
// --interactive, odd inputs (JSON, List, several documents, CRLF), rounds that converge, the examples, and rendered
// objects (Kustomize patches, Helm hints) whose files are never edited.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import type { Io } from "../src/cli/output.js";
import { runCli, tempTree } from "../src/testing/cli.js";
import { realHelm, realKubectl } from "../src/testing/tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");

interface Json {
  [k: string]: any;
}

const fix = (dir: string, ...args: string[]) => runCli(["fix", "--no-config", ...args], dir);

async function scanJson(dir: string, ...args: string[]): Promise<Json[]> {
  const r = await runCli(["scan", "--no-config", "--format", "json", "--fail-on", "none", ...args], dir);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as Json).findings as Json[];
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

/** A pod with one safe fix (duplicate env var) and unsafe ones (privileged, runAsUser 0). */
const POD = `# the web pod
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: registry.example/web:1.0
      env:
        - {name: MODE, value: a}
        - {name: MODE, value: b} # the one that counts
      securityContext:
        privileged: true # why?
        runAsUser: 0
`;
const RULES = ["--rules", "duplicate-env-var,privileged-container,run-as-root-user"];

describe("shipshape fix: what is applied", () => {
  it("by default applies only safe fixes and lists the unsafe ones with what to check", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    const r = await fix(dir, ...RULES, ".");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const text = read(dir, "pod.yaml");
    expect(text).not.toContain("{name: MODE, value: a}");
    expect(text).toContain("- {name: MODE, value: b} # the one that counts");
    expect(text).toContain("privileged: true # why?");
    expect(text).toContain("runAsUser: 0");
    expect(r.stdout).toContain("fixed pod.yaml:");
    expect(r.stdout).toMatch(/safe {3}duplicate-env-var {2}Pod\/web \(web\)/);
    expect(r.stdout).toContain("Applied 1 fix (1 safe, 0 unsafe).");
    expect(r.stdout).toContain("2 unsafe fixes not applied");
    expect(r.stdout).toMatch(/pod\.yaml:13 {2}privileged-container {2}Pod\/web: Set privileged to false\n {6}check: \S/);
    expect(r.stdout).toMatch(/pod\.yaml:14 {2}run-as-root-user {2}Pod\/web: .*\n {6}check: \S/);
  });

  it("--unsafe applies the others too, each listed with its note", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    const r = await fix(dir, ...RULES, "--unsafe", ".");
    expect(r.code).toBe(0);
    const text = read(dir, "pod.yaml");
    expect(text).toContain("privileged: false # why?");
    expect(text).toContain("runAsUser: 10001");
    expect(text.startsWith("# the web pod\n")).toBe(true);
    expect(r.stdout).toContain("Applied 3 fixes (1 safe, 2 unsafe).");
    expect(r.stdout).toMatch(/unsafe privileged-container {2}Pod\/web \(web\): Set privileged to false\n {9}check: /);
    expect(r.stdout).not.toContain("not applied");
    expect(await scanJson(dir, ...RULES, ".")).toEqual([]);
  });

  it("--dry-run prints a unified diff and writes nothing", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    const r = await fix(dir, ...RULES, "--unsafe", "--dry-run", ".");
    expect(r.code).toBe(0);
    expect(read(dir, "pod.yaml")).toBe(POD);
    expect(r.stdout).toContain("--- a/pod.yaml\n+++ b/pod.yaml\n@@ ");
    expect(r.stdout).toContain("\n-        privileged: true # why?\n-        runAsUser: 0\n+        privileged: false # why?\n+        runAsUser: 10001\n");
    expect(r.stdout).toContain("would fix pod.yaml:");
    expect(r.stdout).toContain("Would apply 3 fixes");
  });

  it("--rules and --skip-rules choose what is fixed", async () => {
    const only = tempTree({ "pod.yaml": POD });
    await fix(only, "--unsafe", "--rules", "privileged-container", ".");
    expect(read(only, "pod.yaml")).toBe(POD.replace("privileged: true", "privileged: false"));

    const skip = tempTree({ "pod.yaml": POD });
    await fix(skip, ...RULES, "--unsafe", "--skip-rules", "privileged-container", ".");
    const text = read(skip, "pod.yaml");
    expect(text).toContain("privileged: true # why?");
    expect(text).toContain("runAsUser: 10001");
    expect(text).not.toContain("value: a}");
  });

  it("fix - is a usage error: it edits files", async () => {
    const r = await runCli(["fix", "-"], tempTree({}), { stdin: POD });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin/);
  });
});

describe("shipshape fix --interactive", () => {
  /** Runs fix with an Io whose `ask` answers from a list (and records the questions). */
  async function interactive(dir: string, answers: string[], ...args: string[]) {
    let stdout = "";
    let stderr = "";
    const questions: string[] = [];
    const io: Io = {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
      cwd: dir,
      ask: async (q) => {
        questions.push(q);
        return answers.shift() ?? "q";
      },
    };
    const code = await main(["fix", "--no-config", "--interactive", ...args], io);
    return { code, stdout, stderr, questions };
  }

  it("y applies, n declines", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    // in file order: duplicate-env-var (line 12), privileged (14), runAsUser (15)
    const r = await interactive(dir, ["y", "n", "y"], ...RULES, "--unsafe", ".");
    expect(r.code).toBe(0);
    expect(r.questions).toHaveLength(3);
    expect(r.stderr).toContain("privileged-container");
    expect(r.stderr).toMatch(/check: \S/);
    const text = read(dir, "pod.yaml");
    expect(text).not.toContain("value: a}");
    expect(text).toContain("privileged: true # why?");
    expect(text).toContain("runAsUser: 10001");
    expect(r.stdout).toContain("Applied 2 fixes");
  });

  it("a accepts the rest; q stops and applies nothing more", async () => {
    const all = tempTree({ "pod.yaml": POD });
    const a = await interactive(all, ["n", "a"], ...RULES, "--unsafe", ".");
    expect(a.questions).toHaveLength(2);
    expect(read(all, "pod.yaml")).toContain("value: a}");
    expect(read(all, "pod.yaml")).toContain("privileged: false");
    expect(read(all, "pod.yaml")).toContain("runAsUser: 10001");

    const quit = tempTree({ "pod.yaml": POD });
    const q = await interactive(quit, ["y", "q"], ...RULES, "--unsafe", ".");
    expect(q.questions).toHaveLength(2);
    const text = read(quit, "pod.yaml");
    expect(text).not.toContain("value: a}");
    expect(text).toContain("privileged: true");
    expect(text).toContain("runAsUser: 0");
  });

  it("without a terminal (no ask) it is a usage error", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    const r = await fix(dir, "--interactive", ".");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/terminal/);
    expect(read(dir, "pod.yaml")).toBe(POD);
  });
});

describe("shipshape fix: input shapes", () => {
  it("a JSON manifest stays JSON, in its layout", async () => {
    const json = `{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": { "name": "web" },\n  "spec": {\n    "containers": [\n      { "name": "web", "image": "registry.example/web:1.0", "securityContext": { "privileged": true } }\n    ]\n  }\n}\n`;
    const dir = tempTree({ "pod.json": json });
    const r = await fix(dir, "--unsafe", "--rules", "privileged-container", ".");
    expect(r.code).toBe(0);
    expect(read(dir, "pod.json")).toBe(json.replace('"privileged": true', '"privileged": false'));
  });

  it("a List: the item is edited in place", async () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n  spec:\n    containers:\n    - name: a\n      image: registry.example/a:1\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n  spec:\n    hostPID: true\n    containers:\n    - name: b\n      image: registry.example/b:1\n`;
    const dir = tempTree({ "list.yaml": list });
    await fix(dir, "--unsafe", "--rules", "host-pid", ".");
    expect(read(dir, "list.yaml")).toBe(list.replace("hostPID: true", "hostPID: false"));
  });

  it("several documents: only the one with the finding changes", async () => {
    const docs = `${POD}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c # config\ndata: {a: "1"}\n---\n${POD.replace("name: web\nspec", "name: api\nspec")}`;
    const dir = tempTree({ "all.yaml": docs });
    await fix(dir, "--unsafe", "--rules", "privileged-container", ".");
    const parts = read(dir, "all.yaml").split("\n---\n");
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain("privileged: false # why?");
    expect(parts[1]).toBe(docs.split("\n---\n")[1]);
    expect(parts[2]).toContain("privileged: false # why?");
  });

  it("CRLF line endings are kept, new lines included", async () => {
    const crlf = POD.replace(/\n/g, "\r\n");
    const dir = tempTree({ "pod.yaml": crlf });
    await fix(dir, "--unsafe", "--rules", "drop-all-capabilities,privileged-container", ".");
    const text = read(dir, "pod.yaml");
    expect(text).toContain("privileged: false # why?\r\n");
    expect(text).toContain("- ALL\r\n");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("rounds: drop ALL and drop NET_RAW on one container converge, and a second run applies nothing", async () => {
    const dir = tempTree({ "pod.yaml": POD });
    const rules = ["--unsafe", "--rules", "drop-all-capabilities,drop-net-raw"];
    const r = await fix(dir, ...rules, ".");
    expect(r.code).toBe(0);
    const text = read(dir, "pod.yaml");
    expect(text).toContain("        capabilities:\n          drop:\n            - ALL\n");
    expect(text).not.toContain("NET_RAW");
    expect(await scanJson(dir, "--rules", "drop-all-capabilities,drop-net-raw", ".")).toEqual([]);
    const again = await fix(dir, ...rules, ".");
    expect(again.stdout).toContain("Applied 0 fixes");
    expect(read(dir, "pod.yaml")).toBe(text);
  });
});

describe("shipshape fix on the examples", () => {
  /** Rules of the insecure app whose findings have no fix there (manual changes, or Dockerfile cases no edit covers). */
  const LEFT = [
    "cloud-credentials-mount", "container-runtime-socket-mount", "cpu-limits-missing", "cpu-requests-missing", "docker-add-instead-of-copy",
    "docker-apt-pin-versions", "docker-curl-pipe-shell", "docker-expose-ssh", "docker-json-cmd", "docker-latest-tag", "docker-package-cache-not-cleaned",
    "docker-pipefail", "docker-secret-in-env-arg", "docker-tls-verification-disabled", "docker-update-alone", "docker-workdir-relative", "host-path-volume",
    "liveness-probe-missing", "memory-limits-missing", "memory-requests-missing", "namespace-without-networkpolicy", "pdb-missing",
    "pod-not-covered-by-networkpolicy", "pss-namespace-would-reject", "readiness-probe-missing", "restricted-volume-types", "sensitive-host-path", "service-loadbalancer",
  ];

  it("fix --unsafe on the insecure app leaves only findings without a fix", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-examples-"));
    cpSync(path.join(ROOT, "examples"), dir, { recursive: true });
    const r = await fix(dir, "--unsafe", "insecure-app");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("could not fix");
    const after = await scanJson(dir, "insecure-app");
    expect(after.filter((f) => f.fix).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)).toEqual([]);
    expect([...new Set(after.map((f) => f.ruleId as string))].sort()).toEqual(LEFT);
  });

  it("the hardened app: fix changes nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-examples-"));
    cpSync(path.join(ROOT, "examples/hardened-app"), dir, { recursive: true });
    const r = await fix(dir, "--unsafe", ".");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Applied 0 fixes");
    for (const f of ["shop.yaml", "storefront/Dockerfile"]) expect(read(dir, f), f).toBe(read(path.join(ROOT, "examples/hardened-app"), f));
  });
});

describe("rendered objects are never edited", () => {
  it("Kustomize: --write-patches writes a patch that, added to the overlay, fixes what it says", async () => {
    const src = path.join(ROOT, "test/fixtures/kustomize/shop");
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-kustomize-"));
    cpSync(src, dir, { recursive: true });
    const kubectl = realKubectl();
    const rules = "privileged-container,host-network,read-only-root-filesystem,drop-all-capabilities,drop-net-raw";
    const r = await fix(dir, "--unsafe", "--kustomize-bin", kubectl, "--rules", rules, "--write-patches", "overlays/prod/fixes", "overlays/prod");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote 1 Kustomize patch to overlays/prod/fixes");
    expect(r.stdout).toContain("drop-net-raw");
    // base and overlay files are as they were
    for (const f of ["base/deployment.yaml", "base/kustomization.yaml", "overlays/prod/kustomization.yaml", "overlays/prod/privileged.yaml", "overlays/prod/host-network.yaml"]) {
      expect(read(dir, f), f).toBe(read(src, f));
    }
    const [name, ...more] = readdirSync(path.join(dir, "overlays/prod/fixes"));
    expect(more).toEqual([]);
    const patch = read(dir, `overlays/prod/fixes/${name}`);
    expect(patch).toContain("privileged: false");
    expect(patch).toContain("hostNetwork: false");
    expect(patch).toMatch(/drop:\n\s+- ALL/);
    const target = /#\s+target: (.*)/.exec(patch)?.[1];
    expect(target).toBe("{kind: Deployment, name: web}");

    const before = await scanJson(dir, "--kustomize-bin", kubectl, "--rules", rules, "overlays/prod");
    expect(before.map((f) => f.ruleId).sort()).toEqual(["drop-all-capabilities", "drop-net-raw", "host-network", "privileged-container", "read-only-root-filesystem"]);
    writeFileSync(path.join(dir, "overlays/prod/kustomization.yaml"), `${read(dir, "overlays/prod/kustomization.yaml")}  - path: fixes/${name}\n    target: ${target}\n`);
    const after = await scanJson(dir, "--kustomize-bin", kubectl, "--rules", rules, "overlays/prod");
    expect(after.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("Helm: hints name the values key or the template; chart files are untouched", async () => {
    const src = path.join(ROOT, "test/fixtures/helm/shop-chart");
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-helm-"));
    cpSync(src, dir, { recursive: true });
    const r = await fix(dir, "--unsafe", "--helm-bin", realHelm(), "--rules", "allow-privilege-escalation,privileged-container,read-only-root-filesystem", ".");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Helm charts are not edited; make these changes:");
    expect(r.stdout).toMatch(/allow-privilege-escalation \(Deployment\/release-shop\): set `web\.securityContext\.allowPrivilegeEscalation: false` in values\.yaml:12/);
    expect(r.stdout).toMatch(/read-only-root-filesystem \(Deployment\/release-shop\): set `web\.securityContext\.readOnlyRootFilesystem: true` in values\.yaml:11/);
    expect(r.stdout).toMatch(/privileged-container \(Deployment\/release-cache\): in the template charts\/cache\/templates\/deployment\.yaml:18, set spec\.template\.spec\.containers\[0\]\.securityContext\.privileged = false/);
    expect(r.stdout).toContain("Applied 0 fixes");
    for (const f of readdirSync(src, { recursive: true }).map(String)) {
      if (!/\.(yaml|tpl)$/.test(f)) continue;
      expect(read(dir, f), f).toBe(read(src, f));
    }
  });
});
