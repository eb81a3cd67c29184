import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { YamlPath } from "../../model/types.js";
import { isObject } from "../../model/types.js";

// A workload carrying an annotation whose key contains one of the `annotations` names (case-insensitive substrings;
// default admission.stackrox.io/break-glass), on the object itself or on its pod template (whose annotations reach
// the pods the controller creates). Any value counts: StackRox honours the key whatever its value.
export default defineRule({
  id: "break-glass-annotation",
  title: "Emergency bypass annotation",
  rationale:
    "Admission controllers such as StackRox let an emergency deployment through their policies when it carries a " +
    "break-glass annotation. That is useful during an incident, but an annotation left in a manifest keeps the bypass " +
    "for every later change of the workload, long after the emergency.",
  attack:
    "Someone who can edit the manifest (or copies it) keeps the annotation and ships a privileged or otherwise forbidden " +
    "change without any policy stopping it, while dashboards still show the cluster as enforcing.",
  remediation:
    "Remove the annotation once the emergency is over, fix whatever policy violation required it, and review the audit " +
    "trail of its use. If a lasting exception is needed, express it in the policy itself, scoped and with a reason.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    admission.stackrox.io/break-glass: "incident-4711"
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
    breakGlass: "The {{where}} carries the emergency bypass annotation '{{annotation}}', which lets it skip admission policies",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const patterns = ctx.params.strings("annotations").map((a) => a.trim().toLowerCase()).filter((a) => a !== "");
    if (patterns.length === 0) return;
    const places: { where: string; path: YamlPath; annotations: unknown }[] = [
      { where: ctx.resource.kind, path: ["metadata", "annotations"], annotations: ctx.resource.metadata.annotations },
    ];
    // A Pod's own metadata is its pod metadata; do not look at it twice.
    if (w.podMetadataPath.join("/") !== "metadata") {
      places.push({ where: "pod template", path: [...w.podMetadataPath, "annotations"], annotations: w.podMetadata.annotations });
    }
    for (const place of places) {
      if (!isObject(place.annotations)) continue;
      for (const key of Object.keys(place.annotations)) {
        if (!patterns.some((p) => key.toLowerCase().includes(p))) continue;
        const path = [...place.path, key];
        ctx.report({
          messageId: "breakGlass",
          data: { where: place.where, annotation: key },
          path,
          fix: fixes.remove(path, {
            description: `Remove the annotation ${key}`,
            safety: "unsafe",
            note: "Admission policies apply to the workload again: a change that only went through thanks to the bypass is refused on the next deploy. Fix the violation first.",
          }),
        });
      }
    }
  },
});
