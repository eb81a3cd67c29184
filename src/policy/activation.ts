// The CEL variables of an admission request for a scanned object: object, oldObject, request, namespaceObject
// and params, as kube-apiserver would give them when the manifest is applied (a CREATE).
import type { Inventory } from "../engine/inventory.js";
import type { Resource } from "../model/resource.js";
import { isObject } from "../model/types.js";
import { toCel } from "./cel/env.js";
import { type MatchInput, OFFLINE_OPERATION } from "./match.js";

const converted = new WeakMap<object, unknown>();

/** An object as a CEL value, converted once per scan however many policies read it. */
export function celValue(object: object): unknown {
  let v = converted.get(object);
  if (v === undefined) converted.set(object, (v = toCel(object)));
  return v;
}

const namespaces = new WeakMap<object, unknown>();

/** A Namespace as the cluster holds it: defaulting labels every one with kubernetes.io/metadata.name. */
function namespaceValue(ns: Resource): unknown {
  let v = namespaces.get(ns.object);
  if (v === undefined) {
    const metadata = isObject(ns.object.metadata) ? ns.object.metadata : {};
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    v = toCel({ ...ns.object, metadata: { ...metadata, labels: { ...labels, "kubernetes.io/metadata.name": ns.name } } });
    namespaces.set(ns.object, v);
  }
  return v;
}

/** The user a scan acts as: offline there is no authenticated requester. */
export const OFFLINE_USER = { username: "shipshape", groups: ["system:authenticated"] };

export function admissionActivation(input: MatchInput, inventory: Inventory, params: Resource | undefined): Record<string, unknown> {
  const { resource, gvr, namespace } = input;
  const kind = { group: gvr.group, version: gvr.version, kind: gvr.kind };
  const res = { group: gvr.group, version: gvr.version, resource: gvr.resource };
  let namespaceObject: unknown = null;
  if (namespace !== undefined) {
    const ns = inventory.get("Namespace", undefined, namespace);
    namespaceObject = ns ? namespaceValue(ns) : { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels: { "kubernetes.io/metadata.name": namespace } } };
  }
  return {
    object: resource.kind === "Namespace" && gvr.group === "" ? namespaceValue(resource) : celValue(resource.object),
    oldObject: null,
    params: params ? celValue(params.object) : null,
    namespaceObject,
    request: {
      kind,
      resource: res,
      subResource: "",
      requestKind: kind,
      requestResource: res,
      requestSubResource: "",
      name: resource.name,
      namespace: namespace ?? "",
      operation: OFFLINE_OPERATION,
      userInfo: OFFLINE_USER,
      dryRun: false,
      options: { apiVersion: "meta.k8s.io/v1", kind: "CreateOptions" },
    },
  };
}
