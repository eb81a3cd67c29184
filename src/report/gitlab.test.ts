import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../engine/config.js";
import { scan } from "../engine/scan.js";
import { PRIVILEGED_POD, runCli, tempTree } from "../testing/cli.js";
import { GITLAB_SEVERITY, type GitlabIssue, renderGitlab } from "./gitlab.js";
import type { ScanReport } from "./model.js";

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
        - name: sidecar
          image: busybox
          securityContext:
            privileged: true
`;

const GITLAB_SEVERITIES = ["info", "minor", "major", "critical", "blocker"];

/** A repository (a `.git` folder marks its root) with manifests in deploy/ and a file that does not parse. */
function repo(): { root: string; deploy: string } {
  const root = tempTree({
    "deploy/web.yaml": WEB,
    "deploy/pods/pod.yaml": PRIVILEGED_POD,
    "deploy/broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n",
  });
  mkdirSync(path.join(root, ".git"));
  return { root, deploy: path.join(root, "deploy") };
}

async function report(cwd: string): Promise<ScanReport> {
  return scan({ paths: ["."], cwd, config: emptyConfig(), now: new Date("2026-01-01T00:00:00Z") });
}

describe("gitlab: Code Quality report", () => {
  it("is a JSON array of issues with exactly the Code Quality fields, valid severities and unique fingerprints", async () => {
    const { deploy } = repo();
    const r = await report(deploy);
    const issues = JSON.parse(renderGitlab(r, { cwd: deploy })) as GitlabIssue[];
    expect(Array.isArray(issues)).toBe(true);
    expect(issues.length).toBe(r.findings.length);
    expect(issues.length).toBeGreaterThan(3);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
      expect(Object.keys(issue.location).sort()).toEqual(["lines", "path"]);
      expect(Object.keys(issue.location.lines)).toEqual(["begin"]);
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
      expect(GITLAB_SEVERITIES).toContain(issue.severity);
      expect(typeof issue.description).toBe("string");
      expect(issue.description.length).toBeGreaterThan(0);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it("paths are relative to the repository root; diagnostics are included; severities follow the mapping", async () => {
    const { deploy } = repo();
    const r = await report(deploy);
    const issues = JSON.parse(renderGitlab(r, { cwd: deploy })) as GitlabIssue[];
    const paths = new Set(issues.map((i) => i.location.path));
    expect(paths).toEqual(new Set(["deploy/web.yaml", "deploy/pods/pod.yaml", "deploy/broken.yaml"]));
    const parse = issues.find((i) => i.check_name === "parse-error");
    expect(parse).toMatchObject({ severity: "critical", location: { path: "deploy/broken.yaml" } });
    const privileged = issues.filter((i) => i.check_name === "privileged-container");
    expect(privileged.map((i) => i.severity)).toEqual(privileged.map(() => GITLAB_SEVERITY.critical));
    expect(privileged.find((i) => i.location.path === "deploy/web.yaml")?.description).toMatch(/^shop\/Deployment\/web \(container (web|sidecar)\): /);
    for (const f of r.findings) {
      const issue = issues[r.findings.indexOf(f)]!;
      expect(issue.severity).toBe(GITLAB_SEVERITY[f.severity]);
      expect(issue.location.lines.begin).toBe(Math.max(1, f.location.line));
    }
  });

  it("outside a repository, paths are relative to the working directory", async () => {
    const dir = tempTree({ "a/pod.yaml": PRIVILEGED_POD });
    const r = await report(dir);
    const issues = JSON.parse(renderGitlab(r, { cwd: dir, root: dir })) as GitlabIssue[];
    expect(issues.every((i) => i.location.path === "a/pod.yaml")).toBe(true);
  });

  it("fingerprints are stable from run to run, and do not move with the lines", async () => {
    const { deploy } = repo();
    const first = JSON.parse(renderGitlab(await report(deploy), { cwd: deploy })) as GitlabIssue[];
    const second = JSON.parse(renderGitlab(await report(deploy), { cwd: deploy })) as GitlabIssue[];
    expect(second).toEqual(first);
    // A comment added on top moves every line but not the rule findings' fingerprints.
    const moved = repo();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(moved.deploy, "web.yaml"), `# moved\n# down\n${WEB}`);
    const third = JSON.parse(renderGitlab(await report(moved.deploy), { cwd: moved.deploy })) as GitlabIssue[];
    const rules = (issues: GitlabIssue[]) => issues.filter((i) => i.check_name !== "parse-error").map((i) => i.fingerprint).sort();
    expect(rules(third)).toEqual(rules(first));
  });

  it("repeated fingerprints are made unique, the same way every time", async () => {
    const { deploy } = repo();
    const r = await report(deploy);
    const f = r.findings.find((x) => x.ruleId === "privileged-container")!;
    const dup: ScanReport = { ...r, findings: [f, { ...f }, { ...f }] };
    const a = JSON.parse(renderGitlab(dup, { cwd: deploy })) as GitlabIssue[];
    expect(new Set(a.map((i) => i.fingerprint)).size).toBe(3);
    expect(a[0]!.fingerprint).toBe(f.fingerprint);
    expect(JSON.parse(renderGitlab(dup, { cwd: deploy }))).toEqual(a);
  });

  it("suppressed findings are left out; an empty scan is an empty array", async () => {
    const accepted = PRIVILEGED_POD.replace("  namespace: shop\n", '  namespace: shop\n  annotations:\n    ignore.shipshape.io/privileged-container: "accepted"\n');
    const dir = tempTree({ "pod.yaml": accepted });
    const r = await report(dir);
    expect(r.suppressed.length).toBeGreaterThan(0);
    const issues = JSON.parse(renderGitlab(r, { cwd: dir, root: dir })) as GitlabIssue[];
    expect(issues.some((i) => i.check_name === "privileged-container")).toBe(false);
    expect(renderGitlab({ ...r, findings: [] }, { cwd: dir })).toBe("[]\n");
  });

  it("scan --format gitlab on the command line, listed in --help", async () => {
    const { deploy } = repo();
    const res = await runCli(["scan", "--format", "gitlab", "."], deploy);
    expect(res.code).toBe(1);
    const issues = JSON.parse(res.stdout) as GitlabIssue[];
    expect(issues.some((i) => i.check_name === "privileged-container" && i.location.path === "deploy/pods/pod.yaml")).toBe(true);
    const help = await runCli(["scan", "--help"], deploy);
    expect(help.stdout).toMatch(/gitlab \(GitLab\s+Code Quality JSON\)/);
  });
});
