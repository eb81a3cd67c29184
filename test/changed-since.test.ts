import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRIVILEGED_POD, runCli, tempTree } from "../src/testing/cli.js";
import { realHelm, realKubectl } from "../src/testing/tools.js";

/** A Deployment `name` (app=name) in namespace shop, privileged or not. */
function deployment(name: string, privileged: boolean): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: nginx:1.27
          securityContext:
            privileged: ${privileged}
`;
}

/** A NetworkPolicy for pods labelled app=`app` in namespace shop. */
function networkPolicy(name: string, app: string): string {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: ${app}}
  policyTypes: [Ingress]
`;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A git repository with `files` committed (tag `base`). */
function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "tag", "base");
  return dir;
}

interface Finding {
  ruleId: string;
  location: { file: string };
  object?: { kind: string; name: string };
}

async function findings(dir: string, ...args: string[]): Promise<{ code: number; findings: Finding[]; stderr: string; objects: number }> {
  const r = await runCli(["scan", "--format", "json", "--fail-on", "none", ...args], dir);
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as { findings: Finding[]; summary: { objects: number } };
  return { code: r.code, findings: report.findings, stderr: r.stderr, objects: report.summary.objects };
}

const files = (fs: Finding[]) => [...new Set(fs.map((f) => f.location.file))].sort();

describe("scan --changed-since", () => {
  it("reports only the files changed since the ref: committed, staged, unstaged and untracked", async () => {
    const dir = repo({ "a.yaml": deployment("a", true), "b.yaml": deployment("b", true), "c.yaml": deployment("c", true), "d.yaml": deployment("d", true) });
    const all = await findings(dir, "--rules", "privileged-container", ".");
    expect(files(all.findings)).toEqual(["a.yaml", "b.yaml", "c.yaml", "d.yaml"]);
    // nothing changed: nothing reported, every object still read
    const none = await findings(dir, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(none.findings).toEqual([]);
    expect(none.objects).toBe(4);

    writeFileSync(path.join(dir, "a.yaml"), `# committed\n${deployment("a", true)}`);
    git(dir, "commit", "-q", "-am", "change a");
    writeFileSync(path.join(dir, "b.yaml"), `# staged\n${deployment("b", true)}`);
    git(dir, "add", "b.yaml");
    writeFileSync(path.join(dir, "c.yaml"), `# unstaged\n${deployment("c", true)}`);
    writeFileSync(path.join(dir, "new.yaml"), PRIVILEGED_POD);
    const r = await findings(dir, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(files(r.findings)).toEqual(["a.yaml", "b.yaml", "c.yaml", "new.yaml"]);
    expect(r.objects).toBe(5);
    // since HEAD: the committed change is no longer a change
    const head = await findings(dir, "--rules", "privileged-container", "--changed-since", "HEAD", ".");
    expect(files(head.findings)).toEqual(["b.yaml", "c.yaml", "new.yaml"]);
  });

  it("commit two manifests, change one: only its findings", async () => {
    const dir = repo({ "web.yaml": deployment("web", true), "api.yaml": deployment("api", true) });
    writeFileSync(path.join(dir, "web.yaml"), deployment("web", true).replace("nginx:1.27", "nginx:1.28"));
    const r = await findings(dir, "--changed-since", "base", ".");
    expect(r.findings.length).toBeGreaterThan(1);
    expect(files(r.findings)).toEqual(["web.yaml"]);
    const full = await findings(dir, ".");
    expect(full.findings.filter((f) => f.location.file === "web.yaml")).toEqual(r.findings);
  });

  it("cross-object rules still see the objects of unchanged files", async () => {
    const dir = repo({
      "apps/web.yaml": deployment("web", false),
      "apps/api.yaml": deployment("api", false),
      // unchanged: covers web, and selects nothing (a finding of its own, not reported: its file did not change)
      "policies/netpol.yaml": `${networkPolicy("web", "web")}---\n${networkPolicy("ghost", "ghost")}`,
    });
    const rules = ["--rules", "pod-not-covered-by-networkpolicy,networkpolicy-selects-nothing"];
    const full = await findings(dir, ...rules, ".");
    expect(full.findings.map((f) => `${f.ruleId} ${f.object?.name}`).sort()).toEqual([
      "networkpolicy-selects-nothing ghost",
      "pod-not-covered-by-networkpolicy api",
    ]);
    writeFileSync(path.join(dir, "apps/web.yaml"), deployment("web", false).replace("nginx:1.27", "nginx:1.28"));
    writeFileSync(path.join(dir, "apps/api.yaml"), deployment("api", false).replace("nginx:1.27", "nginx:1.28"));
    const r = await findings(dir, ...rules, "--changed-since", "base", ".");
    // web is covered by the unchanged NetworkPolicy; api is not; the unchanged policy's own finding is left out
    expect(r.findings.map((f) => `${f.ruleId} ${f.object?.name}`)).toEqual(["pod-not-covered-by-networkpolicy api"]);
  });

  it("deleted files are ignored; scanning a subfolder uses its repository; parse errors only for changed files", async () => {
    const dir = repo({ "k8s/a.yaml": deployment("a", true), "k8s/gone.yaml": deployment("gone", true), "k8s/bad.yaml": "kind: [oops\n", "other/x.yaml": deployment("x", true) });
    rmSync(path.join(dir, "k8s/gone.yaml"));
    writeFileSync(path.join(dir, "other/x.yaml"), `# changed\n${deployment("x", true)}`);
    const sub = path.join(dir, "k8s");
    const r = await findings(sub, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(r.findings).toEqual([]);
    writeFileSync(path.join(sub, "a.yaml"), `# changed\n${deployment("a", true)}`);
    const r2 = await findings(sub, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(files(r2.findings)).toEqual(["a.yaml"]);
    writeFileSync(path.join(sub, "bad.yaml"), "kind: [still broken\n");
    const r3 = await findings(sub, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(r3.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toEqual(["privileged-container a.yaml", "parse-error bad.yaml"]);
  });

  it("an untracked file in an ignored folder is not a change", async () => {
    const dir = repo({ ".gitignore": "build/\n", "a.yaml": deployment("a", true) });
    mkdirSync(path.join(dir, "build"));
    writeFileSync(path.join(dir, "build/out.yaml"), PRIVILEGED_POD);
    writeFileSync(path.join(dir, "fresh.yaml"), PRIVILEGED_POD);
    const r = await findings(dir, "--rules", "privileged-container", "--changed-since", "base", ".");
    expect(files(r.findings)).toEqual(["fresh.yaml"]);
  });

  it("an unknown ref, or a folder outside any git repository, is a usage error with git's message", async () => {
    const dir = repo({ "a.yaml": deployment("a", true) });
    const bad = await runCli(["scan", "--changed-since", "no-such-ref", "."], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--changed-since: fatal: /);
    expect(bad.stdout).toBe("");
    const option = await runCli(["scan", "--changed-since=--output=x", "."], dir);
    expect(option.code).toBe(2);
    const plain = tempTree({ "a.yaml": deployment("a", true) });
    const notRepo = await runCli(["scan", "--changed-since", "HEAD", "."], plain);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/not a git repository/i);
  });

  it("a Kustomize root counts as changed when a file it reads changed, even outside its folder", async () => {
    const dir = repo({
      "base/kustomization.yaml": "resources: [web.yaml]\n",
      "base/web.yaml": deployment("web", true),
      "overlays/prod/kustomization.yaml": "resources: [../../base]\nnamePrefix: prod-\n",
      "plain/api.yaml": deployment("api", true),
    });
    const args = ["--rules", "privileged-container", "--kustomize-bin", realKubectl(), "--changed-since", "base", "."];
    expect((await findings(dir, ...args)).findings).toEqual([]);
    writeFileSync(path.join(dir, "base/web.yaml"), deployment("web", true).replace("nginx:1.27", "nginx:1.28"));
    const r = await findings(dir, ...args);
    expect(r.findings.map((f) => f.object?.name)).toEqual(["prod-web"]);
    expect(r.objects).toBe(2);
  });

  it("a Helm chart counts as changed when a file under its folder changed", async () => {
    const dir = repo({
      "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
      "chart/values.yaml": "image: nginx:1.27\n",
      "chart/templates/web.yaml": deployment("web", true).replace("nginx:1.27", "{{ .Values.image }}"),
      "plain/api.yaml": deployment("api", true),
    });
    const args = ["--rules", "privileged-container", "--helm-bin", realHelm(), "--changed-since", "base", "."];
    expect((await findings(dir, ...args)).findings).toEqual([]);
    writeFileSync(path.join(dir, "chart/values.yaml"), "image: nginx:1.28\n");
    const r = await findings(dir, ...args);
    expect(r.findings.map((f) => f.object?.name)).toEqual(["web"]);
  });

  it("is listed in scan --help", async () => {
    const r = await runCli(["scan", "--help"], process.cwd());
    expect(r.stdout).toContain("--changed-since REF");
  });
});
