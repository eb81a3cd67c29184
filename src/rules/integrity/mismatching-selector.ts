import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { FixOp } from "../../model/finding.js";
import { stringMap } from "../../model/resource.js";
import { isEmptySelector, matchesLabelMap, matchesSelector, readSelector } from "../../model/selectors.js";
import { serviceIndex } from "../../model/services.js";
import { isObject } from "../../model/types.js";
import { formatLabels, formatSelector } from "./_selectors.js";

const GROUP = (apiVersion: string): string => (apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "");

// The API server's rules, per form of selector:
// - LabelSelector (apps and extensions Deployment, ReplicaSet, DaemonSet, StatefulSet): `spec.selector` must
//   match the template labels (`mismatch`); `{}` is rejected ("empty selector is invalid") in every version
//   (`empty`); a plain label map written where a LabelSelector belongs has only unknown fields, which the API
//   server drops or rejects (`plainMap`). A missing selector is not reported: apps/v1 requires one, but in
//   practice it is a Kustomize base whose `commonLabels`/`labels` add it when rendered (older versions
//   default it from the template labels).
// - Label map (v1 ReplicationController, OpenShift DeploymentConfig): when set and non-empty it must be
//   contained in the template labels (`mismatch`); when unset it defaults to them.
// Findings are at `spec.selector`. Objects without a pod template are not judged.
export default defineRule({
  id: "mismatching-selector",
  title: "Selector does not match pod labels",
  rationale:
    "A controller finds the pods it owns through `spec.selector`, and the pods it creates get the template's labels. " +
    "If the two disagree, the API server rejects the object (for Deployments, ReplicaSets, DaemonSets and " +
    "StatefulSets) or the controller keeps creating pods it never recognises as its own (for older kinds), until " +
    "the namespace is full of them.",
  attack:
    "Mostly a reliability problem: a deployment pipeline fails, or a runaway controller exhausts the namespace's " +
    "quota. A selector broader than the template can also adopt pods that someone else created with matching labels.",
  remediation:
    "Make the pod template's labels include every label of `spec.selector` (`matchLabels`, and satisfy its " +
    "`matchExpressions`). For apps/v1 kinds write the selector under `matchLabels`, and remember it cannot be " +
    "changed after creation: change the template labels or recreate the object.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: website}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.example/web:1.0
`,
  },
  messages: {
    mismatch: "spec.selector requires {{failing}}, which the pod template's labels ({{labels}}) do not satisfy",
    empty: "spec.selector is empty: the API server rejects an empty selector for a {{kind}}",
    plainMap: "spec.selector is a label map, but a {{kind}} needs a LabelSelector: put the labels under matchLabels",
  },
  check(ctx) {
    const r = ctx.resource;
    const spec = r.object.spec;
    if (!isObject(spec)) return;
    const template = serviceIndex(ctx.inventory).template(r);
    if (!template) return;
    const group = GROUP(r.apiVersion);
    const path = ["spec", "selector"];
    const sel = spec.selector;
    const labels = template.labels;

    if ((r.kind === "ReplicationController" && r.apiVersion === "v1") || (r.kind === "DeploymentConfig" && (group === "apps.openshift.io" || group === ""))) {
      const map = stringMap(sel);
      if (Object.keys(map).length === 0 || matchesLabelMap(map, labels)) return;
      const failing = Object.entries(map).filter(([k, v]) => labels[k] !== v);
      ctx.report({ messageId: "mismatch", data: { failing: formatLabels(Object.fromEntries(failing)), labels: formatLabels(labels) }, path, fix: labelFix(template.labelsPath, failing) });
      return;
    }
    if (group !== "apps" && group !== "extensions") return;
    const data = { kind: r.kind };
    if (sel === undefined || sel === null) return;
    if (!isObject(sel)) return ctx.report({ messageId: "plainMap", data, path });
    const keys = Object.keys(sel);
    if (keys.length > 0 && !keys.includes("matchLabels") && !keys.includes("matchExpressions")) return ctx.report({ messageId: "plainMap", data, path });
    const selector = readSelector(sel) ?? {};
    if (isEmptySelector(selector)) return ctx.report({ messageId: "empty", data, path });
    if (matchesSelector(selector, labels)) return;
    const failingLabels = Object.entries(selector.matchLabels ?? {}).filter(([k, v]) => labels[k] !== v);
    const failingExprs = (selector.matchExpressions ?? []).filter((e) => !matchesSelector({ matchExpressions: [e] }, labels));
    const failing = formatSelector({ matchLabels: Object.fromEntries(failingLabels), matchExpressions: failingExprs });
    ctx.report({
      messageId: "mismatch",
      data: { failing, labels: formatLabels(labels) },
      path,
      fix: failingExprs.length === 0 ? labelFix(template.labelsPath, failingLabels) : undefined,
    });
  },
});

function labelFix(labelsPath: readonly (string | number)[], failing: [string, string][]) {
  if (failing.length === 0) return undefined;
  const ops: FixOp[] = failing.map(([k, v]) => ({ op: "set", path: [...labelsPath, k], value: v }));
  return fixes.ops(ops, {
    description: "Set the selector's labels on the pod template",
    safety: "unsafe" as const,
    note: "Changing pod labels rolls the pods and can make other Services or NetworkPolicies select (or stop selecting) them; check that the selector, not the template, holds the intended labels.",
  });
}
