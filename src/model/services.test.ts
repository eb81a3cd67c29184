import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Inventory } from "../engine/inventory.js";
import { loadManifestText } from "../loaders/manifest.js";
import { hasInternalAnnotation, istioHostService, serviceIndex } from "./services.js";

function inventoryOf(...objects: object[]): Inventory {
  const loaded = loadManifestText(objects.map((o) => stringify(o)).join("---\n"), "t.yaml");
  return new Inventory(loaded.resources, "default");
}

const deploy = (name: string, labels: object, namespace?: string, extra: object = {}): object => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec: { template: { metadata: { labels }, spec: { containers: [{ name: "a", image: "x", ...extra }] } } },
});
const service = (name: string, spec: object, metadata: object = {}): object => ({ apiVersion: "v1", kind: "Service", metadata: { name, ...metadata }, spec });

describe("Services and the pods they select", () => {
  it("selects pod templates of the same namespace whose labels contain the selector", () => {
    const inv = inventoryOf(
      deploy("web", { app: "web", tier: "front" }),
      deploy("web", { app: "web" }, "other"),
      deploy("db", { app: "db" }),
      service("web", { selector: { app: "web" } }),
    );
    const idx = serviceIndex(inv);
    const s = idx.services[0]!;
    expect(idx.selectedBy(s).map((t) => `${t.namespace}/${t.resource.name}`)).toEqual(["default/web"]);
    expect(idx.servicesSelecting(idx.template(inv.resources[0]!)!).map((x) => x.name)).toEqual(["web"]);
  });

  it("a Service without selector, with an empty one, or of type ExternalName selects nothing", () => {
    const inv = inventoryOf(
      deploy("web", { app: "web" }),
      service("a", { ports: [{ port: 80 }] }),
      service("b", { selector: {} }),
      service("c", { type: "ExternalName", externalName: "x.example", selector: { app: "web" } }),
    );
    const idx = serviceIndex(inv);
    expect(idx.services.map((s) => idx.selectedBy(s).length)).toEqual([0, 0, 0]);
  });

  it("reads the pod labels of a Deployment whose template has no spec yet, and of Pods and CronJobs", () => {
    const inv = inventoryOf(
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "bare" }, spec: { template: { metadata: { labels: { app: "bare" } } } } },
      { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { app: "p" } }, spec: { containers: [{ name: "a" }] } },
      { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "c" }, spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: "c" } }, spec: { containers: [{ name: "a" }] } } } } } },
    );
    const idx = serviceIndex(inv);
    expect(idx.templates.map((t) => [t.resource.name, t.labels.app, t.labelsPath.join(".")])).toEqual([
      ["bare", "bare", "spec.template.metadata.labels"],
      ["p", "p", "metadata.labels"],
      ["c", "c", "spec.jobTemplate.spec.template.metadata.labels"],
    ]);
  });

  it("knows the labels controllers add to pods at run time", () => {
    const inv = inventoryOf(
      { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "redis" }, spec: { template: { metadata: { labels: { app: "redis" } }, spec: { containers: [{ name: "a" }] } } } },
      { apiVersion: "batch/v1", kind: "Job", metadata: { name: "migrate" }, spec: { template: { metadata: { labels: { app: "m" } }, spec: { containers: [{ name: "a" }] } } } },
      service("announce-0", { selector: { app: "redis", "statefulset.kubernetes.io/pod-name": "redis-0" } }),
      service("other-sts", { selector: { app: "redis", "statefulset.kubernetes.io/pod-name": "cache-0" } }),
      service("job", { selector: { "job-name": "migrate" } }),
      service("hash", { selector: { app: "redis", "pod-template-hash": "abc" } }),
    );
    const idx = serviceIndex(inv);
    expect(idx.services.map((s) => [s.name, idx.selectedBy(s).map((t) => t.resource.name)])).toEqual([
      ["announce-0", ["redis"]], ["other-sts", []], ["job", ["migrate"]], ["hash", []],
    ]);
  });

  it("models the pods of Prometheus Operator resources", () => {
    const inv = inventoryOf(
      { apiVersion: "monitoring.coreos.com/v1", kind: "Prometheus", metadata: { name: "k8s", namespace: "mon" }, spec: { podMetadata: { labels: { team: "obs" } } } },
      { apiVersion: "monitoring.coreos.com/v1", kind: "Alertmanager", metadata: { name: "main", namespace: "mon" }, spec: {} },
      service("prometheus", { selector: { prometheus: "k8s", team: "obs" } }, { namespace: "mon" }),
      service("alertmanager", { selector: { alertmanager: "main", "app.kubernetes.io/name": "alertmanager" } }, { namespace: "mon" }),
      service("wrong", { selector: { prometheus: "main" } }, { namespace: "mon" }),
    );
    const idx = serviceIndex(inv);
    expect(idx.services.map((s) => idx.selectedBy(s).map((t) => `${t.resource.kind}/${t.resource.name}`))).toEqual([["Prometheus/k8s"], ["Alertmanager/main"], []]);
    expect(idx.templates[0]!.ports.map((p) => p.name)).toEqual(["web"]);
  });

  it("reads container ports with defaults", () => {
    const inv = inventoryOf(deploy("web", { app: "web" }, undefined, { ports: [{ name: "http", containerPort: 8080 }, { containerPort: "53", protocol: "udp", hostPort: 53 }, "junk"] }));
    const t = serviceIndex(inv).templates[0]!;
    expect(t.ports.map((p) => [p.name, p.number, p.protocol, p.hostPort])).toEqual([["http", 8080, "TCP", undefined], [undefined, 53, "UDP", 53]]);
  });
});

describe("routes", () => {
  it("reads Ingress backends of v1 and v1beta1, rules and default backend", () => {
    const inv = inventoryOf(
      {
        apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" },
        spec: {
          defaultBackend: { service: { name: "def", port: { number: 80 } } },
          rules: [{ http: { paths: [{ backend: { service: { name: "web", port: { name: "http" } } } }, { backend: { resource: { kind: "Bucket", name: "b" } } }] } }],
        },
      },
      { apiVersion: "extensions/v1beta1", kind: "Ingress", metadata: { name: "old" }, spec: { backend: { serviceName: "legacy", servicePort: 8080 } } },
    );
    const idx = serviceIndex(inv);
    expect(idx.backendsOf(inv.resources[0]!).map((b) => [b.name, b.port?.number ?? b.port?.name, b.namePath.join(".")])).toEqual([
      ["def", 80, "spec.defaultBackend.service.name"],
      ["web", "http", "spec.rules.0.http.paths.0.backend.service.name"],
    ]);
    expect(idx.backendsOf(inv.resources[1]!).map((b) => [b.name, b.port?.number])).toEqual([["legacy", 8080]]);
  });

  it("reads Gateway API backendRefs with namespaces and kinds, and whether the route is attached to a Gateway", () => {
    const inv = inventoryOf(
      {
        apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "r", namespace: "apps" },
        spec: {
          parentRefs: [{ name: "gw", namespace: "infra" }],
          rules: [{ backendRefs: [{ name: "web", port: 80 }, { name: "api", namespace: "backend", port: 8080 }, { kind: "Bucket", group: "x.io", name: "b" }] }],
        },
      },
      { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "mesh" }, spec: { parentRefs: [{ kind: "Service", group: "", name: "web" }], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] } },
    );
    const idx = serviceIndex(inv);
    expect(idx.backendsOf(inv.resources[0]!).map((b) => [`${b.namespace}/${b.name}`, b.port?.number, b.external])).toEqual([
      ["apps/web", 80, true],
      ["backend/api", 8080, true],
    ]);
    expect(idx.backendsOf(inv.resources[1]!).map((b) => b.external)).toEqual([false]);
  });

  it("reads Istio VirtualService destinations; only gateway-bound ones are external", () => {
    expect(istioHostService("web", "a")).toEqual({ name: "web", namespace: "a" });
    expect(istioHostService("web.b", "a")).toEqual({ name: "web", namespace: "b" });
    expect(istioHostService("web.b.svc.cluster.local", "a")).toEqual({ name: "web", namespace: "b" });
    expect(istioHostService("www.example.com", "a")).toBeUndefined();
    const inv = inventoryOf(
      { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "v" }, spec: { gateways: ["istio-system/gw"], http: [{ route: [{ destination: { host: "web", port: { number: 80 } } }] }] } },
      { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "m" }, spec: { http: [{ route: [{ destination: { host: "web" } }] }] } },
    );
    const idx = serviceIndex(inv);
    expect(idx.backendsOf(inv.resources[0]!).map((b) => [b.name, b.external])).toEqual([["web", true]]);
    expect(idx.backendsOf(inv.resources[1]!).map((b) => [b.name, b.external])).toEqual([["web", false]]);
  });
});

describe("exposure", () => {
  it("lists NodePort, LoadBalancer, externalIPs, routes, hostPort and hostNetwork", () => {
    const inv = inventoryOf(
      deploy("web", { app: "web" }, undefined, { ports: [{ containerPort: 80, hostPort: 80 }] }),
      service("np", { type: "NodePort", selector: { app: "web" } }),
      service("lb", { type: "LoadBalancer", selector: { app: "web" } }, { annotations: { "networking.gke.io/load-balancer-type": "internal" } }),
      service("ip", { selector: { app: "web" }, externalIPs: ["1.2.3.4"] }),
      service("cip", { selector: { app: "web" } }),
      { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "i" }, spec: { defaultBackend: { service: { name: "cip", port: { number: 80 } } } } },
    );
    const idx = serviceIndex(inv);
    const ex = idx.exposures(idx.templates[0]!);
    expect(ex.map((e) => ("service" in e ? `${e.via}:${e.service.name}${"internal" in e && e.internal ? ":internal" : ""}` : e.via))).toEqual([
      "NodePort:np", "LoadBalancer:lb:internal", "externalIPs:ip", "route:cip", "hostPort",
    ]);
  });

  it("matches internal load balancer annotations by key and case-insensitive value", () => {
    expect(hasInternalAnnotation({ "a/b": "True" }, ["a/b=true"])).toBe(true);
    expect(hasInternalAnnotation({ "a/b": "false" }, ["a/b=true"])).toBe(false);
    expect(hasInternalAnnotation({ "a/b": "" }, ["a/b"])).toBe(true);
    expect(hasInternalAnnotation({}, ["a/b"])).toBe(false);
  });
});
