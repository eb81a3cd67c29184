import { defineRule } from "../../engine/rule-types.js";
import type { YamlPath } from "../../model/types.js";
import { isObject } from "../../model/types.js";
import { jsonText } from "../../model/json-text.js";

// Ownership metadata and label syntax, on every object (kube-linter required-label-*/required-annotation-*,
// kube-score label-values, kyverno require-labels / require-annotations):
// - each `requiredLabels` / `requiredAnnotations` entry is `name` or `name=regex`. `name` is a case-insensitive
//   substring of the key (the catalogue's convention for name patterns: "owner" is met by "owner" or
//   "example.com/owner"); `regex` must match the whole value. Without a regex the value must not be empty. An empty
//   list requires nothing;
// - label values must be strings of at most 63 characters, alphanumeric at both ends with `-`, `_` and `.` inside
//   (the API server refuses others); checked on the object's labels and on its pod template's labels.

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

interface Requirement {
  text: string;
  name: string;
  value?: RegExp;
}

function requirements(ruleParam: string, list: string[]): Requirement[] {
  const out: Requirement[] = [];
  for (const raw of list) {
    const text = raw.trim();
    if (text === "") continue;
    const eq = text.indexOf("=");
    if (eq < 0) {
      out.push({ text, name: text.toLowerCase() });
      continue;
    }
    let value: RegExp;
    try {
      value = new RegExp(`^(?:${text.slice(eq + 1)})$`);
    } catch {
      throw new Error(`parameter required-labels-annotations.${ruleParam}: "${text}" has an invalid regular expression after "="`);
    }
    out.push({ text, name: text.slice(0, eq).trim().toLowerCase(), value });
  }
  return out;
}

function show(v: unknown): string {
  if (typeof v === "string" || (typeof v === "object" && v !== null)) {
    const text = jsonText(v);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  return String(v);
}

export default defineRule({
  id: "required-labels-annotations",
  title: "Required labels or annotations missing",
  rationale:
    "Security findings, alerts and incidents are only useful when they reach the people who own the workload. Labels and " +
    "annotations such as an owner, a team or a contact address are how tools route them, and how a responder finds out " +
    "whom to call at night. Invalid label values break that routing, and the API server refuses them.",
  attack:
    "Not an attack in itself: when a workload is compromised or leaks data, nobody knows who owns it, so the response " +
    "waits while the attacker keeps going, and orphaned workloads stay unpatched for years.",
  remediation:
    "Add the labels and annotations your organisation requires (by default an `owner` label and an `email` annotation) to " +
    "every object, ideally from a shared Helm or Kustomize template, and keep label values to 63 letters, digits, `-`, `_` " +
    "and `.`. Configure the lists with the rule's `requiredLabels` and `requiredAnnotations` parameters.",
  example: {
    insecure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: production
`,
    secure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    owner: team-shop
  annotations:
    email: shop-oncall@example.com
data:
  mode: production
`,
  },
  messages: {
    missingLabel: "{{kind}} '{{name}}' has no '{{required}}' label",
    missingAnnotation: "{{kind}} '{{name}}' has no '{{required}}' annotation",
    emptyLabel: "{{kind}} '{{name}}' has an empty '{{key}}' label",
    emptyAnnotation: "{{kind}} '{{name}}' has an empty '{{key}}' annotation",
    labelValueMismatch: "Label '{{key}}' of {{kind}} '{{name}}' is {{value}}, which does not match the required '{{required}}'",
    annotationValueMismatch: "Annotation '{{key}}' of {{kind}} '{{name}}' is {{value}}, which does not match the required '{{required}}'",
    labelNotString: "Label '{{key}}' of {{kind}} '{{name}}' has the value {{value}}, which is not a string; the API server refuses it (quote it)",
    invalidLabelValue:
      "Label '{{key}}' of {{kind}} '{{name}}' has the value {{value}}, which is not a valid label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)",
  },
  check(ctx) {
    const r = ctx.resource;
    const base = { kind: r.kind, name: r.name };

    const checkRequired = (kind: "Label" | "Annotation", field: "labels" | "annotations", list: Requirement[]): void => {
      if (list.length === 0) return;
      const raw = r.metadata[field];
      const map = isObject(raw) ? raw : {};
      const keys = Object.keys(map);
      for (const req of list) {
        const candidates = keys.filter((k) => k.toLowerCase().includes(req.name));
        if (candidates.length === 0) {
          const exact = req.text.includes("=") ? req.text.slice(0, req.text.indexOf("=")).trim() : req.text;
          ctx.report({ messageId: `missing${kind}`, data: { ...base, required: req.text }, path: ["metadata", field, exact] });
          continue;
        }
        const ok = candidates.some((k) => {
          const v = map[k];
          if (v === null || v === undefined) return false;
          return req.value ? req.value.test(String(v)) : String(v).trim() !== "";
        });
        if (ok) continue;
        const key = candidates[0]!;
        const v = map[key];
        ctx.report(
          req.value && v !== null && v !== undefined && String(v).trim() !== ""
            ? { messageId: `${kind === "Label" ? "label" : "annotation"}ValueMismatch`, data: { ...base, key, value: show(v), required: req.text }, path: ["metadata", field, key] }
            : { messageId: `empty${kind}`, data: { ...base, key }, path: ["metadata", field, key] },
        );
      }
    };
    checkRequired("Label", "labels", requirements("requiredLabels", ctx.params.strings("requiredLabels")));
    checkRequired("Annotation", "annotations", requirements("requiredAnnotations", ctx.params.strings("requiredAnnotations")));

    const labelMaps: { path: YamlPath; value: unknown }[] = [{ path: ["metadata", "labels"], value: r.metadata.labels }];
    const w = ctx.workload;
    if (w && w.podMetadataPath.join("/") !== "metadata") labelMaps.push({ path: [...w.podMetadataPath, "labels"], value: w.podMetadata.labels });
    for (const { path, value } of labelMaps) {
      if (!isObject(value)) continue;
      for (const [key, v] of Object.entries(value)) {
        // A null value (`key:` with nothing after it) decodes to the empty string, which is valid.
        if (v === null || v === undefined) continue;
        if (typeof v !== "string") {
          ctx.report({ messageId: "labelNotString", data: { ...base, key, value: show(v) }, path: [...path, key] });
        } else if (v.length > 63 || !LABEL_VALUE.test(v)) {
          ctx.report({ messageId: "invalidLabelValue", data: { ...base, key, value: show(v) }, path: [...path, key] });
        }
      }
    }
  },
});
