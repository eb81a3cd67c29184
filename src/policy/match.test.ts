import { describe, expect, it } from "vitest";
import { Inventory } from "../engine/inventory.js";
import { loadManifestText } from "../loaders/manifest.js";
import type { Resource } from "../model/resource.js";
import { isNamespacedKind, matchInput, matches, readMatchResources, resourceOf } from "./match.js";

/** Loads YAML documents (joined with ---) into resources and an inventory. */
function load(...docs: string[]): { resources: Resource[]; inventory: Inventory } {
  const { resources, problems } = loadManifestText(docs.join("\n---\n"), "m.yaml");
  expect(problems).toEqual([]);
  return { resources, inventory: new Inventory(resources, "default") };
}

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: a, image: x}]}";
const DEPLOY = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: shop}\nspec: {template: {spec: {containers: [{name: a, image: x}]}}}";
const OLD_DEPLOY = "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old, namespace: shop}\nspec: {}";
const NS_SHOP = "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {env: prod}}";
const CLUSTER_ROLE = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cr}\nrules: []";

/** Does a matchConstraints (as an object) select the first resource of `docs`? */
function selects(constraints: unknown, docs: string[], which = 0, requireRules = true): boolean {
  const { resources, inventory } = load(...docs);
  const r = resources[which]!;
  return matches(readMatchResources(constraints), matchInput(r, inventory, inventory.workloadOf(r) !== undefined), requireRules);
}

const rule = (over: Record<string, unknown> = {}) => ({ apiGroups: [""], apiVersions: ["v1"], resources: ["pods"], operations: ["CREATE"], ...over });

describe("resourceOf", () => {
  it("splits group and version, core group empty", () => {
    const { resources } = load(POD, DEPLOY);
    expect(resourceOf(resources[0]!)).toEqual({ group: "", version: "v1", resource: "pods", kind: "Pod" });
    expect(resourceOf(resources[1]!)).toEqual({ group: "apps", version: "v1", resource: "deployments", kind: "Deployment" });
  });

  it("pluralizes kinds as Kubernetes names their resources", () => {
    const kinds: Record<string, string> = {
      NetworkPolicy: "networkpolicies",
      Ingress: "ingresses",
      Endpoints: "endpoints",
      Service: "services",
      StorageClass: "storageclasses",
      PodDisruptionBudget: "poddisruptionbudgets",
      ConfigMap: "configmaps",
      Gateway: "gateways",
    };
    for (const [kind, plural] of Object.entries(kinds)) {
      const { resources } = load(`apiVersion: x.io/v1\nkind: ${kind}\nmetadata: {name: a}`);
      expect(resourceOf(resources[0]!).resource, kind).toBe(plural);
    }
  });

  it("takes a custom resource's plural from a CustomResourceDefinition in the scan", () => {
    const crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: mice.zoo.io}\nspec: {group: zoo.io, scope: Namespaced, names: {kind: Mouse, plural: mice, singular: mouse}}";
    const mouse = "apiVersion: zoo.io/v1\nkind: Mouse\nmetadata: {name: jerry, namespace: a}";
    const { resources, inventory } = load(crd, mouse);
    expect(resourceOf(resources[1]!, inventory).resource).toBe("mice");
    expect(resourceOf(resources[1]!).resource).toBe("mouses"); // without the CRD: the guessed plural
    // the CRD of another group does not apply
    const other = load(crd.replace("group: zoo.io", "group: farm.io"), mouse);
    expect(resourceOf(other.resources[1]!, other.inventory).resource).toBe("mouses");
    expect(selects({ resourceRules: [{ apiGroups: ["zoo.io"], apiVersions: ["*"], resources: ["mice"], operations: ["*"] }] }, [mouse, crd])).toBe(true);
    expect(selects({ resourceRules: [{ apiGroups: ["zoo.io"], apiVersions: ["*"], resources: ["mouses"], operations: ["*"] }] }, [mouse, crd])).toBe(false);
  });
});

describe("resource rules", () => {
  it("matches on group, version and resource", () => {
    expect(selects({ resourceRules: [rule()] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [rule({ resources: ["deployments"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ apiGroups: ["apps"] })] }, [POD], 0)).toBe(false);
    expect(selects({ resourceRules: [rule({ apiGroups: ["apps"], resources: ["deployments"] })] }, [DEPLOY])).toBe(true);
    expect(selects({ resourceRules: [rule({ apiGroups: [""], resources: ["deployments"] })] }, [DEPLOY])).toBe(false);
  });

  it("matches any of several rules", () => {
    const rules = [rule({ resources: ["services"] }), rule({ apiGroups: ["apps"], resources: ["deployments"] })];
    expect(selects({ resourceRules: rules }, [DEPLOY])).toBe(true);
    expect(selects({ resourceRules: rules }, [POD])).toBe(false);
  });

  it("accepts * for groups, versions and resources, and */* for resources", () => {
    expect(selects({ resourceRules: [rule({ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"] })] }, [DEPLOY])).toBe(true);
    expect(selects({ resourceRules: [rule({ apiGroups: ["*"], apiVersions: ["*"], resources: ["*/*"] })] }, [DEPLOY])).toBe(true);
    expect(selects({ resourceRules: [rule({ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"] })] }, [CLUSTER_ROLE])).toBe(true);
  });

  it("treats subresource entries as Kubernetes does: pods/* matches the pod itself, pods/ephemeralcontainers and */status do not", () => {
    // splitResource: "pods/*" → resource pods, subresource * (which matches the empty subresource of a CREATE)
    expect(selects({ resourceRules: [rule({ resources: ["pods/*"] })] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [rule({ resources: ["pods/ephemeralcontainers"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ resources: ["pods/status"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ resources: ["*/status"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ resources: ["*/*"] })] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [rule({ resources: ["services/*"] })] }, [POD])).toBe(false);
  });

  it("sees every object as a CREATE: a rule for UPDATE or DELETE only never matches", () => {
    expect(selects({ resourceRules: [rule({ operations: ["UPDATE"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ operations: ["DELETE", "CONNECT"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ operations: [] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ operations: ["UPDATE", "CREATE"] })] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [rule({ operations: ["*"] })] }, [POD])).toBe(true);
  });

  it("honours scope Cluster and Namespaced (* and absent: both)", () => {
    const all = { apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["CREATE"] };
    expect(selects({ resourceRules: [{ ...all, scope: "Namespaced" }] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [{ ...all, scope: "Cluster" }] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [{ ...all, scope: "Cluster" }] }, [CLUSTER_ROLE])).toBe(true);
    expect(selects({ resourceRules: [{ ...all, scope: "Namespaced" }] }, [CLUSTER_ROLE])).toBe(false);
    expect(selects({ resourceRules: [{ ...all, scope: "*" }] }, [CLUSTER_ROLE])).toBe(true);
    expect(selects({ resourceRules: [all] }, [CLUSTER_ROLE])).toBe(true);
  });

  it("takes the scope of a custom resource from its CustomResourceDefinition in the scan", () => {
    const crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: zones.zoo.io}\nspec: {group: zoo.io, scope: Cluster, names: {kind: Zone, plural: zones}}";
    const zone = "apiVersion: zoo.io/v1\nkind: Zone\nmetadata: {name: north}";
    const all = { apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["CREATE"] };
    expect(selects({ resourceRules: [{ ...all, scope: "Cluster" }] }, [zone, crd])).toBe(true);
    expect(selects({ resourceRules: [{ ...all, scope: "Namespaced" }] }, [zone, crd])).toBe(false);
    // a cluster-scoped custom resource has no namespace: a namespaceSelector never skips it
    expect(selects({ resourceRules: [all], namespaceSelector: { matchLabels: { env: "prod" } } }, [zone, crd])).toBe(true);
    const { resources, inventory } = load(zone, crd);
    expect(matchInput(resources[0]!, inventory, false).namespace).toBeUndefined();
  });

  it("restricts to resourceNames when given", () => {
    expect(selects({ resourceRules: [rule({ resourceNames: ["p", "q"] })] }, [POD])).toBe(true);
    expect(selects({ resourceRules: [rule({ resourceNames: ["q"] })] }, [POD])).toBe(false);
    expect(selects({ resourceRules: [rule({ resourceNames: [] })] }, [POD])).toBe(true);
  });

  it("excludes what excludeResourceRules name, even when resourceRules match", () => {
    const base = { resourceRules: [rule({ apiGroups: ["*"], resources: ["*"] })] };
    expect(selects({ ...base, excludeResourceRules: [rule()] }, [POD])).toBe(false);
    expect(selects({ ...base, excludeResourceRules: [rule({ resourceNames: ["other"] })] }, [POD])).toBe(true);
    expect(selects({ ...base, excludeResourceRules: [rule({ resourceNames: ["p"] })] }, [POD])).toBe(false);
    expect(selects({ ...base, excludeResourceRules: [rule({ resources: ["services"] })] }, [POD])).toBe(true);
    expect(selects({ ...base, excludeResourceRules: [rule({ operations: ["UPDATE"] })] }, [POD])).toBe(true);
  });

  it("requires resourceRules in a policy's matchConstraints but not in a binding's matchResources", () => {
    expect(selects({}, [POD], 0, true)).toBe(false);
    expect(selects({}, [POD], 0, false)).toBe(true);
    expect(selects({ objectSelector: { matchLabels: { app: "db" } } }, [POD], 0, false)).toBe(false);
  });
});

describe("matchPolicy", () => {
  const appsRule = { resourceRules: [{ apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"], operations: ["CREATE"] }] };

  it("Equivalent (the default) matches an extensions/v1beta1 Deployment with an apps/v1 rule; Exact does not", () => {
    expect(selects(appsRule, [OLD_DEPLOY])).toBe(true);
    expect(selects({ ...appsRule, matchPolicy: "Equivalent" }, [OLD_DEPLOY])).toBe(true);
    expect(selects({ ...appsRule, matchPolicy: "Exact" }, [OLD_DEPLOY])).toBe(false);
    expect(selects({ ...appsRule, matchPolicy: "Exact" }, [DEPLOY])).toBe(true);
  });

  it("Equivalent matches another version of the same group; Exact does not", () => {
    const v1beta2 = DEPLOY.replace("apps/v1", "apps/v1beta2");
    expect(selects(appsRule, [v1beta2])).toBe(true);
    expect(selects({ ...appsRule, matchPolicy: "Exact" }, [v1beta2])).toBe(false);
  });

  it("Equivalent never matches another resource or an unrelated group", () => {
    expect(selects(appsRule, [POD])).toBe(false);
    const otherGroup = "apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x, namespace: a}";
    expect(selects(appsRule, [otherGroup])).toBe(false);
  });

  it("Equivalent also excludes equivalents", () => {
    const all = { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*"] }] };
    expect(selects({ ...all, excludeResourceRules: appsRule.resourceRules }, [OLD_DEPLOY])).toBe(false);
    expect(selects({ ...all, matchPolicy: "Exact", excludeResourceRules: appsRule.resourceRules }, [OLD_DEPLOY])).toBe(true);
  });
});

describe("namespaceSelector", () => {
  const any = { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*"] }] };
  const prod = { ...any, namespaceSelector: { matchLabels: { env: "prod" } } };

  it("reads the labels of the Namespace in the scan", () => {
    expect(selects(prod, [POD, NS_SHOP])).toBe(true);
    expect(selects(prod, [POD, NS_SHOP.replace("env: prod", "env: dev")])).toBe(false);
    expect(selects({ ...any, namespaceSelector: { matchExpressions: [{ key: "env", operator: "NotIn", values: ["prod"] }] } }, [POD, NS_SHOP])).toBe(false);
  });

  it("sees a Namespace not in the scan as one with only kubernetes.io/metadata.name", () => {
    expect(selects(prod, [POD])).toBe(false);
    expect(selects({ ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }, [POD])).toBe(true);
    expect(selects({ ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "other" } } }, [POD])).toBe(false);
    expect(selects({ ...any, namespaceSelector: { matchExpressions: [{ key: "env", operator: "DoesNotExist" }] } }, [POD])).toBe(true);
  });

  it("adds kubernetes.io/metadata.name to a scanned Namespace's labels", () => {
    const sel = { ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop", env: "prod" } } };
    expect(selects(sel, [POD, NS_SHOP])).toBe(true);
  });

  it("places objects without a namespace in the default namespace", () => {
    const pod = POD.replace(", namespace: shop", "");
    const { resources, inventory } = load(pod);
    expect(matchInput(resources[0]!, inventory, true).namespace).toBe("default");
    expect(selects({ ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "default" } } }, [pod])).toBe(true);
  });

  it("matches a Namespace object on its own labels, including its name label", () => {
    expect(selects(prod, [NS_SHOP])).toBe(true);
    expect(selects(prod, [NS_SHOP.replace("env: prod", "env: dev")])).toBe(false);
    expect(selects({ ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } } }, [NS_SHOP])).toBe(true);
    expect(selects({ ...any, namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "other" } } }, [NS_SHOP])).toBe(false);
  });

  it("never skips other cluster-scoped objects", () => {
    expect(selects(prod, [CLUSTER_ROLE])).toBe(true);
    expect(selects({ ...any, namespaceSelector: { matchLabels: { nothing: "matches" } } }, [CLUSTER_ROLE])).toBe(true);
  });

  it("the empty selector matches everything", () => {
    expect(selects({ ...any, namespaceSelector: {} }, [POD])).toBe(true);
  });
});

describe("objectSelector", () => {
  const any = { resourceRules: [{ apiGroups: ["*"], apiVersions: ["*"], resources: ["*"], operations: ["*"] }] };

  it("matches the object's own labels", () => {
    expect(selects({ ...any, objectSelector: { matchLabels: { app: "web" } } }, [POD])).toBe(true);
    expect(selects({ ...any, objectSelector: { matchLabels: { app: "db" } } }, [POD])).toBe(false);
    expect(selects({ ...any, objectSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] } }, [POD])).toBe(true);
    expect(selects({ ...any, objectSelector: { matchExpressions: [{ key: "app", operator: "Exists" }] } }, [CLUSTER_ROLE])).toBe(false);
    expect(selects({ ...any, objectSelector: {} }, [CLUSTER_ROLE])).toBe(true);
  });

  it("does not look at a workload's pod template labels", () => {
    const d = DEPLOY.replace("template: {spec:", "template: {metadata: {labels: {app: web}}, spec:");
    expect(selects({ ...any, objectSelector: { matchLabels: { app: "web" } } }, [d])).toBe(false);
  });
});

describe("isNamespacedKind", () => {
  it("knows built-in kinds, custom kinds with their CustomResourceDefinition, and not other custom kinds", () => {
    const crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: zones.zoo.io}\nspec: {group: zoo.io, scope: Cluster, names: {kind: Zone, plural: zones}}";
    const { resources, inventory } = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}",
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}",
      CLUSTER_ROLE,
      "apiVersion: zoo.io/v1\nkind: Zone\nmetadata: {name: a}",
      "apiVersion: other.io/v1\nkind: Thing\nmetadata: {name: a}",
      crd,
    );
    expect(resources.slice(0, 6).map((r) => isNamespacedKind(r, inventory))).toEqual([true, true, true, false, false, undefined]);
  });
});
