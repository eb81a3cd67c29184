// shipshape's own deployment (deploy/ and the Dockerfile) scanned by shipshape with every rule: zero unsuppressed
// findings, and every suppression carries a reason. The Kustomize roots are rendered with the real kubectl (as the
// scan does), and the rendered objects are checked for what docs/deploy.md promises. deploy/gen-certs.sh runs for real
// (openssl, and kubectl offline with --render), and the image's HEALTHCHECK script is run against a local HTTPS server.
// There is no Docker engine and no API server here: the Dockerfile is checked by reading it, not by building it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadConfig } from "../src/engine/config.js";
import { CLUSTER_KINDS } from "../src/loaders/cluster.js";
import { runCli } from "../src/testing/cli.js";
import { realKubectl } from "../src/testing/tools.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEPLOY = path.join(ROOT, "deploy");

interface Json {
  [k: string]: any;
}

function render(root: string): Json[] {
  const out = execFileSync(realKubectl(), ["kustomize", path.join(DEPLOY, root)], { encoding: "utf8" });
  return parseAllDocuments(out).map((d) => d.toJS() as Json);
}

const find = (objs: Json[], kind: string, name?: string): Json => {
  const o = objs.find((x) => x.kind === kind && (name === undefined || x.metadata.name === name));
  if (o === undefined) throw new Error(`no ${kind} ${name ?? ""}`);
  return o;
};

describe("shipshape scan deploy Dockerfile --profile all", () => {
  let report: Json;
  let code: number;
  beforeAll(async () => {
    const r = await runCli(["scan", "deploy", "Dockerfile", "--profile", "all", "--no-config", "--kustomize-bin", realKubectl(), "--format", "json", "--fail-on", "info"], ROOT);
    expect(r.stderr).toBe("");
    code = r.code;
    report = JSON.parse(r.stdout) as Json;
  }, 60_000);

  it("has no unsuppressed finding (exit 0 even with --fail-on info)", () => {
    expect(report.findings.map((f: Json) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`)).toEqual([]);
    expect(code).toBe(0);
  });

  it("scans every Kustomize root and the Dockerfile", async () => {
    expect(report.summary).toMatchObject({ errors: 0, skippedDocuments: 0 });
    const rendered = new Set<string>(report.suppressed.map((f: Json) => f.rendered?.root).filter(Boolean));
    // deploy/cert-manager includes deploy/webhook: the webhook's objects are reported once, from either root.
    expect([...rendered].sort()).toEqual(expect.arrayContaining(["deploy/cronjob"]));
    expect(rendered.has("deploy/webhook") || rendered.has("deploy/cert-manager")).toBe(true);
    expect(report.summary.objects).toBeGreaterThanOrEqual(21); // 13 webhook + 2 cert-manager + 5 scanner objects + the Dockerfile
    const docker = await runCli(["scan", "Dockerfile", "--profile", "all", "--no-config", "--format", "json", "--fail-on", "info"], ROOT);
    const summary = (JSON.parse(docker.stdout) as Json).summary;
    expect(summary).toMatchObject({ objects: 2, findings: 0 }); // one object per stage
    expect(summary.checks.evaluated).toBeGreaterThan(50);
    expect(docker.code).toBe(0);
  });

  it("suppresses only by annotation or Dockerfile comment, each with a reason a reviewer can check", () => {
    expect(report.suppressed.length).toBeGreaterThan(0);
    for (const f of report.suppressed) {
      expect(["annotation", "comment"]).toContain(f.suppression.kind);
      expect(f.suppression.reason.trim().length, `${f.ruleId}: ${f.suppression.reason}`).toBeGreaterThan(60);
    }
  });

  it("suppresses nothing of high or critical severity except the scanner's deliberate Secret read access", () => {
    const serious = report.suppressed.filter((f: Json) => f.severity === "high" || f.severity === "critical").map((f: Json) => `${f.ruleId} ${f.object.kind}/${f.object.name}`);
    expect(serious.sort()).toEqual(["rbac-secrets-access ClusterRole/shipshape-scanner", "workload-with-privileged-rbac CronJob/shipshape-scanner"]);
  });

  it("every ignore annotation in deploy/ has a non-empty reason", () => {
    for (const root of ["webhook", "cronjob", "cert-manager"]) {
      for (const o of render(root)) {
        for (const [k, v] of Object.entries((o.metadata?.annotations ?? {}) as Record<string, string>)) {
          if (k.startsWith("ignore.shipshape.io/")) expect(v.trim(), `${o.kind}/${o.metadata.name} ${k}`).not.toBe("");
        }
      }
    }
  });
});

describe("the webhook manifests (kubectl kustomize deploy/webhook)", () => {
  let objs: Json[];
  beforeAll(() => {
    objs = render("webhook");
  });

  it("puts every namespaced object in the shipshape namespace, which enforces the restricted standard", () => {
    const ns = find(objs, "Namespace", "shipshape");
    expect(ns.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    const cluster = new Set(["Namespace", "PriorityClass", "ValidatingWebhookConfiguration"]);
    for (const o of objs.filter((x) => !cluster.has(x.kind))) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe("shipshape");
  });

  it("runs the webhook command with the TLS files and the config from the ConfigMap", () => {
    const d = find(objs, "Deployment", "shipshape-webhook");
    const pod = d.spec.template.spec;
    const [c] = pod.containers;
    expect(c.args).toEqual(["webhook", "--port", "8443", "--tls-cert", "/tls/tls.crt", "--tls-key", "/tls/tls.key", "--config", "/config/.shipshape.yaml"]);
    const mounts = Object.fromEntries(c.volumeMounts.map((m: Json) => [m.name, m.mountPath]));
    expect(mounts).toMatchObject({ config: "/config", tls: "/tls" });
    const vols = Object.fromEntries(pod.volumes.map((v: Json) => [v.name, v]));
    expect(vols.tls.secret.secretName).toBe("shipshape-webhook-tls");
    expect(vols.config.configMap.name).toBe("shipshape-config");
    expect(c.env).toContainEqual({ name: "POD_NAMESPACE", valueFrom: { fieldRef: { fieldPath: "metadata.namespace" } } });
    expect(c.volumeMounts.every((m: Json) => m.subPath === undefined)).toBe(true); // subPath mounts never see Secret updates
  });

  it("is hardened: restricted security context, no token, limits, probes over HTTPS", () => {
    const pod = find(objs, "Deployment", "shipshape-webhook").spec.template.spec;
    const [c] = pod.containers;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(find(objs, "ServiceAccount", "shipshape-webhook").automountServiceAccountToken).toBe(false);
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "RuntimeDefault" } });
    for (const r of ["cpu", "memory", "ephemeral-storage"]) {
      expect(c.resources.requests[r]).toBeDefined();
      expect(c.resources.limits[r]).toBeDefined();
    }
    expect(c.livenessProbe.httpGet).toMatchObject({ path: "/healthz", scheme: "HTTPS" });
    expect(c.readinessProbe.httpGet).toMatchObject({ path: "/readyz", scheme: "HTTPS" });
    expect(objs.some((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding")).toBe(false);
  });

  it("stays available: HPA from 2, PDB, anti-affinity, topology spread, surge-only rollouts", () => {
    const d = find(objs, "Deployment", "shipshape-webhook");
    expect(d.spec.replicas).toBeUndefined();
    expect(d.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    const hpa = find(objs, "HorizontalPodAutoscaler");
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "shipshape-webhook" });
    const pdb = find(objs, "PodDisruptionBudget");
    expect(pdb.spec.selector.matchLabels).toEqual(d.spec.selector.matchLabels);
    const pod = d.spec.template.spec;
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe("kubernetes.io/hostname");
    expect(pod.topologySpreadConstraints.map((t: Json) => t.topologyKey)).toContain("topology.kubernetes.io/zone");
  });

  it("exposes 443 → the container's 8443 on a ClusterIP Service, and NetworkPolicies open only that port", () => {
    const svc = find(objs, "Service", "shipshape-webhook");
    expect(svc.spec.type).toBe("ClusterIP");
    expect(svc.spec.ports).toEqual([{ name: "https", port: 443, protocol: "TCP", targetPort: "https" }]);
    const c = find(objs, "Deployment").spec.template.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 8443, name: "https", protocol: "TCP" }]);
    const deny = find(objs, "NetworkPolicy", "default-deny");
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ["Egress", "Ingress"] });
    const allow = find(objs, "NetworkPolicy", "shipshape-webhook-ingress");
    expect(allow.spec.ingress).toEqual([{ ports: [{ port: 8443, protocol: "TCP" }] }]);
  });

  it("registers a v1, side-effect-free webhook that fails closed and never judges kube-system or itself", () => {
    const vwc = find(objs, "ValidatingWebhookConfiguration", "shipshape");
    const [w] = vwc.webhooks;
    expect(w).toMatchObject({ admissionReviewVersions: ["v1"], sideEffects: "None", failurePolicy: "Fail", clientConfig: { service: { name: "shipshape-webhook", namespace: "shipshape", path: "/validate", port: 443 } } });
    expect(w.timeoutSeconds).toBeLessThanOrEqual(10);
    expect(w.namespaceSelector.matchExpressions).toEqual([{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", "shipshape"] }]);
    const resources = w.rules.flatMap((r: Json) => r.resources);
    expect(resources).toEqual(expect.arrayContaining(["pods", "pods/ephemeralcontainers", "deployments", "cronjobs", "rolebindings"]));
    expect(resources.some((r: string) => r.endsWith("/status"))).toBe(false);
  });

  it("ships a .shipshape.yaml that shipshape accepts, with exemption annotations turned off", () => {
    const cm = find(objs, "ConfigMap", "shipshape-config");
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-deploy-")), ".shipshape.yaml");
    writeFileSync(file, cm.data[".shipshape.yaml"]);
    const config = loadConfig(file);
    expect(config.annotationsAllowed).toBe(false);
  });
});

describe("the cert-manager variant (kubectl kustomize deploy/cert-manager)", () => {
  it("adds a Certificate for the Service's names into the mounted Secret, and the CA injection annotation", () => {
    const objs = render("cert-manager");
    const cert = find(objs, "Certificate", "shipshape-webhook");
    expect(cert.spec.secretName).toBe("shipshape-webhook-tls");
    expect(cert.spec.dnsNames).toContain("shipshape-webhook.shipshape.svc");
    expect(find(objs, "Issuer", cert.spec.issuerRef.name).metadata.namespace).toBe("shipshape");
    const vwc = find(objs, "ValidatingWebhookConfiguration", "shipshape");
    expect(vwc.metadata.annotations["cert-manager.io/inject-ca-from"]).toBe(`shipshape/${cert.metadata.name}`);
    expect(find(objs, "Deployment", "shipshape-webhook")).toBeDefined();
  });
});

describe("the scanning CronJob (kubectl kustomize deploy/cronjob)", () => {
  let objs: Json[];
  beforeAll(() => {
    objs = render("cronjob");
  });

  it("scans the cluster into PolicyReports, then applies them with a short-lived projected token", () => {
    const cj = find(objs, "CronJob", "shipshape-scanner");
    expect(cj.spec.concurrencyPolicy).toBe("Forbid");
    const pod = cj.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe("shipshape-scanner");
    expect(pod.automountServiceAccountToken).toBe(false);
    const [scan] = pod.initContainers;
    expect(scan.args.slice(0, 4)).toEqual(["scan", "--cluster", "--format", "policyreport"]);
    const out = scan.args[scan.args.indexOf("--output") + 1];
    const [apply] = pod.containers;
    expect(apply.args).toContain(out);
    expect(apply.args).toContain("apply");
    const token = pod.volumes.find((v: Json) => v.name === "token");
    expect(token.projected.sources[0].serviceAccountToken.expirationSeconds).toBeLessThanOrEqual(3600);
    for (const c of [scan, apply]) {
      expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } });
    }
  });

  it("grants read-only access to scanned kinds, Secrets by list only, and writes only PolicyReports", () => {
    const role = find(objs, "ClusterRole", "shipshape-scanner");
    const writes = new Set(["create", "update", "patch", "delete", "deletecollection", "escalate", "bind", "impersonate"]);
    for (const r of role.rules) {
      expect(r.verbs).not.toContain("*");
      expect(r.resources).not.toContain("*");
      if (r.apiGroups.includes("wgpolicyk8s.io")) expect(r.resources.sort()).toEqual(["clusterpolicyreports", "policyreports"]);
      else expect(r.verbs.filter((v: string) => writes.has(v))).toEqual([]);
      if (r.resources.includes("secrets")) expect(r.verbs).toEqual(["list"]);
      expect(r.verbs).not.toContain("watch");
    }
    // Exactly the kinds the cluster scan lists: none missing (a 403 would leave a kind unscanned), none extra.
    const granted = role.rules.filter((r: Json) => !r.apiGroups.includes("wgpolicyk8s.io")).flatMap((r: Json) => r.resources.map((res: string) => `${r.apiGroups[0]}/${res}`));
    const listed = CLUSTER_KINDS.map((k) => `${k.apiVersion.includes("/") ? k.apiVersion.split("/")[0] : ""}/${k.plural}`);
    expect(granted.sort()).toEqual(listed.sort());
    const binding = find(objs, "ClusterRoleBinding", "shipshape-scanner");
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "shipshape-scanner", namespace: "shipshape" }]);
  });
});

describe("deploy/gen-certs.sh", () => {
  let dir: string;
  let rendered: Json[];
  beforeAll(() => {
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-certs-")), "certs");
    const out = execFileSync("bash", [path.join(DEPLOY, "gen-certs.sh"), "--out-dir", dir, "--render"], { encoding: "utf8", env: { ...process.env, KUBECTL: realKubectl() }, stdio: ["ignore", "pipe", "pipe"] });
    rendered = parseAllDocuments(out).map((d) => d.toJS() as Json);
  }, 60_000);

  it("issues a serving certificate for the Service, signed by the CA that becomes the caBundle", () => {
    const san = execFileSync("openssl", ["x509", "-in", path.join(dir, "tls.crt"), "-noout", "-ext", "subjectAltName,extendedKeyUsage"], { encoding: "utf8" });
    expect(san).toContain("DNS:shipshape-webhook.shipshape.svc");
    expect(san).toContain("TLS Web Server Authentication");
    const vwc = find(rendered, "ValidatingWebhookConfiguration", "shipshape");
    const ca = Buffer.from(vwc.webhooks[0].clientConfig.caBundle, "base64").toString("utf8");
    expect(ca).toBe(readFileSync(path.join(dir, "ca.crt"), "utf8"));
    const verify = spawnSync("openssl", ["verify", "-CAfile", path.join(dir, "ca.crt"), path.join(dir, "tls.crt")], { encoding: "utf8" });
    expect(verify.stdout).toContain("OK");
  });

  it("renders the Secret the Deployment mounts, in the shipshape namespace, with the whole webhook", () => {
    const secret = find(rendered, "Secret", "shipshape-webhook-tls");
    expect(secret.type).toBe("kubernetes.io/tls");
    expect(secret.metadata.namespace).toBe("shipshape");
    expect(Buffer.from(secret.data["tls.crt"], "base64").toString("utf8")).toBe(readFileSync(path.join(dir, "tls.crt"), "utf8"));
    expect(find(rendered, "Deployment", "shipshape-webhook")).toBeDefined();
  });

  it("keeps the CA on a second run, so renewal does not invalidate the registered caBundle", () => {
    const ca = readFileSync(path.join(dir, "ca.crt"), "utf8");
    const cert = readFileSync(path.join(dir, "tls.crt"), "utf8");
    execFileSync("bash", [path.join(DEPLOY, "gen-certs.sh"), "--out-dir", dir, "--files-only"], { stdio: "ignore" });
    expect(readFileSync(path.join(dir, "ca.crt"), "utf8")).toBe(ca);
    expect(readFileSync(path.join(dir, "tls.crt"), "utf8")).not.toBe(cert);
  }, 30_000);
});

describe("the Dockerfile (read, not built: no Docker engine here)", () => {
  const text = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const final = lines.slice(lines.findLastIndex((l) => l.startsWith("FROM ")));

  it("builds in a Node 20 stage and runs on distroless as a numeric non-root user, exec-form", () => {
    expect(text).toMatch(/^FROM node:20[^\s]* AS build$/m);
    expect(text).toMatch(/npm ci /);
    expect(text).toMatch(/npm prune --omit=dev/);
    expect(final[0]).toMatch(/^FROM gcr\.io\/distroless\/nodejs20-debian12:nonroot/);
    expect(final).toContain("USER 65532:65532");
    expect(final.find((l) => l.startsWith("ENTRYPOINT"))).toBe('ENTRYPOINT ["/nodejs/bin/node", "/app/bin/shipshape.js"]');
    expect(final.find((l) => l.startsWith("HEALTHCHECK"))).toMatch(/CMD \["/);
    expect(text).toContain('org.opencontainers.image.licenses="Apache-2.0"');
  });

  it("copies only paths the .dockerignore lets into the build context", () => {
    const allowed = readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n").filter((l) => l.startsWith("!")).map((l) => l.slice(1).replace(/\/$/, ""));
    const sources = lines.filter((l) => l.startsWith("COPY ") && !l.includes("--from=")).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const s of sources) expect(allowed, s).toContain(s.replace(/\/$/, ""));
  });
});

describe("the image's HEALTHCHECK script", () => {
  const script = path.join(DEPLOY, "docker", "healthcheck.mjs");
  // The script reads the container's main command line from /proc/1/cmdline; here from a file standing in for it.
  const run = (cmdline: string[]): Promise<number> => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-hc-")), "cmdline");
    writeFileSync(file, cmdline.join("\0") + "\0");
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [script], { env: { ...process.env, SHIPSHAPE_HEALTHCHECK_CMDLINE: file }, stdio: "ignore" });
      child.on("exit", (code) => resolve(code ?? -1));
    });
  };

  it("is healthy while a scan runs, whatever listens", async () => {
    expect(await run(["/nodejs/bin/node", "/app/bin/shipshape.js", "scan", "--cluster"])).toBe(0);
  });

  it("asks the webhook's /healthz over HTTPS on its --port, and fails when nothing answers", async () => {
    const certs = path.join(mkdtempSync(path.join(os.tmpdir(), "shipshape-hc-certs-")), "c");
    execFileSync("bash", [path.join(DEPLOY, "gen-certs.sh"), "--out-dir", certs, "--files-only"], { stdio: "ignore" });
    const paths: string[] = [];
    const server = https.createServer({ cert: readFileSync(path.join(certs, "tls.crt")), key: readFileSync(path.join(certs, "tls.key")) }, (req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(req.url === "/healthz" ? 200 : 404).end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await run(["/nodejs/bin/node", "/app/bin/shipshape.js", "webhook", "--port", String(port), "--tls-cert", "/tls/tls.crt"])).toBe(0);
      expect(paths).toEqual(["/healthz"]);
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect(await run(["node", "shipshape.js", "webhook", `--port=${port}`])).toBe(1);
  }, 30_000);
});
