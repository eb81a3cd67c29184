import { Inventory } from "../engine/inventory.js";
import { type ActiveRule, runRules } from "../engine/run.js";
import type { Suppressor } from "../engine/suppress.js";
import type { Finding } from "../model/finding.js";
import type { KubeVersion } from "../model/kube-version.js";
import { type Locator, Resource } from "../model/resource.js";
import { type JsonObject, type Severity, isObject } from "../model/types.js";

/** What the webhook decides for one review, and why: the HTTP layer turns it into a response and metrics. */
export interface Decision {
  /** HTTP status of the reply: 200 for any AdmissionReview answer, 400 for a request that is not one. */
  httpStatus: 200 | 400;
  /** The reply body (an AdmissionReview, or `{error}` for a 400). */
  body: JsonObject;
  /** For logs and metrics: never object content. */
  log: {
    uid?: string;
    operation?: string;
    kind?: string;
    namespace?: string;
    name?: string;
    dryRun?: boolean;
    allowed?: boolean;
    /** Why it was let through without judging: exempt namespace, status subresource, metadata-only update, … */
    skipped?: string;
    denied: string[];
    warned: string[];
    error?: string;
  };
}

export interface AdmissionOptions {
  /** Rules to run (the webhook keeps only those that judge one object on its own). */
  rules: readonly ActiveRule[];
  suppressor: Suppressor;
  kubeVersion: KubeVersion;
  /** Severities that deny (default critical, high). */
  deny: readonly Severity[];
  /** Severities that only warn (default medium, low). */
  warn: readonly Severity[];
  /** Never deny: what would be denied becomes a warning. */
  audit: boolean;
  /** Namespaces whose requests are let through unjudged. */
  exemptNamespaces: readonly string[];
}

export const DEFAULT_DENY: readonly Severity[] = ["critical", "high"];
export const DEFAULT_WARN: readonly Severity[] = ["medium", "low"];
/** kube-apiserver truncates longer warnings. */
export const MAX_WARNING_CHARS = 255;
export const MAX_WARNINGS = 20;
export const MAX_DENY_MESSAGE_CHARS = 4000;

const API_VERSION = "admission.k8s.io/v1";

/** A locator for objects that arrive as JSON: there is no file to point into, so every path is "the object". */
const NO_POSITION: Locator = { locate: () => ({ line: 1, column: 1, exact: false }) };

/** Rules that need other objects (NetworkPolicies, ServiceAccounts, …) cannot judge one object alone: the webhook drops them. */
export function webhookRules(rules: readonly ActiveRule[]): ActiveRule[] {
  return rules.filter((r) => r.rule.target === "kubernetes" && r.rule.needs === "manifest");
}

/** Judges AdmissionReview requests with the engine's rules. Stateless between requests; safe to share. */
export class Admission {
  private readonly rules: ActiveRule[];
  private readonly deny: Set<Severity>;
  private readonly warn: Set<Severity>;
  private readonly exempt: Set<string>;

  constructor(private readonly options: AdmissionOptions) {
    this.rules = webhookRules(options.rules);
    this.deny = new Set(options.deny);
    this.warn = new Set(options.warn);
    this.exempt = new Set(options.exemptNamespaces);
  }

  get ruleCount(): number {
    return this.rules.length;
  }

  /** Answers a parsed request body. Never throws: a body that is not an AdmissionReview gets a 400 with the reason. */
  review(body: unknown): Decision {
    const bad = (error: string, log: Partial<Decision["log"]> = {}): Decision => ({ httpStatus: 400, body: { error }, log: { denied: [], warned: [], ...log, error } });
    if (!isObject(body)) return bad("the body is not a JSON object");
    if (body.kind !== "AdmissionReview") return bad(`kind must be AdmissionReview, not ${describe(body.kind)}`);
    if (body.apiVersion !== API_VERSION) return bad(`apiVersion must be ${API_VERSION}, not ${describe(body.apiVersion)}`);
    const request = body.request;
    if (!isObject(request)) return bad("request is missing");
    const uid = request.uid;
    if (typeof uid !== "string" || uid === "") return bad("request.uid is missing");
    const operation = typeof request.operation === "string" ? request.operation : "";
    const namespace = typeof request.namespace === "string" ? request.namespace : "";
    const subResource = typeof request.subResource === "string" ? request.subResource : "";
    const reqKind = isObject(request.kind) && typeof request.kind.kind === "string" ? request.kind.kind : undefined;
    const log: Decision["log"] = {
      uid,
      operation,
      ...(reqKind ? { kind: reqKind } : {}),
      ...(namespace ? { namespace } : {}),
      ...(typeof request.name === "string" && request.name ? { name: request.name } : {}),
      dryRun: request.dryRun === true,
      denied: [],
      warned: [],
    };
    const allow = (skipped: string): Decision => ({ httpStatus: 200, body: reply(uid, true), log: { ...log, allowed: true, skipped } });

    // DELETE and CONNECT carry no new object to judge.
    if (operation === "DELETE" || operation === "CONNECT") return allow(`operation ${operation}`);
    if (operation !== "CREATE" && operation !== "UPDATE") return bad(`request.operation must be CREATE, UPDATE, DELETE or CONNECT, not ${describe(request.operation)}`, log);
    if (namespace && this.exempt.has(namespace)) return allow("exempt namespace");
    // Like Pod Security Admission: status writes are the controllers', not the workload's definition.
    if (subResource !== "" && subResource !== "ephemeralcontainers") return allow(`subresource ${subResource}`);
    const object = request.object;
    if (!isObject(object)) return bad("request.object is missing or not an object", log);
    if (typeof object.apiVersion !== "string" || object.apiVersion === "" || typeof object.kind !== "string" || object.kind === "") {
      return bad("request.object has no apiVersion or kind", log);
    }
    if (operation === "UPDATE" && subResource === "" && isObject(request.oldObject) && sameApartFromMetadata(object, request.oldObject)) {
      return allow("metadata-only update");
    }

    const resource = new Resource(object, { file: `admission:${object.kind}`, document: 0, prefix: [], locator: NO_POSITION });
    const defaultNamespace = namespace || "default";
    const result = runRules([resource], { rules: this.rules, kubeVersion: this.options.kubeVersion, defaultNamespace, suppressor: this.options.suppressor }, new Inventory([resource], defaultNamespace));

    const denied: Finding[] = [];
    const warned: Finding[] = [];
    const wouldDeny = new Set<string>();
    for (const f of result.findings) {
      if (this.deny.has(f.severity)) {
        if (this.options.audit) {
          wouldDeny.add(f.ruleId);
          warned.push(f);
        } else denied.push(f);
      } else if (this.warn.has(f.severity)) warned.push(f);
    }
    log.denied = unique(denied.map((f) => f.ruleId));
    log.warned = unique(warned.map((f) => f.ruleId));
    const warnings = warningLines(warned, wouldDeny);
    if (denied.length > 0) {
      const message = denyMessage(resource, denied);
      log.allowed = false;
      return { httpStatus: 200, body: reply(uid, false, { code: 403, reason: "Forbidden", message }, warnings), log };
    }
    log.allowed = true;
    return { httpStatus: 200, body: reply(uid, true, undefined, warnings), log };
  }
}

function reply(uid: string, allowed: boolean, status?: JsonObject, warnings: string[] = []): JsonObject {
  const response: JsonObject = { uid, allowed };
  if (status) response.status = status;
  if (warnings.length > 0) response.warnings = warnings;
  return { apiVersion: API_VERSION, kind: "AdmissionReview", response };
}

/** `shipshape denied Deployment web: rule-a: message; rule-b: message`, bounded. */
function denyMessage(resource: Resource, denied: Finding[]): string {
  const head = `shipshape denied ${resource.kind} ${resource.name || "(unnamed)"}: `;
  const lines = unique(denied.map((f) => `${f.ruleId}: ${oneLine(f.message)}`));
  let out = head;
  for (let i = 0; i < lines.length; i++) {
    const sep = i === 0 ? "" : "; ";
    const more = ` (and ${lines.length - i} more)`;
    if (out.length + sep.length + lines[i]!.length + more.length > MAX_DENY_MESSAGE_CHARS) return out + more;
    out += sep + lines[i];
  }
  return `${out}. Run \`shipshape explain RULE\` for details.`;
}

/** One short warning per finding (`rule-id: message`), each under 256 characters, at most MAX_WARNINGS. */
function warningLines(warned: Finding[], wouldDeny: Set<string>): string[] {
  const lines = unique(warned.map((f) => shorten(`${wouldDeny.has(f.ruleId) ? "[audit: would deny] " : ""}${f.ruleId}: ${oneLine(f.message)}`, MAX_WARNING_CHARS)));
  // What audit mode would have denied comes first, so the cap never hides it.
  lines.sort((a, b) => Number(b.startsWith("[audit")) - Number(a.startsWith("[audit")));
  if (lines.length <= MAX_WARNINGS) return lines;
  return [...lines.slice(0, MAX_WARNINGS - 1), `shipshape: ${lines.length - MAX_WARNINGS + 1} more warnings not shown`];
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function describe(v: unknown): string {
  if (v === undefined) return "missing";
  const s = JSON.stringify(v) ?? String(v);
  return shorten(s, 60);
}

/** True when two objects differ at most in `metadata` (labels, annotations, finalizers, managedFields, …). */
export function sameApartFromMetadata(a: JsonObject, b: JsonObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete("metadata");
  for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
  return true;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
