// AdmissionReview bodies shaped as kube-apiserver sends them (admission.k8s.io/v1), for tests and the benchmark.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { JsonObject } from "../model/types.js";

export const SECURE_POD_SPEC: JsonObject = {
  automountServiceAccountToken: false,
  serviceAccountName: "web",
  securityContext: { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, seccompProfile: { type: "RuntimeDefault" } },
  containers: [
    {
      name: "web",
      image: `registry.example.com/web@sha256:${"a".repeat(64)}`,
      imagePullPolicy: "Always",
      ports: [{ containerPort: 8080 }],
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
      resources: {
        requests: { cpu: "100m", memory: "64Mi", "ephemeral-storage": "100Mi" },
        limits: { cpu: "500m", memory: "128Mi", "ephemeral-storage": "200Mi" },
      },
      livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
      readinessProbe: { httpGet: { path: "/readyz", port: 8080 } },
    },
  ],
};

const GVR: Record<string, { group: string; version: string; resource: string }> = {
  Pod: { group: "", version: "v1", resource: "pods" },
  Deployment: { group: "apps", version: "v1", resource: "deployments" },
  CronJob: { group: "batch", version: "v1", resource: "cronjobs" },
  RoleBinding: { group: "rbac.authorization.k8s.io", version: "v1", resource: "rolebindings" },
};

export interface ReviewOptions {
  uid?: string;
  operation?: "CREATE" | "UPDATE" | "DELETE" | "CONNECT";
  oldObject?: JsonObject;
  dryRun?: boolean;
  subResource?: string;
  namespace?: string;
}

/** An AdmissionReview request for `object`, with the fields kube-apiserver fills in. */
export function admissionReview(object: JsonObject, o: ReviewOptions = {}): JsonObject {
  const kind = String(object.kind);
  const gvr = GVR[kind] ?? { group: "", version: "v1", resource: `${kind.toLowerCase()}s` };
  const metadata = (object.metadata ?? {}) as JsonObject;
  const namespace = o.namespace ?? (metadata.namespace as string | undefined) ?? "default";
  const operation = o.operation ?? "CREATE";
  const request: JsonObject = {
    uid: o.uid ?? "705ab4f5-6393-11e8-b7cc-42010a800002",
    kind: { group: gvr.group, version: gvr.version, kind },
    resource: gvr,
    requestKind: { group: gvr.group, version: gvr.version, kind },
    requestResource: gvr,
    name: metadata.name,
    namespace,
    operation,
    userInfo: { username: "admin", uid: "014fbff9a07c", groups: ["system:authenticated", "my-admin-group"] },
    object,
    oldObject: o.oldObject ?? null,
    dryRun: o.dryRun ?? false,
    options: { apiVersion: "meta.k8s.io/v1", kind: operation === "UPDATE" ? "UpdateOptions" : "CreateOptions" },
  };
  if (o.subResource) {
    request.subResource = o.subResource;
    request.requestSubResource = o.subResource;
  }
  return { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request };
}

export function pod(name: string, namespace: string, spec: JsonObject, annotations?: Record<string, string>): JsonObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace, uid: "c1d2", ...(annotations ? { annotations } : {}) }, spec };
}

export function deployment(name: string, namespace: string, podSpec: JsonObject): JsonObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, generation: 1, labels: { app: name } },
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
  };
}

export function cronJob(name: string, namespace: string, podSpec: JsonObject): JsonObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace },
    spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: { spec: { restartPolicy: "Never", ...podSpec } } } } },
  };
}

export function roleBinding(name: string, namespace: string, role: string, subject: JsonObject): JsonObject {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name, namespace },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
    subjects: [subject],
  };
}

/** A self-signed certificate and key for localhost / 127.0.0.1 (EC P-256, made with openssl). */
export function makeCertificate(dir: string, name: string, cn = "shipshape-webhook"): { cert: string; key: string } {
  const cert = path.join(dir, `${name}.crt`);
  const key = path.join(dir, `${name}.key`);
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "2", "-subj", `/CN=${cn}`,
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  return { cert, key };
}
