// Entry points: the ways traffic from outside the cluster gets in, and the workloads each one reaches.
// Services of type LoadBalancer (not internal ones) and NodePort, externalIPs, Ingresses, Gateway API routes
// attached to a Gateway, Istio VirtualServices bound to a gateway (all from services.ts), and pods on the
// node's network (hostNetwork) or with a hostPort.
import type { Inventory } from "../engine/inventory.js";
import { type ServiceInfo, serviceIndex, serviceExposures } from "../model/services.js";
import { isObject } from "../model/types.js";
import { asArray } from "../model/values.js";
import type { EntryKind, EntryPoint, PathStep } from "./types.js";
import { type WorkloadNode, disambiguate, nodeId, refOf } from "./workloads.js";

/** An entry point with the steps that lead to it from the internet and the workloads behind it. */
export interface Entry {
  summary: EntryPoint;
  /** Steps after "internet": the Gateway (when the scan has it) and the exposing object. */
  steps: PathStep[];
  /** Workloads reached, with the fact of the step into each. */
  targets: { node: WorkloadNode; fact: string }[];
}

const EXPOSE_RULES: Record<string, string[]> = {
  LoadBalancer: ["service-loadbalancer", "workload-externally-exposed"],
  NodePort: ["service-nodeport", "workload-externally-exposed"],
  externalIPs: ["service-external-ips", "workload-externally-exposed"],
  route: ["workload-externally-exposed"],
  hostPort: ["host-port"],
  hostNetwork: ["host-network"],
};

export function entryPoints(inventory: Inventory, nodes: readonly WorkloadNode[]): Entry[] {
  const services = serviceIndex(inventory);
  const byResource = new Map(nodes.map((n) => [n.resource, n]));
  const ns = inventory.defaultNamespace;
  const selected = (s: ServiceInfo) =>
    services.selectedBy(s).flatMap((t) => {
      const n = byResource.get(t.resource);
      return n ? [n] : [];
    });
  const out: Entry[] = [];
  const make = (id: string, kind: EntryKind, steps: PathStep[], targets: Entry["targets"]): void => {
    const last = steps[steps.length - 1]!;
    out.push({ summary: { id, kind, ref: last.ref!, fact: last.fact, workloads: targets.map((t) => t.node.ref) }, steps, targets });
  };

  for (const s of services.services) {
    for (const e of serviceExposures(s)) {
      if (e.via !== "NodePort" && e.via !== "LoadBalancer" && e.via !== "externalIPs") continue;
      if (e.via === "LoadBalancer" && e.internal) continue;
      const base = nodeId("Service", s.namespace, s.name);
      const id = e.via === "externalIPs" ? `${base}#externalIPs` : base;
      const fact = e.via === "externalIPs" ? `Service has externalIPs ${s.externalIPs.join(", ")}` : `Service type ${e.via}`;
      const path = e.via === "externalIPs" ? ["spec", "externalIPs"] : ["spec", "type"];
      const step: PathStep = { node: id, type: "entry", ref: refOf(s.resource, path, ns), fact, breakWith: EXPOSE_RULES[e.via]! };
      make(id, e.via, [step], selected(s).map((node) => ({ node, fact: `Service ${s.namespace}/${s.name} selects the pods` })));
    }
  }

  for (const r of inventory.resources) {
    const backends = services.backendsOf(r).filter((b) => b.external);
    if (backends.length === 0) continue;
    const kind = backends[0]!.routeKind;
    const id = nodeId(r.kind, inventory.namespaceOf(r), r.name);
    const steps: PathStep[] = [];
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const gateways = asArray(spec.parentRefs).filter(isObject).filter((p) => (p.kind === undefined || p.kind === "Gateway") && typeof p.name === "string");
    const routeNs = inventory.namespaceOf(r) ?? ns;
    const gwNames: string[] = [];
    for (const p of gateways) {
      const gns = typeof p.namespace === "string" && p.namespace !== "" ? p.namespace : routeNs;
      gwNames.push(`${gns}/${String(p.name)}`);
      const gw = inventory.get("Gateway", gns, String(p.name));
      if (gw && steps.length === 0) steps.push({ node: nodeId("Gateway", gns, gw.name), type: "entry", ref: refOf(gw, ["spec", "listeners"], ns), fact: "Gateway listens for outside traffic", breakWith: [] });
    }
    const fact = kind === "Ingress" ? "Ingress routes outside traffic into the cluster"
      : kind === "VirtualService" ? "VirtualService is bound to an Istio gateway"
      : `${kind} is attached to Gateway ${gwNames.join(", ")}`;
    steps.push({ node: id, type: "entry", ref: refOf(r, undefined, ns), fact, breakWith: EXPOSE_RULES.route! });
    const targets: Entry["targets"] = [];
    const seen = new Set<WorkloadNode>();
    for (const b of backends) {
      const s = services.serviceNamed(b.namespace, b.name);
      if (!s) continue;
      for (const node of selected(s)) {
        if (seen.has(node)) continue;
        seen.add(node);
        targets.push({ node, fact: `${kind} ${routeNs}/${r.name} sends traffic to Service ${s.namespace}/${s.name}, which selects the pods` });
      }
    }
    make(id, kind as EntryKind, steps, targets);
  }

  for (const n of nodes) {
    const t = n.template;
    if (t.hostNetwork) {
      const id = `hostNetwork/${n.namespace}/${n.resource.name}`;
      make(id, "hostNetwork", [{ node: id, type: "entry", ref: refOf(n.resource, n.workload.at("hostNetwork"), ns), fact: "pods use the node's network: every port they listen on is open on the node", breakWith: EXPOSE_RULES.hostNetwork! }], [{ node: n, fact: "listens on the node's addresses" }]);
    }
    for (const p of t.ports) {
      if (p.hostPort === undefined || p.hostPort === 0) continue;
      const id = `hostPort/${n.namespace}/${n.resource.name}:${p.hostPort}`;
      make(id, "hostPort", [{ node: id, type: "entry", ref: refOf(n.resource, [...p.path, "hostPort"], ns), fact: `container ${p.container} opens hostPort ${p.hostPort} on the node`, breakWith: EXPOSE_RULES.hostPort! }], [{ node: n, fact: `hostPort ${p.hostPort} forwards to the pod` }]);
    }
  }
  disambiguate(out, (e) => e.summary.id, (e, id) => {
    e.summary.id = id;
    e.steps[e.steps.length - 1]!.node = id;
  }, (e) => e.summary.ref);
  out.sort((a, b) => (a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0));
  return out;
}
