// `--format policyreport`: PolicyReport per namespace and one ClusterPolicyReport (wgpolicyk8s.io/v1alpha2),
// validated against the CRDs' openAPIV3Schema when ../shared/schemas is present, and structurally always.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { emptyConfig } from "../src/engine/config.js";
import { scan } from "../src/engine/scan.js";
import { type PolicyReportObject, buildPolicyReports, renderPolicyReport } from "../src/report/policyreport.js";
import { runCli, tempTree } from "../src/testing/cli.js";

const schemaDir = fileURLToPath(new URL("../../shared/schemas/", import.meta.url));
const crdFiles = {
  PolicyReport: `${schemaDir}wgpolicyk8s.io_policyreports.v1alpha2.yaml`,
  ClusterPolicyReport: `${schemaDir}wgpolicyk8s.io_clusterpolicyreports.v1alpha2.yaml`,
};
const haveSchemas = existsSync(crdFiles.PolicyReport) && existsSync(crdFiles.ClusterPolicyReport);
if (!haveSchemas) console.warn(`policyreport.test: ../shared/schemas not found at ${schemaDir}; the CRD schema validation is skipped (the structural tests still run)`);

const MANIFESTS = {
  "apps.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {privileged: true}
---
apiVersion: v1
kind: Pod
metadata:
  name: quiet
  annotations:
    ignore.shipshape.io/privileged-container: "lab machine, reviewed"
spec:
  containers:
    - name: c
      image: busybox:1.36
      securityContext: {privileged: true}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: everyone-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: Group, name: "system:authenticated", apiGroup: rbac.authorization.k8s.io}
`,
  "broken.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n",
};

const NOW = new Date("2026-03-01T12:00:00.250Z");

async function reports(): Promise<PolicyReportObject[]> {
  const dir = tempTree(MANIFESTS);
  const report = await scan({ paths: [dir], cwd: dir, config: emptyConfig(), keepEvaluations: true });
  return buildPolicyReports(report, { now: NOW });
}

describe("policyreport format", () => {
  it.skipIf(!haveSchemas)("validates against the PolicyReport and ClusterPolicyReport CRD schemas (v1alpha2)", async () => {
    const ajv = new Ajv({ allErrors: true, strict: false, formats: { int32: true, int64: true } });
    const validators = Object.fromEntries(
      Object.entries(crdFiles).map(([kind, file]) => {
        const crd = parse(readFileSync(file, "utf8")) as { spec: { names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: object } }[] } };
        expect(crd.spec.names.kind).toBe(kind);
        const version = crd.spec.versions.find((v) => v.name === "v1alpha2")!;
        return [kind, ajv.compile(version.schema.openAPIV3Schema)];
      }),
    );
    const dir = tempTree(MANIFESTS);
    const { stdout } = await runCli(["scan", ".", "--no-config", "--format", "policyreport"], dir);
    const docs = parseAllDocuments(stdout).map((d) => d.toJS() as PolicyReportObject);
    expect(docs.map((d) => d.kind)).toEqual(["PolicyReport", "PolicyReport", "ClusterPolicyReport"]);
    for (const doc of docs) {
      const validate = validators[doc.kind]!;
      expect(validate(doc), `${doc.kind} ${doc.metadata.namespace ?? ""}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    // the schema does reject what it should: a severity outside its enum
    const bad = structuredClone(docs[0]!);
    (bad.results[0] as { severity: string }).severity = "severe";
    expect(validators.PolicyReport!(bad)).toBe(false);
  });

  it("writes one PolicyReport per namespace and one ClusterPolicyReport", async () => {
    const docs = await reports();
    expect(docs.map((d) => [d.kind, d.metadata.namespace])).toEqual([
      ["PolicyReport", "default"],
      ["PolicyReport", "shop"],
      ["ClusterPolicyReport", undefined],
    ]);
    for (const d of docs) {
      expect(d.apiVersion).toBe("wgpolicyk8s.io/v1alpha2");
      expect(d.metadata.name).toBe("shipshape");
      expect(d.metadata.labels["app.kubernetes.io/managed-by"]).toBe("shipshape");
    }
  });

  it("fills each result: policy and rule ids, result by severity, resources, source, timestamp, file and line", async () => {
    const [, shop] = await reports();
    const priv = shop!.results.find((r) => r.policy === "privileged-container" && r.result !== "pass")!;
    expect(priv).toMatchObject({
      policy: "privileged-container",
      rule: "privileged-container",
      result: "fail",
      severity: "critical",
      category: expect.any(String) as string,
      source: "shipshape",
      resources: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "shop" }],
      timestamp: { seconds: Math.floor(NOW.getTime() / 1000), nanos: 250_000_000 },
    });
    expect(priv.message).toMatch(/privileged/i);
    expect(priv.properties!.file).toMatch(/apps\.yaml$/);
    expect(Number(priv.properties!.line)).toBeGreaterThan(1);
    // below the --fail-on threshold (high): warn
    const low = shop!.results.filter((r) => r.result !== "pass" && (r.severity === "low" || r.severity === "medium"));
    expect(low.length).toBeGreaterThan(0);
    for (const r of low) expect(r.result).toBe("warn");
    // passes come from the evaluations
    expect(shop!.results.some((r) => r.result === "pass" && r.resources?.[0]?.name === "web")).toBe(true);
  });

  it("reports suppressed findings as skip with the reason, in the object's namespace (default when unset)", async () => {
    const [def] = await reports();
    const skipped = def!.results.find((r) => r.result === "skip")!;
    expect(skipped).toMatchObject({ policy: "privileged-container", resources: [{ kind: "Pod", name: "quiet", namespace: "default" }] });
    expect(skipped.properties).toMatchObject({ suppressedBy: "annotation", reason: "lab machine, reviewed" });
  });

  it("puts cluster-scoped objects and file diagnostics in the ClusterPolicyReport", async () => {
    const docs = await reports();
    const cluster = docs.at(-1)!;
    expect(cluster.results.some((r) => r.result === "fail" && r.resources?.[0]?.kind === "ClusterRoleBinding" && r.resources[0].namespace === undefined)).toBe(true);
    const parseError = cluster.results.find((r) => r.policy === "parse-error")!;
    expect(parseError).toMatchObject({ result: "error", category: "shipshape" });
    expect(parseError.resources).toBeUndefined();
    expect(parseError.properties!.file).toMatch(/broken\.yaml$/);
  });

  it("counts results in each summary", async () => {
    for (const d of await reports()) {
      const counts = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
      for (const r of d.results) counts[r.result]++;
      expect(d.summary).toEqual(counts);
    }
  });

  it("renders multi-document YAML with string-valued properties and integer timestamps", async () => {
    const dir = tempTree(MANIFESTS);
    const report = await scan({ paths: [dir], cwd: dir, config: emptyConfig() });
    const text = renderPolicyReport(report, { now: NOW });
    const docs = parseAllDocuments(text).map((d) => d.toJS() as PolicyReportObject);
    expect(docs.length).toBe(3);
    for (const d of docs) {
      for (const r of d.results) {
        for (const v of Object.values(r.properties ?? {})) expect(typeof v).toBe("string");
        expect(Number.isInteger(r.timestamp.seconds) && Number.isInteger(r.timestamp.nanos)).toBe(true);
        expect(["critical", "high", "medium", "low", "info"]).toContain(r.severity);
      }
    }
    // without evaluations there are no passes
    expect(docs.flatMap((d) => d.results).some((r) => r.result === "pass")).toBe(false);
  });

  it("an empty scan still writes the ClusterPolicyReport", async () => {
    const dir = tempTree({ "README.md": "nothing here" });
    const { stdout } = await runCli(["scan", ".", "--no-config", "--format", "policyreport"], dir);
    const docs = parseAllDocuments(stdout).map((d) => d.toJS() as PolicyReportObject);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: "ClusterPolicyReport", summary: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 }, results: [] });
  });
});
