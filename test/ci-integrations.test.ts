// The CI integrations (action.yml, .pre-commit-hooks.yaml, examples/ci/) are read by GitHub, pre-commit and GitLab,
// not by shipshape: these tests hold them to the metadata those tools require, and run the commands they run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../src/testing/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "shipshape-ci-"));

type Any = any;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const action = parse(read("action.yml")) as Any;
const steps = action.runs.steps as Step[];
const stepNamed = (name: string) => {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
};

/** Every string in a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

/** Every `${{ … }}` expression of a parsed YAML value, and the `if:` conditions (expressions without the braces). */
function expressions(value: unknown): string[] {
  const out: string[] = [];
  for (const s of strings(value)) for (const m of s.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) out.push(m[1]!);
  return out;
}

const scanHelp = (await runCli(["scan", "--help"], ROOT)).stdout;
const built = existsSync(path.join(ROOT, "dist/bundle/main.mjs")) || existsSync(path.join(ROOT, "dist/cli/main.js"));
const hasBash = spawnSync("bash", ["-c", "true"]).status === 0;

/** Runs a composite step's bash script as the runner would (bash -eo pipefail), with its env and the given variables. */
function runStep(step: Step, cwd: string, env: Record<string, string>) {
  const runnerTemp = tmp();
  const githubOutput = path.join(runnerTemp, "output");
  const summary = path.join(runnerTemp, "summary");
  writeFileSync(githubOutput, "");
  writeFileSync(summary, "");
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.includes("${{") ? "" : v]));
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH!, HOME: os.homedir(), RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: githubOutput, GITHUB_STEP_SUMMARY: summary, ...stepEnv, ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(githubOutput, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summary, "utf8") };
}

describe("action.yml (GitHub Action metadata)", () => {
  it("has the required top-level fields and is a composite action", () => {
    expect(typeof action.name).toBe("string");
    expect(typeof action.description).toBe("string");
    expect(action.description.length).toBeGreaterThan(0);
    expect(action.runs.using).toBe("composite");
    expect(Array.isArray(steps) && steps.length).toBeTruthy();
  });

  it("documents every input and output", () => {
    for (const [name, input] of Object.entries(action.inputs as Record<string, Any>)) {
      expect(typeof input.description, name).toBe("string");
      expect(input.description.length, name).toBeGreaterThan(0);
      if ("default" in input) expect(typeof input.default, `${name}: defaults are strings`).toBe("string");
    }
    for (const [name, output] of Object.entries(action.outputs as Record<string, Any>)) {
      expect(typeof output.description, name).toBe("string");
      expect(typeof output.value, `${name}: composite outputs need a value`).toBe("string");
    }
  });

  it("has the inputs and defaults the docs promise", () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, Any>).map(([k, v]) => [k, v.default]));
    expect(defaults).toMatchObject({ path: ".", "fail-on": "high", sarif: "true", comment: "false", version: "", profile: "", config: "", baseline: "" });
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(["findings", "sarif"]));
  });

  it("every step runs a script with shell: bash, or uses an action pinned to a version", () => {
    for (const step of steps) {
      expect(Boolean(step.run) !== Boolean(step.uses), `${step.name}: run or uses`).toBe(true);
      if (step.run) expect(step.shell, `${step.name}: composite run steps need shell`).toBe("bash");
      if (step.uses) expect(step.uses, step.name).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
    }
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses).toEqual(expect.arrayContaining(["actions/setup-node@v4", "github/codeql-action/upload-sarif@v3", "actions/github-script@v7"]));
    expect(stepNamed("Set up Node.js").with).toEqual({ "node-version": "20" });
  });

  it("step ids are unique, and every ${{ inputs.x }} and ${{ steps.x.outputs.y }} exists", () => {
    const ids = steps.flatMap((s) => (s.id ? [s.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    const exprs = [...expressions(action), ...steps.flatMap((s) => (s.if ? [s.if] : []))];
    const inputsUsed = new Set(exprs.flatMap((e) => [...e.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]!)));
    expect(inputsUsed.size).toBeGreaterThan(5);
    for (const name of inputsUsed) expect(Object.keys(action.inputs), `inputs.${name}`).toContain(name);
    // Every input is used somewhere.
    for (const name of Object.keys(action.inputs)) expect([...inputsUsed], `input ${name} is never used`).toContain(name);
    for (const e of exprs) {
      for (const [, id, output] of e.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = steps.find((s) => s.id === id);
        expect(step, `steps.${id}`).toBeDefined();
        // Run steps write their outputs to $GITHUB_OUTPUT as name=value.
        expect(step!.run, `steps.${id}.outputs.${output}`).toMatch(new RegExp(`echo "${output}=`));
        // A step may only read the outputs of the steps before it.
      }
    }
  });

  it("every output's value is a step output", () => {
    for (const [name, output] of Object.entries(action.outputs as Record<string, Any>)) {
      const m = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(output.value);
      expect(m, name).not.toBeNull();
      expect(steps.map((s) => s.id), name).toContain(m![1]);
    }
  });

  it("a step reads only the outputs of earlier steps", () => {
    steps.forEach((step, i) => {
      const before = steps.slice(0, i).flatMap((s) => (s.id ? [s.id] : []));
      for (const e of [...expressions(step), ...(step.if ? [step.if] : [])]) {
        for (const [, id] of e.matchAll(/\bsteps\.([\w-]+)\.outputs/g)) expect(before, `${step.name} reads steps.${id}`).toContain(id);
      }
    });
  });

  it("installs the action's own checkout by default (npm ci, build, bin/shipshape.js), a registry version on request", () => {
    const install = stepNamed("Install shipshape");
    expect(install.env).toMatchObject({ VERSION: "${{ inputs.version }}", ACTION_PATH: "${{ github.action_path }}" });
    expect(install.run).toContain("npm ci");
    expect(install.run).toContain("npm run build");
    expect(install.run).toContain('"$ACTION_PATH/bin/shipshape.js"');
    expect(install.run).toContain('"shipshape@$VERSION"');
  });

  it("uploads SARIF always (when asked), comments only on pull requests, then applies the threshold", () => {
    const upload = stepNamed("Upload SARIF to code scanning");
    expect(upload.if).toMatch(/always\(\)/);
    expect(upload.if).toContain("inputs.sarif == 'true'");
    expect(upload.with).toEqual({ sarif_file: "${{ steps.scan.outputs.sarif }}" });
    const comment = stepNamed("Comment on the pull request");
    expect(comment.if).toContain("inputs.comment == 'true'");
    expect(comment.if).toContain("github.event_name == 'pull_request'");
    // Updated in place: the comment carries a hidden marker and is looked up by it.
    expect(comment.with!.script).toMatch(/<!-- shipshape-report/);
    expect(comment.with!.script).toContain("updateComment");
    expect(steps.at(-1)!.name).toBe("Check the fail-on threshold");
  });

  it("the scan step passes every input to shipshape scan", () => {
    const run = stepNamed("Scan").run!;
    for (const flag of ["--profile", "--config", "--baseline", "--fail-on"]) expect(run).toContain(flag);
    expect(run).toMatch(/--format sarif --output "\$out\/shipshape\.sarif"/);
    expect(run).toMatch(/--format markdown --output "\$out\/shipshape\.md"/);
    expect(run).toMatch(/--format text --fail-on "\$FAIL_ON"/);
  });
});

describe("the action's commands, run", () => {
  it("the scan, in-process with the action's flags: SARIF, Markdown, JSON and text, exit 1 at the threshold", async () => {
    const out = tmp();
    const argv = (failOn: string) => [
      "scan",
      "--format", "sarif", "--output", path.join(out, "shipshape.sarif"),
      "--format", "markdown", "--output", path.join(out, "shipshape.md"),
      "--format", "json", "--output", path.join(out, "shipshape.json"),
      "--format", "text", "--fail-on", failOn,
      "examples/",
    ];
    const failing = await runCli(argv("high"), ROOT);
    expect(failing.stderr).toBe("");
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/\d+ findings/);
    const sarif = JSON.parse(readFileSync(path.join(out, "shipshape.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const json = JSON.parse(readFileSync(path.join(out, "shipshape.json"), "utf8"));
    expect(json.summary.findings).toBeGreaterThan(0);
    expect(readFileSync(path.join(out, "shipshape.md"), "utf8")).toMatch(/^## shipshape: \d+ findings/);
    expect((await runCli(argv("none"), ROOT)).code).toBe(0);
    expect((await runCli([...argv("high").slice(0, -1), "examples/hardened-app"], ROOT)).code).toBe(0);
  });

  it.skipIf(!scanHelp.includes("--write-baseline"))("with the baseline input: the findings it lists no longer fail the scan", async () => {
    const out = tmp();
    const baseline = path.join(out, "baseline.yaml");
    expect((await runCli(["scan", "--write-baseline", baseline, "--fail-on", "none", "examples/insecure-app"], ROOT)).code).toBe(0);
    const r = await runCli(
      ["scan", "--baseline", baseline, "--format", "json", "--output", path.join(out, "shipshape.json"), "--format", "text", "--fail-on", "high", "examples/insecure-app"],
      ROOT,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, "shipshape.json"), "utf8")).summary.findings).toBe(0);
  });

  describe.skipIf(!built || !hasBash)("the action's bash steps, run with the built CLI", () => {
    const bin = path.join(ROOT, "bin/shipshape.js");

    it("Scan: writes the reports, the job summary and the step outputs; exit-code 1 at the threshold", () => {
      const r = runStep(stepNamed("Scan"), path.join(ROOT, "examples"), { SHIPSHAPE: bin, SCAN_PATH: "insecure-app\nhardened-app", FAIL_ON: "high" });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\d+ findings/);
      expect(r.outputs["exit-code"]).toBe("1");
      expect(Number(r.outputs.findings)).toBeGreaterThan(0);
      expect(existsSync(r.outputs.sarif!)).toBe(true);
      expect(JSON.parse(readFileSync(r.outputs.sarif!, "utf8")).runs[0].results).toHaveLength(Number(r.outputs.findings));
      expect(readFileSync(r.outputs.markdown!, "utf8")).toBe(r.summary);
    });

    it("Scan: the defaults (path ., no profile) and extra args; exit-code 0 below the threshold", () => {
      const r = runStep(stepNamed("Scan"), path.join(ROOT, "examples/hardened-app"), { SHIPSHAPE: bin, SCAN_PATH: "", FAIL_ON: "high", PROFILE: "pss-restricted", EXTRA_ARGS: "--skip-rules pdb-missing --no-config" });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ "exit-code": "0", findings: "0" });
    });

    it("Scan: a scan that cannot run fails the step with its exit status 2", () => {
      const r = runStep(stepNamed("Scan"), path.join(ROOT, "examples"), { SHIPSHAPE: bin, SCAN_PATH: ".", FAIL_ON: "severe" });
      expect(r.code).toBe(2);
      expect(r.stdout).toContain("::error");
      expect(r.outputs["exit-code"]).toBeUndefined();
    });

    it("Check the fail-on threshold: fails on exit-code 1 only", () => {
      const check = stepNamed("Check the fail-on threshold");
      expect(runStep(check, ROOT, { CODE: "1", FAIL_ON: "high", FINDINGS: "3" })).toMatchObject({ code: 1 });
      expect(runStep(check, ROOT, { CODE: "0", FAIL_ON: "high", FINDINGS: "3" })).toMatchObject({ code: 0 });
    });
  });
});

describe("examples/ci/github-workflow.yml", () => {
  const workflow = parse(read("examples/ci/github-workflow.yml")) as Any;
  const jobSteps = Object.values(workflow.jobs as Record<string, Any>).flatMap((job) => job.steps as Step[]);
  const step = jobSteps.find((s) => /\/shipshape@v\d+$/.test(s.uses ?? ""));

  it("runs on pull requests with the permissions the action needs", () => {
    expect(workflow.on).toHaveProperty("pull_request");
    expect(workflow.permissions).toEqual({ contents: "read", "security-events": "write", "pull-requests": "write" });
  });

  it("uses the action, with inputs it has, after checking out the code", () => {
    expect(step?.uses).toBe("<owner>/shipshape@v1");
    for (const key of Object.keys(step!.with ?? {})) expect(Object.keys(action.inputs), key).toContain(key);
    expect(jobSteps.findIndex((s) => s.uses?.startsWith("actions/checkout@v"))).toBeLessThan(jobSteps.indexOf(step!));
    for (const s of jobSteps) if (s.uses) expect(s.uses).toMatch(/@v\d+$/);
  });
});

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(read(".pre-commit-hooks.yaml")) as Any[];
  const hook = (id: string) => hooks.find((h) => h.id === id);
  const pkg = JSON.parse(read("package.json"));
  /** pre-commit matches `files` and `exclude` with Python's re.search; these patterns mean the same in JavaScript. */
  const selected = (h: Any, file: string) => new RegExp(h.files).test(file) && !(h.exclude && new RegExp(h.exclude).test(file));
  const exampleFiles = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();

  it("is a list of hooks, each with id, name, entry and language", () => {
    expect(Array.isArray(hooks)).toBe(true);
    for (const h of hooks) {
      for (const key of ["id", "name", "entry", "language"]) expect(typeof h[key], `${h.id}.${key}`).toBe("string");
      // language: node installs this package; its bin must be the entry's command.
      expect(h.language).toBe("node");
      expect(Object.keys(pkg.bin)).toContain(h.entry.split(" ")[0]);
    }
    expect(hooks.map((h) => h.id)).toEqual(["shipshape", "shipshape-fix"]);
  });

  it("shipshape: scans the files passed, failing on high findings by default", () => {
    expect(hook("shipshape")).toMatchObject({ entry: "shipshape scan", pass_filenames: true, args: ["--fail-on", "high"] });
    expect(hook("shipshape-fix")).toMatchObject({ entry: "shipshape fix", pass_filenames: true, stages: ["manual"] });
  });

  it("selects manifests and Dockerfiles, not other files or Helm templates", () => {
    const h = hook("shipshape");
    const yes = ["shop.yaml", "k8s/app.yml", "list.json", "Dockerfile", "app/Dockerfile", "Dockerfile.dev", "web.Dockerfile", "web.dockerfile", "Containerfile"];
    const no = ["README.md", "main.go", "Dockerfile/notes.txt", "charts/web/templates/deployment.yaml", "yaml.txt", "MyDockerfile.txt"];
    for (const f of yes) expect(selected(h, f), f).toBe(true);
    for (const f of no) expect(selected(h, f), f).toBe(false);
    expect(hook("shipshape-fix").files).toBe(h.files);
  });

  it("the hook's command on the example files: fails on the insecure app, passes on the hardened one", async () => {
    const h = hook("shipshape");
    const command = [...h.entry.split(" ").slice(1), ...h.args];
    const hardened = exampleFiles("examples/hardened-app").filter((f) => selected(h, f));
    expect(hardened).toEqual(["examples/hardened-app/shop.yaml", "examples/hardened-app/storefront/Dockerfile"]);
    expect(await runCli([...command, ...hardened], ROOT)).toMatchObject({ code: 0, stderr: "" });
    const all = exampleFiles("examples").filter((f) => selected(h, f));
    expect(all).toContain("examples/insecure-app/storefront/Dockerfile");
    const r = await runCli([...command, ...all], ROOT);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\d+ findings/);
  });

  it("the fix hook's command applies the safe fixes to the files passed (pre-commit then reports them as changed)", async () => {
    const h = hook("shipshape-fix");
    const dockerfile = "FROM debian:12\nRUN apt update && apt install -y curl\nUSER 10001\n";
    const dir = tmp();
    writeFileSync(path.join(dir, "Dockerfile"), dockerfile);
    cpSync(path.join(ROOT, "examples/hardened-app/shop.yaml"), path.join(dir, "shop.yaml"));
    const files = ["Dockerfile", "shop.yaml"];
    for (const f of files) expect(selected(h, f), f).toBe(true);
    const r = await runCli([...h.entry.split(" ").slice(1), ...(h.args ?? []), ...files], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, "Dockerfile"), "utf8")).toContain("apt-get install");
    expect(readFileSync(path.join(dir, "shop.yaml"), "utf8")).toBe(read("examples/hardened-app/shop.yaml"));
  });
});

describe("examples/ci/gitlab-ci.yml", () => {
  const ci = parse(read("examples/ci/gitlab-ci.yml")) as Any;
  const job = ci.shipshape;
  const command: string = job.script.find((s: string) => s.startsWith("shipshape scan"));

  it("a node:20 job whose Code Quality and SARIF reports are kept when it fails", () => {
    expect(job.image).toBe("node:20");
    expect(job.artifacts.when).toBe("always");
    expect(job.artifacts.reports.codequality).toBe("gl-code-quality-report.json");
    expect(job.artifacts.paths).toEqual(expect.arrayContaining(["shipshape.sarif"]));
    expect(command).toContain("--format gitlab --output gl-code-quality-report.json");
    expect(command).toContain("--format sarif --output shipshape.sarif");
    expect(command).toMatch(/--format text\b/);
    expect(command).toContain(`--format junit --output ${job.artifacts.reports.junit}`);
  });

  /** The job's command as argv, its variables substituted. */
  const argv = (cwd: string) =>
    command
      .replace(/"?\$\{(\w+)\}"?/g, (_, name: string) => job.variables[name])
      .split(/\s+/)
      .slice(1)
      .map((a) => (a === "." ? cwd : a));

  it.skipIf(!scanHelp.includes("gitlab"))("the job's command writes a Code Quality report, SARIF and JUnit", async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, "examples/insecure-app"), dir, { recursive: true });
    const r = await runCli(argv("."), dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\d+ findings/);
    const quality = JSON.parse(readFileSync(path.join(dir, "gl-code-quality-report.json"), "utf8"));
    expect(Array.isArray(quality) && quality.length).toBeTruthy();
    for (const issue of quality) {
      expect(typeof issue.description).toBe("string");
      expect(typeof issue.fingerprint).toBe("string");
      expect(["info", "minor", "major", "critical", "blocker"]).toContain(issue.severity);
      expect(typeof issue.location.path).toBe("string");
    }
    expect(JSON.parse(readFileSync(path.join(dir, "shipshape.sarif"), "utf8")).version).toBe("2.1.0");
    expect(readFileSync(path.join(dir, job.artifacts.reports.junit), "utf8")).toMatch(/^<\?xml/);
  });

  it("the job's command without the gitlab report runs today (SARIF, JUnit, text)", async () => {
    const dir = tmp();
    cpSync(path.join(ROOT, "examples/insecure-app"), dir, { recursive: true });
    const args = argv(".");
    const i = args.indexOf("gitlab");
    const r = await runCli([...args.slice(0, i - 1), ...args.slice(i + 3)], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, "shipshape.sarif"), "utf8")).runs[0].results.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(dir, "shipshape-junit.xml"), "utf8")).toMatch(/^<\?xml/);
  });
});
