// Custom CEL rules at the door: the Admission that `shipshape webhook --policy` builds, the running webhook over
// HTTPS (in-process), and a broken policy that keeps the webhook from starting.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { emptyConfig } from "../src/engine/config.js";
import { selectRules } from "../src/engine/select.js";
import { Suppressor } from "../src/engine/suppress.js";
import { KubeVersion } from "../src/model/kube-version.js";
import type { JsonObject } from "../src/model/types.js";
import { policyRulesStrict } from "../src/policy/index.js";
import { runCli } from "../src/testing/cli.js";
import { Admission, DEFAULT_DENY, DEFAULT_WARN } from "../src/webhook/admission.js";
import { SECURE_POD_SPEC, admissionReview, cronJob, deployment, makeCertificate, pod } from "../src/webhook/fixtures.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const FIX = "test/fixtures/policies/custom";
const tmp = mkdtempSync(path.join(os.tmpdir(), "shipshape-webhook-policy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Response = { uid: string; allowed: boolean; status?: { code: number; message: string }; warnings?: string[] };

const container = (over: JsonObject) => ({ ...(SECURE_POD_SPEC.containers as JsonObject[])[0], ...over });
const dockerHub: JsonObject = { ...SECURE_POD_SPEC, containers: [container({ image: "docker.io/library/nginx:1.27.3" })] };
const withInit = (init: JsonObject): JsonObject => ({ ...SECURE_POD_SPEC, initContainers: [container({ name: "init", ...init })] });
const teamed = (o: JsonObject): JsonObject => ({ ...o, metadata: { ...(o.metadata as JsonObject), labels: { team: "payments" } } });

function admission(annotationsAllowed = false): Admission {
  const rules = policyRulesStrict(["examples/policies"], [], root);
  return new Admission({
    rules: selectRules({ profile: "recommended" }, emptyConfig(), rules),
    suppressor: new Suppressor({ exemptions: [], annotationsAllowed }, "default"),
    kubeVersion: KubeVersion.DEFAULT,
    deny: DEFAULT_DENY,
    warn: DEFAULT_WARN,
    audit: false,
    exemptNamespaces: ["kube-system"],
  });
}
const review = (a: Admission, object: JsonObject) => a.review(admissionReview(object)).body.response as Response;

describe("Admission with custom rules", () => {
  const a = admission();

  it("denies a Pod that breaks a high custom rule, with the rule's message", () => {
    const r = review(a, teamed(pod("web", "shop", dockerHub)));
    expect(r.allowed).toBe(false);
    expect(r.status?.code).toBe(403);
    expect(r.status?.message).toContain("custom:allowed-registries: image not from an allowed registry: web (docker.io/library/nginx:1.27.3)");
    // the medium/low custom rules that hold are not mentioned
    expect(r.status?.message).not.toContain("custom:team-label");
  });

  it("allows a compliant Pod: no custom rule denies or warns", () => {
    const r = review(a, teamed(pod("web", "shop", SECURE_POD_SPEC)));
    expect(r.allowed).toBe(true);
    expect((r.warnings ?? []).filter((w) => w.startsWith("custom:"))).toEqual([]);
  });

  it("warns (does not deny) for a low custom rule", () => {
    const r = review(a, pod("web", "shop", SECURE_POD_SPEC));
    expect(r.allowed).toBe(true);
    expect(r.warnings).toContain("custom:team-label: no team label (metadata.labels.team)");
  });

  it("checks init containers of a Deployment and a CronJob", () => {
    const d = review(a, teamed(deployment("api", "shop", withInit({ image: "quay.io/other/init:1.0" }))));
    expect(d.allowed).toBe(false);
    expect(d.status?.message).toContain("custom:allowed-registries: image not from an allowed registry: init (quay.io/other/init:1.0)");
    const c = review(a, teamed(cronJob("nightly", "shop", withInit({ image: "registry.example.com/init:latest" }))));
    expect(c.warnings).toContain("custom:no-latest-tag: image without a fixed tag: registry.example.com/init:latest");
    expect(review(a, teamed(deployment("api", "shop", withInit({ image: "registry.example.com/init:1.0" })))).allowed).toBe(true);
  });

  it("honours ignore.shipshape.io/custom.<name> when annotations are allowed", () => {
    const annotated = teamed(pod("web", "shop", dockerHub, { "ignore.shipshape.io/custom.allowed-registries": "mirrored later" }));
    expect(review(a, annotated).allowed).toBe(false);
    expect(review(admission(true), annotated).allowed).toBe(true);
  });
});

describe("shipshape webhook --policy", () => {
  it("enforces custom rules over HTTPS", async () => {
    const { cert, key } = makeCertificate(tmp, "policy");
    let stderr = "";
    let listening: (port: number) => void = () => {};
    const port = new Promise<number>((resolve) => (listening = resolve));
    const io = {
      stdout: () => {},
      stderr: (s: string) => {
        stderr += s;
        const m = /"msg":"listening","port":(\d+)/.exec(stderr);
        if (m) listening(Number(m[1]));
      },
      stdoutIsTTY: false,
      stderrIsTTY: false,
      env: {},
      cwd: root,
    };
    const running = main(["webhook", "--no-config", "--port", "0", "--host", "127.0.0.1", "--tls-cert", cert, "--tls-key", key, "--policy", "examples/policies/allowed-registries.yaml"], io);
    const p = await Promise.race([port, running.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`)))]);
    const post = (body: unknown) =>
      new Promise<Response>((resolve, reject) => {
        const req = https.request({ host: "127.0.0.1", port: p, method: "POST", path: "/validate", ca: readFileSync(cert), servername: "localhost", agent: false, headers: { "Content-Type": "application/json" } }, (res) => {
          let t = "";
          res.on("data", (c: Buffer) => (t += c.toString()));
          res.on("end", () => resolve((JSON.parse(t) as { response: Response }).response));
        });
        req.on("error", reject);
        req.end(JSON.stringify(body));
      });
    try {
      const denied = await post(admissionReview(pod("web", "shop", dockerHub)));
      expect(denied.allowed).toBe(false);
      expect(denied.status?.message).toContain("custom:allowed-registries: image not from an allowed registry: web (docker.io/library/nginx:1.27.3)");
      const allowed = await post(admissionReview(pod("web", "shop", SECURE_POD_SPEC)));
      expect(allowed.allowed).toBe(true);
    } finally {
      // the webhook stops on SIGTERM; emitting the event runs its handler without signalling the process
      process.emit("SIGTERM");
    }
    expect(await running).toBe(0);
  });

  it("does not start with a broken policy (exit 2, the problem's position on stderr)", async () => {
    const r = await runCli(["webhook", "--no-config", "--tls-cert", "none.crt", "--tls-key", "none.key", "--policy", `${FIX}/broken`], root);
    expect(r.code).toBe(2);
    const lines = readFileSync(`${root}/${FIX}/broken/syntax-error.yaml`, "utf8").split("\n");
    const i = lines.findIndex((l) => l.includes("replicas >= )"));
    expect(r.stderr).toContain("broken policy files:");
    expect(r.stderr).toContain(`${FIX}/broken/syntax-error.yaml:${i + 1}:${lines[i]!.indexOf(")") + 1}: CustomRule syntax-error: syntax error`);
    expect(r.stderr).toMatch(new RegExp(`${FIX}/broken/bad-yaml.yaml:\\d+:\\d+: malformed YAML`));
    expect(r.stderr).not.toContain('"msg":"listening"');
  });

  it("does not start with a policy path that does not exist", async () => {
    const r = await runCli(["webhook", "--no-config", "--tls-cert", "none.crt", "--tls-key", "none.key", "--policy", `${FIX}/nope`], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`policy path ${FIX}/nope does not exist`);
  });
});
