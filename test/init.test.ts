import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { detect } from "../src/cli/init.js";
import { main } from "../src/cli/main.js";
import type { Io } from "../src/cli/output.js";
import { loadConfig } from "../src/engine/config.js";
import { walk } from "../src/loaders/files.js";

let dir: string;
const put = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n";

function io(): Io & { out: string; err: string } {
  const o = { out: "", err: "", stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: dir };
  return o;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "shipshape-init-"));
  put("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n");
  put("charts/web/templates/deploy.yaml", "{{ if .Values.x }}\nkind: Deployment\n{{ end }}\n");
  put("deploy/base/kustomization.yaml", "resources: [pod.yaml]\n");
  put("deploy/base/pod.yaml", POD);
  put("deploy/overlays/prod/kustomization.yaml", "resources: [../../base]\n");
  put("Dockerfile", "FROM node:20\nUSER node\n");
  put("services/api/Dockerfile", "FROM alpine:3.20\n");
  put("k8s/pod.yaml", POD);
  put("k8s/jobs/job.json", JSON.stringify({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" } }));
  put("rendered/all.yaml", POD);
  put(".github/workflows/ci.yaml", "on: push\njobs: {}\n");
  put("docker-compose.yml", "services: {}\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("shipshape init", () => {
  it("finds charts, Kustomize roots, Dockerfiles, manifest folders, rendered output and other YAML", () => {
    expect(detect(dir)).toEqual({
      charts: ["charts/web"],
      kustomizations: ["deploy/overlays/prod"],
      dockerfiles: ["Dockerfile", "services/api/Dockerfile"],
      manifestDirs: ["k8s", "k8s/jobs"],
      rendered: ["rendered"],
      notKubernetes: ["docker-compose.yml", ".github/workflows/*"],
    });
  });

  it("writes a commented .shipshape.yaml that loads, and whose excludes the scan's walk applies", async () => {
    const o = io();
    expect(await main(["init"], o)).toBe(0);
    expect(o.err).toContain("shipshape: wrote .shipshape.yaml: 1 Helm chart, 1 Kustomize root, 2 Dockerfiles, 2 manifest folders");
    const file = path.join(dir, ".shipshape.yaml");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^# .*shipshape init/);
    expect(text).toContain("profile: recommended");
    expect(text).toContain("#   charts/web");
    expect(text).toContain("#   deploy/overlays/prod");
    const config = loadConfig(file, ".shipshape.yaml");
    expect(config.profile).toBe("recommended");
    expect(config.failOn).toBe("high");
    expect(config.exclude).toEqual(["rendered/**", "docker-compose.yml", ".github/workflows/*"]);
    const walked = walk(["."], config.exclude, dir).files.map((f) => f.display.split(path.sep).join("/"));
    expect(walked.some((f) => f.startsWith("rendered") || f.startsWith(".github") || f === "docker-compose.yml")).toBe(false);
    expect(walked).toEqual(expect.arrayContaining(["Dockerfile", "charts/web", "k8s/pod.yaml", "k8s/jobs/job.json"]));
  });

  it("refuses to overwrite a configuration unless --force; takes --profile", async () => {
    put(".shipshape.yaml", "profile: all\n");
    const o = io();
    expect(await main(["init"], o)).toBe(2);
    expect(o.err).toMatch(/\.shipshape\.yaml exists: not overwritten \(--force/);
    expect(readFileSync(path.join(dir, ".shipshape.yaml"), "utf8")).toBe("profile: all\n");
    expect(await main(["init", "--force", "--profile", "pss-restricted"], io())).toBe(0);
    expect(loadConfig(path.join(dir, ".shipshape.yaml")).profile).toBe("pss-restricted");
    expect(await main(["init", "--force", "--profile", "strict"], io())).toBe(2);
  });

  it("--baseline FILE records the current findings with the new configuration", async () => {
    rmSync(path.join(dir, "charts"), { recursive: true }); // no helm needed
    rmSync(path.join(dir, "deploy"), { recursive: true }); // nor kubectl
    const o = io();
    expect(await main(["init", "--baseline", "shipshape-baseline.yaml"], o)).toBe(0);
    expect(o.out).toBe("");
    expect(o.err).toMatch(/wrote \d+ findings? to the baseline shipshape-baseline\.yaml/);
    expect(readFileSync(path.join(dir, "shipshape-baseline.yaml"), "utf8")).toContain("baselineVersion:");
    expect(readFileSync(path.join(dir, ".shipshape.yaml"), "utf8")).toContain("`shipshape scan --baseline shipshape-baseline.yaml`");
    expect(loadConfig(path.join(dir, ".shipshape.yaml")).profile).toBe("recommended");
    expect(await main(["scan", "--baseline", "shipshape-baseline.yaml"], io())).toBe(0);
  });

  it("is listed in the help", async () => {
    const o = io();
    await main(["--help"], o);
    expect(o.out).toContain("shipshape init");
    const h = io();
    await main(["init", "--help"], h);
    expect(h.out).toContain("--baseline FILE");
  });
});
