// Golden files for the fixes of Kubernetes rules: `shipshape fix --unsafe --rules <rule>` on
// test/fixtures/fix/k8s/<rule>/input.{yaml,json}, compared byte for byte with expected.{yaml,json}. Each input has
// comments (a head comment, one on the edited line, some inside the edited map) and odd formatting (flow maps,
// indentless sequences, quotes, CRLF, several documents). UPDATE_GOLDEN=1 rewrites the expected files: review
// the diff before committing it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Lexer, LineCounter, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/testing/cli.js";

const FIXTURES = path.resolve(import.meta.dirname, "fixtures/fix/k8s");

/** Docker rules have their own goldens (src/fix/dockerfile-edit.test.ts). */
const CASES = readdirSync(FIXTURES)
  .filter((d) => !d.startsWith("."))
  .sort()
  .map((rule) => {
    const dir = path.join(FIXTURES, rule);
    const ext = existsSync(path.join(dir, "input.json")) ? "json" : "yaml";
    const argsFile = path.join(dir, "args.json");
    const args = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, "utf8")) as string[]) : [];
    return { rule, dir, ext, args };
  });

/** Every Kubernetes rule whose findings carry a fix (grep `fixes.` and `fix:` under src/rules, docker-* aside). */
const FIXABLE_RULES = [
  // availability
  "dns-config-ndots", "hpa-min-replicas", "hpa-with-static-replicas", "job-hygiene", "pdb-unhealthy-eviction-policy", "rolling-update-strategy", "single-replica",
  // capabilities
  "cap-net-raw-added", "cap-sys-admin", "capabilities-added-beyond-baseline", "dangerous-capabilities", "drop-all-capabilities", "drop-any-capability", "drop-net-raw",
  // control plane
  "apiserver-always-pull-images", "apiserver-anonymous-auth", "apiserver-authorization-always-allow", "apiserver-authorization-node", "apiserver-authorization-rbac",
  "apiserver-basic-auth-file", "apiserver-deny-service-external-ips", "apiserver-insecure-bind-address", "apiserver-insecure-port", "apiserver-kubelet-https",
  "apiserver-node-restriction", "apiserver-profiling", "apiserver-service-account-extend-token-expiration", "apiserver-service-account-lookup", "apiserver-token-auth-file",
  "controller-manager-bind-address", "controller-manager-profiling", "controller-manager-use-service-account-credentials", "kube-proxy-metrics-bind-address",
  "scheduler-bind-address", "scheduler-profiling",
  // exposure
  "service-external-ips", "service-nodeport",
  // host access
  "host-aliases", "host-ipc", "host-network", "host-pid", "host-port", "mount-propagation-bidirectional", "writable-host-path",
  // images
  "deprecated-k8s-image-registry", "image-pull-policy-not-always",
  // integrity
  "deprecated-api-version", "mismatching-selector",
  // namespaces
  "break-glass-annotation", "namespace-pss-label-missing",
  // platform
  "gatekeeper-repo-prefix-ambiguous", "psp-permissive", "pv-without-encryption", "scc-allows-privileged",
  // pod security
  "allow-privilege-escalation", "apparmor-unconfined", "host-users-not-isolated", "linux-hardening-missing", "privileged-container", "probe-or-lifecycle-host-field",
  "proc-mount-unmasked", "read-only-root-filesystem", "run-as-high-gid", "run-as-high-uid", "run-as-non-root", "run-as-root-group", "run-as-root-user",
  "seccomp-profile-missing", "seccomp-unconfined", "security-context-missing", "selinux-custom-options", "windows-host-process",
  // resources, secrets, service accounts
  "requests-equal-limits", "duplicate-env-var", "automount-service-account-token", "default-service-account", "deprecated-service-account-field",
];

interface JsonFinding {
  ruleId: string;
  message: string;
  object?: { kind: string; name: string };
  location: { file: string; line: number };
  fix?: unknown;
}

const BASE = ["--no-config", "--profile", "all"];

/** A temp folder holding the text as the input file. */
function tempCopy(name: string, text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-golden-"));
  writeFileSync(path.join(dir, name), text);
  return dir;
}

async function fix(name: string, text: string, rule: string, args: string[]): Promise<{ text: string; stdout: string }> {
  const dir = tempCopy(name, text);
  const r = await runCli(["fix", ...BASE, "--unsafe", "--rules", rule, ...args, name], dir);
  expect(r.stderr).toBe("");
  expect(r.stdout).not.toMatch(/could not fix/);
  expect(r.code).toBe(0);
  return { text: readFileSync(path.join(dir, name), "utf8"), stdout: r.stdout };
}

async function findings(name: string, text: string, rule: string, args: string[]): Promise<JsonFinding[]> {
  const dir = tempCopy(name, text);
  const r = await runCli(["scan", ...BASE, "--format", "json", "--fail-on", "none", "--rules", rule, ...args, name], dir);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** The texts of all comments of a YAML file (the lexer knows what is inside quotes and block scalars). */
function comments(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith("#")) out.push(token.trimEnd());
  return out.sort();
}

/** The source text of each document, and its first and last line. */
function documents(text: string): { text: string; from: number; to: number }[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc });
  if (!Array.isArray(docs)) return [];
  return docs.map((d) => {
    const [start, , end] = d.range;
    return { text: text.slice(start, end), from: lc.linePos(start).line, to: lc.linePos(Math.max(start, end - 1)).line };
  });
}

describe("fixes of Kubernetes rules, golden files", () => {
  it("has a case for every fixable Kubernetes rule, and no other", () => {
    expect(CASES.map((c) => c.rule)).toEqual([...FIXABLE_RULES].sort());
  });

  describe.each(CASES)("$rule", ({ rule, dir, ext, args }) => {
    const name = `input.${ext}`;
    const input = readFileSync(path.join(dir, name), "utf8");
    const expectedFile = path.join(dir, `expected.${ext}`);
    let once: { text: string; stdout: string } | undefined;
    const fixed = async () => (once ??= await fix(name, input, rule, args));

    it("the input triggers the rule, with a fix", async () => {
      const before = await findings(name, input, rule, args);
      expect(before.filter((f) => f.ruleId === rule).length).toBeGreaterThan(0);
      expect(before.filter((f) => f.ruleId === rule && !f.fix).map((f) => f.message)).toEqual([]);
    });

    it("gives the expected file, byte for byte", async () => {
      const { text, stdout } = await fixed();
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, text);
      expect(text).not.toBe(input);
      expect(stdout).toMatch(new RegExp(`^\\s+(safe|unsafe)\\s+${rule} `, "m"));
      expect(text).toBe(readFileSync(expectedFile, "utf8"));
      if (input.includes("\r\n")) expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
      else expect(text).not.toMatch(/\r/);
    });

    it("a re-scan no longer reports the rule", async () => {
      const after = await findings(name, (await fixed()).text, rule, args);
      expect(after.filter((f) => f.ruleId === rule).map((f) => `${f.object?.kind}/${f.object?.name}: ${f.message}`)).toEqual([]);
      expect(after.filter((f) => f.ruleId.endsWith("-error")).map((f) => f.message)).toEqual([]);
    });

    it("is idempotent: fixing the output again changes nothing", async () => {
      const { text } = await fixed();
      const twice = await fix(name, text, rule, args);
      expect(twice.text).toBe(text);
      expect(twice.stdout).toMatch(/Applied 0 fixes/);
    });

    it("keeps every comment, and the output parses", async () => {
      const { text } = await fixed();
      const before = comments(input);
      const after = comments(text);
      // A comment at the end of a line the fix deletes (`hostPort: 80 # node port`) goes with the line; every
      // other comment stays.
      const outLines = new Set(text.split(/\r?\n/).map((l) => l.trim()));
      const gone = new Set(
        input
          .split(/\r?\n/)
          .filter((l) => !/^\s*#/.test(l) && l.includes("#") && !outLines.has(l.trim()))
          .map((l) => l.slice(l.indexOf("#")).trimEnd()),
      );
      for (const c of new Set(before)) {
        if (gone.has(c)) continue;
        expect(after.filter((x) => x === c).length, c).toBeGreaterThanOrEqual(before.filter((x) => x === c).length);
      }
      if (ext === "json") expect(() => JSON.parse(text)).not.toThrow();
      else for (const d of parseAllDocuments(text) as ReturnType<typeof parseAllDocuments> & unknown[]) expect(d.errors).toEqual([]);
    });

    it("leaves the documents without a finding byte-identical", async () => {
      if (ext === "json") return;
      const { text } = await fixed();
      const inDocs = documents(input);
      const outDocs = documents(text);
      expect(outDocs).toHaveLength(inDocs.length);
      const lines = (await findings(name, input, rule, args)).filter((f) => f.ruleId === rule).map((f) => f.location.line);
      inDocs.forEach((d, i) => {
        if (lines.some((l) => l >= d.from && l <= d.to)) return;
        expect(outDocs[i]!.text, `document ${i}`).toBe(d.text);
      });
    });
  });
});

