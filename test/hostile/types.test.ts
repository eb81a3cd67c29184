// Wrong types where objects are expected: every rule must read them as "not set" or report them, never crash.
import { describe, expect, it } from "vitest";
import { expectIntact, scanBeside } from "./_scan.js";

const T = { timeout: 20_000 };
const pod = (spec: string, metadata = "metadata:\n  name: p\n") => `apiVersion: v1\nkind: Pod\n${metadata}${spec}`;
const container = (extra: string) => pod(`spec:\n  containers:\n    - name: c\n      image: nginx:1.27\n${extra}`);

const CASES: [string, string][] = [
  ["containers: \"x\"", pod('spec:\n  containers: "x"\n')],
  ["containers: [1, \"a\", null]", pod('spec:\n  containers: [1, "a", null]\n')],
  ["containers: {}", pod("spec:\n  containers: {}\n")],
  ["spec: null", pod("spec: null\n")],
  ["spec: []", pod("spec: []\n")],
  ["spec: 42", pod("spec: 42\n")],
  ["metadata: \"x\"", pod("spec: {}\n", 'metadata: "x"\n')],
  ["metadata: []", pod("spec: {}\n", "metadata: []\n")],
  ["a number as name", pod("spec: {}\n", "metadata:\n  name: 42\n  namespace: 7\n")],
  ["a boolean as name", pod("spec: {}\n", "metadata:\n  name: true\n  labels: [a]\n  annotations: 3\n")],
  ["securityContext: true", container("      securityContext: true\n")],
  ["securityContext.capabilities: \"ALL\"", container('      securityContext:\n        capabilities: "ALL"\n        privileged: "yes"\n        runAsUser: "root"\n')],
  ["capabilities.add: \"SYS_ADMIN\"", container('      securityContext:\n        capabilities: {add: "SYS_ADMIN", drop: 1}\n')],
  ["ports: {}", container("      ports: {}\n")],
  ["ports: [80, {containerPort: \"http\"}]", container('      ports: [80, {containerPort: "http", hostPort: "x"}]\n')],
  ["env: \"x\"", container('      env: "x"\n      envFrom: 3\n')],
  ["env: [1, {name: 2, valueFrom: \"x\"}]", container('      env: [1, {name: 2, valueFrom: "x"}]\n')],
  ["resources: []", container("      resources: []\n")],
  ["resources.limits: \"lots\"", container('      resources: {limits: "lots", requests: {cpu: [1], memory: {a: 1}}}\n')],
  ["image: 123", pod("spec:\n  containers:\n    - {name: c, image: 123, command: \"x\", args: {a: 1}}\n")],
  ["image: null", pod("spec:\n  containers:\n    - {name: [c], image: null, imagePullPolicy: 7}\n")],
  ["volumes: \"x\"", pod("spec:\n  volumes: \"x\"\n  containers: [{name: c, image: nginx, volumeMounts: \"y\"}]\n")],
  ["volumes: [{hostPath: \"/\"}]", pod("spec:\n  volumes: [{name: v, hostPath: \"/\"}, {name: w, hostPath: {path: 7}}]\n  containers: [{name: c, image: nginx, volumeMounts: [{name: v, mountPath: 1}]}]\n")],
  ["hostNetwork: \"yes\"", pod('spec:\n  hostNetwork: "yes"\n  hostPID: 1\n  securityContext: "x"\n  containers: [{name: c, image: nginx}]\n')],
  ["probes of the wrong type", container('      livenessProbe: "x"\n      readinessProbe: {httpGet: 1}\n      startupProbe: [1]\n')],
  ["Deployment template: \"x\"", 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "three"\n  selector: "app=x"\n  template: "x"\n'],
  ["Deployment template.spec: []", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: []\n    spec: []\n"],
  ["CronJob jobTemplate: 1", "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: 5\n  jobTemplate: 1\n"],
  ["Service ports: \"80\"", 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: [LoadBalancer]\n  ports: "80"\n  selector: "app"\n'],
  ["Role rules: \"*\"", 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: "*"\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r2}\nrules: [{verbs: "*", resources: 1, apiGroups: null}]\n'],
  ["RoleBinding subjects: {}", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: \"cluster-admin\"\nsubjects: {kind: User}\n"],
  ["NetworkPolicy spec: \"x\"", 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: "x"\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n2}\nspec: {podSelector: [], ingress: "all", policyTypes: 1}\n'],
  ["Ingress rules: 1", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {rules: 1, tls: \"x\", defaultBackend: []}\n"],
  ["Secret data: [1]", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: [1]\nstringData: \"x\"\n"],
  ["List items: \"x\"", 'apiVersion: v1\nkind: List\nitems: "x"\n---\napiVersion: v1\nkind: List\nitems: [1, null, {kind: Pod}]\n'],
  ["an unknown kind", "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: g}\nspec:\n  template: {spec: {containers: [{name: c, image: nginx, securityContext: {privileged: true}}]}}\n"],
  ["an unknown apiVersion of a known kind", "apiVersion: v99\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n"],
  ["apiVersion and kind of the wrong type", "apiVersion: 1\nkind: [Pod]\nmetadata: {name: p}\n---\napiVersion: v1\nkind: {a: 1}\n"],
  ["a document that is a scalar", "just a string\n---\n42\n---\nnull\n"],
  ["a document that is a list", "- apiVersion: v1\n  kind: Pod\n- 2\n"],
  ["a CustomResourceDefinition with a broken schema", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x.example.com}\nspec:\n  versions: [{name: v1, schema: {openAPIV3Schema: \"x\"}}, 1]\n"],
  ["a ValidatingAdmissionPolicy with non-string CEL", "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: {name: v}\nspec:\n  validations: [{expression: 1}, \"x\", {expression: [\"a\"]}]\n  matchConstraints: 7\n"],
];

describe("wrong types where objects are expected", () => {
  it.each(CASES)("%s: every rule runs without an internal error; good.yaml is still reported", T, async (_name, text) => {
    const r = await scanBeside({ "hostile.yaml": text }, ["--profile", "all"]);
    expectIntact(r);
    for (const f of r.of("hostile.yaml")) {
      expect(f.location.line, `${f.ruleId}: ${f.message}`).toBeGreaterThanOrEqual(1);
      expect(f.location.line).toBeLessThanOrEqual(text.split("\n").length);
    }
  });

  it("reports the wrong types of built-in kinds (schema-invalid) at their lines", T, async () => {
    const r = await scanBeside({ "hostile.yaml": pod('spec:\n  containers: "x"\n') }, ["--profile", "all"]);
    expectIntact(r);
    const schema = r.of("hostile.yaml").filter((f) => f.ruleId === "schema-invalid");
    expect(schema.length).toBeGreaterThan(0);
    expect(schema.map((f) => f.location.line)).toContain(6);
  });

  it("counts scalar and list documents as not Kubernetes objects", T, async () => {
    const r = await scanBeside({ "s.yaml": "just a string\n---\n- a\n- b\n---\n42\n" });
    expectIntact(r);
    expect(r.summary.objects).toBe(1);
  });
});
