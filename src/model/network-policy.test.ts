import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { Inventory } from "../engine/inventory.js";
import { loadManifestText } from "../loaders/manifest.js";
import { cidrContains, deniesAll, networkPolicyIndex, parseIp, portMatches } from "./network-policy.js";

function inventoryOf(...objects: object[]): Inventory {
  const loaded = loadManifestText(objects.map((o) => stringify(o)).join("---\n"), "t.yaml");
  return new Inventory(loaded.resources, "default");
}

const netpol = (name: string, spec: object, namespace?: string): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, ...(namespace ? { namespace } : {}) },
  spec,
});
const web = { namespace: "default", labels: { app: "web" } };
const db = { namespace: "default", labels: { app: "db" } };

describe("NetworkPolicy model", () => {
  it("an empty podSelector selects every pod of the policy's namespace, and only there", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("deny", { podSelector: {} })));
    expect(idx.isIsolated(web, "Ingress")).toBe(true);
    expect(idx.isIsolated({ namespace: "other", labels: { app: "web" } }, "Ingress")).toBe(false);
  });

  it("a missing podSelector reads as the empty selector", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("deny", {})));
    const p = idx.policies[0]!;
    expect(p.podSelectorWritten).toBe(false);
    expect(idx.isIsolated(db, "Ingress")).toBe(true);
  });

  it("a policy of another namespace does not cover the pod", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("deny", { podSelector: {} }, "prod")));
    expect(idx.selecting(web)).toEqual([]);
    expect(idx.ingressAllowed(db, web)).toBe(true);
  });

  it("implicit policyTypes: Ingress always, Egress only with egress rules", () => {
    const inv = inventoryOf(
      netpol("a", { podSelector: {}, ingress: [{}] }),
      netpol("b", { podSelector: {}, egress: [{ to: [{ podSelector: {} }] }] }),
      netpol("c", { podSelector: {}, egress: [] }),
      netpol("d", { podSelector: {}, policyTypes: ["Egress"] }),
    );
    const idx = networkPolicyIndex(inv);
    const types = idx.policies.map((p) => [...p.types].sort());
    expect(types).toEqual([["Ingress"], ["Egress", "Ingress"], ["Ingress"], ["Egress"]]);
    expect(idx.policies.map((p) => p.explicitTypes)).toEqual([false, false, false, true]);
  });

  it("a type with no rules is a default deny for that direction", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] })));
    const p = idx.policies[0]!;
    expect(deniesAll(p, "Ingress")).toBe(true);
    expect(deniesAll(p, "Egress")).toBe(true);
    expect(idx.ingressAllowed(db, web)).toBe(false);
    expect(idx.egressAllowed(web, db)).toBe(false);
    expect(idx.connectionAllowed(web, db)).toBe(false);
  });

  it("ingress rules from pods of the same namespace, with ports", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("web", {
      podSelector: { matchLabels: { app: "web" } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: "db" } } }], ports: [{ port: 8080 }, { port: "http" }, { port: 9000, endPort: 9010 }] }],
    })));
    expect(idx.ingressAllowed(db, web, { number: 8080 })).toBe(true);
    expect(idx.ingressAllowed(db, web, { number: 80, name: "http" })).toBe(true);
    expect(idx.ingressAllowed(db, web, { number: 9005 })).toBe(true);
    expect(idx.ingressAllowed(db, web, { number: 8080, protocol: "UDP" })).toBe(false);
    expect(idx.ingressAllowed(db, web, { number: 81 })).toBe(false);
    expect(idx.ingressAllowed({ namespace: "other", labels: { app: "db" } }, web, { number: 8080 })).toBe(false);
    // db itself is not selected: not isolated
    expect(idx.ingressAllowed(web, db)).toBe(true);
  });

  it("namespaceSelector matches the automatic kubernetes.io/metadata.name label and Namespace labels", () => {
    const inv = inventoryOf(
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "mon", labels: { team: "obs" } } },
      netpol("web", {
        podSelector: { matchLabels: { app: "web" } },
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress" } } }] },
          { from: [{ namespaceSelector: { matchLabels: { team: "obs" } }, podSelector: { matchLabels: { app: "prom" } } }] },
        ],
      }),
    );
    const idx = networkPolicyIndex(inv);
    expect(idx.ingressAllowed({ namespace: "ingress", labels: {} }, web)).toBe(true);
    expect(idx.ingressAllowed({ namespace: "mon", labels: { app: "prom" } }, web)).toBe(true);
    expect(idx.ingressAllowed({ namespace: "mon", labels: { app: "other" } }, web)).toBe(false);
    expect(idx.ingressAllowed({ namespace: "default", labels: { app: "prom" } }, web)).toBe(false);
  });

  it("ipBlock peers match addresses, minus except", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("web", {
      podSelector: {},
      ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }, { ipBlock: { cidr: "2001:db8::/32" } }] }],
    })));
    expect(idx.ingressAllowed({ ip: "10.2.3.4" }, web)).toBe(true);
    expect(idx.ingressAllowed({ ip: "10.1.3.4" }, web)).toBe(false);
    expect(idx.ingressAllowed({ ip: "192.168.1.1" }, web)).toBe(false);
    expect(idx.ingressAllowed({ ip: "2001:db8::1" }, web)).toBe(true);
    expect(idx.ingressAllowed(db, web)).toBe(false);
  });

  it("a rule without peers or ports allows everything", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("all", { podSelector: {}, ingress: [{}] })));
    expect(idx.ingressAllowed({ ip: "8.8.8.8" }, web, { number: 1 })).toBe(true);
  });

  it("Calico's NetworkPolicy kind and cluster-wide CNI policies are recorded but not evaluated", () => {
    const inv = inventoryOf(
      { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "c" }, spec: { selector: "all()" } },
      { apiVersion: "cilium.io/v2", kind: "CiliumClusterwideNetworkPolicy", metadata: { name: "cc" }, spec: {} },
    );
    const idx = networkPolicyIndex(inv);
    expect(idx.policies).toEqual([]);
    expect(idx.cniPoliciesIn("default").length).toBe(1);
    expect(idx.hasUnevaluatedPolicies("other")).toBe(true);
  });

  it("wrong types do not throw", () => {
    const idx = networkPolicyIndex(inventoryOf(netpol("x", { podSelector: "app=web", ingress: "all", egress: [null, { to: "x", ports: [1] }], policyTypes: "Ingress" })));
    const p = idx.policies[0]!;
    expect([...p.types].sort()).toEqual(["Egress", "Ingress"]);
    expect(p.egress.length).toBe(2);
    expect(idx.egressAllowed(web, db)).toBe(true);
  });

  it("finds the pod templates a policy selects", () => {
    const inv = inventoryOf(
      netpol("web", { podSelector: { matchLabels: { app: "web" } } }),
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a" }] } } } },
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "x" }, spec: { template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "a" }] } } } },
    );
    const idx = networkPolicyIndex(inv);
    expect(idx.selectedTemplates(idx.policies[0]!).map((t) => `${t.namespace}/${t.resource.name}`)).toEqual(["default/web"]);
  });
});

describe("ports and CIDRs", () => {
  it("matches ports by protocol, number, range and name", () => {
    const base = { index: 0, path: [] };
    expect(portMatches({ ...base, protocol: "TCP", port: undefined, endPort: undefined }, { number: 5 })).toBe(true);
    expect(portMatches({ ...base, protocol: "UDP", port: 53, endPort: undefined }, { number: 53, protocol: "udp" })).toBe(true);
    expect(portMatches({ ...base, protocol: "TCP", port: "dns", endPort: undefined }, { number: 53 })).toBe(false);
  });

  it("parses IPv4 and IPv6 addresses", () => {
    expect(parseIp("10.0.0.1")?.bits).toBe(32);
    expect(parseIp("256.0.0.1")).toBeUndefined();
    expect(parseIp("::1")?.value).toBe(1n);
    expect(parseIp("::ffff:10.0.0.1")?.value).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(parseIp("1:2:3:4:5:6:7:8")?.bits).toBe(128);
    expect(parseIp("1::2::3")).toBeUndefined();
    expect(parseIp("nope")).toBeUndefined();
  });

  it("tests CIDR membership", () => {
    expect(cidrContains("0.0.0.0/0", "1.2.3.4")).toBe(true);
    expect(cidrContains("169.254.169.254/32", "169.254.169.254")).toBe(true);
    expect(cidrContains("10.0.0.0/8", "11.0.0.1")).toBe(false);
    expect(cidrContains("::/0", "10.0.0.1")).toBe(false);
    expect(cidrContains("fd00:ec2::254/128", "fd00:ec2::254")).toBe(true);
    expect(cidrContains("10.0.0.0/33", "10.0.0.1")).toBe(false);
  });
});
