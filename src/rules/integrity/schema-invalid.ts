import { defineRule } from "../../engine/rule-types.js";
import { type YamlPath, formatPath } from "../../model/types.js";
import type { Inventory } from "../../engine/inventory.js";
import { type KustomizeInputs, type SchemaProblem, isPatch, knownKinds, kustomizeInputs, kustomizeRole, validateObject, validatorFor } from "./_schema.js";

/** At most this many problems are reported per object; the rest are counted in one more finding. */
const MAX_PER_OBJECT = 10;

const FORMAT_NAMES: Record<string, string> = {
  "date-time": "RFC 3339 date-time (such as 2024-01-31T12:00:00Z)",
  quantity: "quantity (such as 500m, 128Mi or 2)",
  byte: "base64 text",
  int32: "32-bit integer",
  int64: "64-bit integer",
  "int-or-string": "integer or string",
  cidr: "CIDR (such as 10.0.0.0/8)",
};

export default defineRule({
  id: "schema-invalid",
  title: "Object does not match its schema",
  rationale:
    "Kubernetes checks every object against the schema of its kind. A misspelled field (`securityContex`, `readOnlyRootFileSystem`) " +
    "is rejected by `kubectl apply` or, through other tools, silently dropped — so a security setting that looks present in " +
    "review is not in force. Wrong types (`replicas: \"3\"`, `runAsUser: \"1000\"`) and missing required fields make the object " +
    "fail to apply at all.",
  attack:
    "Nothing is attacked directly; the danger is a control that is believed to be in place and is not: a container that still " +
    "runs as root because `runAsNonRoot` was written in the wrong place, or a NetworkPolicy that never got applied.",
  remediation:
    "Fix the field the finding names: correct its spelling or its place (the message suggests the closest known field), quote or " +
    "unquote the value to give it the expected type, and add required fields. `kubectl apply --dry-run=server` shows the same errors against a live cluster.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "3"
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContex:
            runAsNonRoot: true
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            runAsNonRoot: true
`,
  },
  messages: {
    unknownField: "{{kind}} has no field '{{field}}' in {{parent}}{{hint}}; Kubernetes rejects or drops it, so it has no effect",
    wrongType: "{{field}} must be {{expected}}, but is {{actual}}",
    missingRequired: "Required field '{{field}}' is missing from {{parent}}",
    notAllowed: "{{field}} is {{actual}}, which is not one of {{allowed}}",
    badFormat: "{{field}} is {{actual}}, which is not a valid {{format}}",
    invalid: "{{field}} is invalid: {{reason}}",
    unknownKind: "{{apiVersion}} has no kind '{{kind}}' (it has {{kinds}})",
    more: "{{count}} more schema problems in this object are not listed",
  },
  check(ctx) {
    const r = ctx.resource;
    const validate = validatorFor(r.apiVersion, r.kind);
    if (!validate) {
      const kinds = knownKinds(r.apiVersion);
      if (kinds && !ctx.params.boolean("ignoreMissingSchemas")) {
        ctx.report({ messageId: "unknownKind", data: { apiVersion: r.apiVersion, kind: r.kind, kinds: kinds.join(", ") }, path: ["kind"] });
      }
      return;
    }
    // A strategic-merge patch (Kustomize) is a partial object: it is checked once merged, not on its own.
    if (isPatch(r.object)) return;
    // The API server resets `status` when it creates an object, so fields its schema requires there do not matter.
    let problems = validateObject(validate, r.object).filter((p) => !(p.kind === "required" && p.path[0] === "status"));
    // Patches and the resources of a Kustomization may leave required fields to the overlay (a commonLabels
    // selector, a container added by a patch): only what is written is checked there.
    if (kustomizeRole(kustomizations(ctx.inventory), r.source.file) !== undefined) problems = problems.filter((p) => p.kind !== "required");
    for (const p of problems.slice(0, MAX_PER_OBJECT)) {
      const report = describe(r.kind, p);
      ctx.report({ ...report, path: p.path });
    }
    if (problems.length > MAX_PER_OBJECT) ctx.report({ messageId: "more", data: { count: problems.length - MAX_PER_OBJECT }, path: [] });
  },
});

/** The inputs of the Kustomizations and Components of the scan (computed once per scan). */
function kustomizations(inventory: Inventory): KustomizeInputs {
  return inventory.memo("schema-invalid/kustomize-inputs", (inv) =>
    kustomizeInputs(
      [...inv.ofKind("Kustomization"), ...inv.ofKind("Component")].filter((k) => k.apiVersion.startsWith("kustomize.config.k8s.io/")),
    ),
  );
}

type MessageId = "unknownField" | "wrongType" | "missingRequired" | "notAllowed" | "badFormat" | "invalid";

function describe(kind: string, p: SchemaProblem): { messageId: MessageId; data: Record<string, string | number> } {
  const field = where(p.path);
  const parent = p.path.length <= 1 ? "the object" : `'${formatPath(p.path.slice(0, -1))}'`;
  const last = String(p.path[p.path.length - 1] ?? "");
  switch (p.kind) {
    case "unknown": {
      const suggestion = closest(last, p.known ?? []);
      return { messageId: "unknownField", data: { kind, field: last, parent, hint: suggestion ? ` (did you mean '${suggestion}'?)` : "" } };
    }
    case "required":
      return { messageId: "missingRequired", data: { field: last, parent } };
    case "type":
      return { messageId: "wrongType", data: { field, expected: expectedTypes(p.expected ?? []), actual: actual(p.value) } };
    case "enum":
      return { messageId: "notAllowed", data: { field, actual: actual(p.value), allowed: (p.expected ?? []).join(", ") } };
    case "format":
      return { messageId: "badFormat", data: { field, actual: actual(p.value), format: FORMAT_NAMES[p.format ?? ""] ?? (p.format ?? "value") } };
    default:
      return { messageId: "invalid", data: { field, reason: reason(p.keyword ?? "", p.params ?? {}) } };
  }
}

function where(path: YamlPath): string {
  return path.length === 0 ? "the object" : `'${formatPath(path)}'`;
}

const TYPE_NAMES: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
};

function expectedTypes(types: string[]): string {
  const names = [...new Set(types.map((t) => TYPE_NAMES[t] ?? t))];
  return names.length <= 1 ? (names[0] ?? "of another type") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

function actual(v: unknown): string {
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === "number" || typeof v === "bigint") return `the number ${v}`;
  if (typeof v === "boolean") return `the boolean ${v}`;
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return "a mapping";
}

function reason(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case "minimum":
    case "exclusiveMinimum":
      return `must be ${keyword === "minimum" ? "at least" : "more than"} ${String(params.limit)}`;
    case "maximum":
    case "exclusiveMaximum":
      return `must be ${keyword === "maximum" ? "at most" : "less than"} ${String(params.limit)}`;
    case "minLength":
      return `must have at least ${String(params.limit)} characters`;
    case "maxLength":
      return `must have at most ${String(params.limit)} characters`;
    case "minItems":
      return `must have at least ${String(params.limit)} items`;
    case "maxItems":
      return `must have at most ${String(params.limit)} items`;
    case "pattern":
      return `must match ${String(params.pattern)}`;
    case "uniqueItems":
      return "must not repeat items";
    case "oneOf":
    case "anyOf":
      return "matches none of the allowed forms";
    default:
      return `fails the schema's ${keyword} rule`;
  }
}

/** The known field closest to a misspelled one (same letters in another case, or at most two edits apart). */
function closest(field: string, known: readonly string[]): string | undefined {
  const lower = field.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(field.length / 3)) + 1);
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
