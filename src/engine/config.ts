import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Ajv as AjvClass, ErrorObject } from "ajv";
import { LineCounter, type Node, isSeq, parseDocument } from "yaml";
import { k8sTags } from "../loaders/k8s-yaml-schema.js";
import type { InputLimits } from "../loaders/files.js";
import type { Severity } from "../model/types.js";
import { packageRoot } from "../paths.js";
import { UsageError } from "./errors.js";

export type ProfileName = "pss-baseline" | "pss-restricted" | "recommended" | "all" | "cis" | "nsa";

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
  params?: Record<string, unknown>;
  waivable?: boolean;
}

export interface Exemption {
  rules: string[];
  kind?: string;
  namespace?: string;
  name?: string;
  container?: string;
  file?: string;
  reason: string;
  expires?: string;
  /** Where the exemption is written, for messages about it. */
  source: { file: string; line: number; column: number };
}

export interface Config {
  /** The file the configuration came from (undefined: built-in defaults). */
  file?: string;
  profile?: ProfileName;
  failOn?: Severity | "none";
  kubeVersion?: string;
  defaultNamespace?: string;
  exclude: string[];
  /** Custom rule files and ValidatingAdmissionPolicy files, resolved against the configuration's folder. */
  policies: string[];
  vap: string[];
  /** `baseline:` — a baseline file (absolute), used by `scan` unless --baseline or --no-baseline says otherwise. */
  baseline?: string;
  annotationsAllowed: boolean;
  rules: Record<string, RuleSetting>;
  exemptions: Exemption[];
  /** Input limits (`limits:`; command-line flags override them); unset ones keep their defaults. */
  limits?: Partial<InputLimits>;
  /** `shipshape webhook` settings (flags override them). */
  webhook?: { deny?: Severity[]; warn?: Severity[]; audit?: boolean; exemptNamespaces?: string[] };
}

export const CONFIG_NAMES = [".shipshape.yaml", ".shipshape.yml"];

export function emptyConfig(): Config {
  return { exclude: [], policies: [], vap: [], annotationsAllowed: true, rules: {}, exemptions: [] };
}

/** `.shipshape.yaml` from `dir` upward, or undefined. */
export function findConfig(dir: string): string | undefined {
  let cur = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const p = path.join(cur, name);
      if (existsSync(p)) return p;
    }
    const parent = path.dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

let validator: ReturnType<AjvClass["compile"]> | undefined;
function validate(value: unknown): ErrorObject[] {
  if (!validator) {
    // loaded when a configuration is read, not by every command
    const { Ajv } = createRequire(import.meta.url)("ajv") as { Ajv: typeof AjvClass };
    const schemaFile = path.join(packageRoot(), "schemas", "shipshape-config.schema.json");
    const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

/** Reads and checks a configuration file. A bad file is a UsageError (exit 2): a scan with the wrong policy is worse than none. */
export function loadConfig(file: string, displayName = file): Config {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read configuration ${displayName}: ${(err as Error).message}`, "config");
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { customTags: k8sTags, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lines.linePos(e.pos[0]);
    throw new UsageError(`${displayName}:${p.line}:${p.col}: malformed YAML: ${e.message.split("\n")[0]}`, "config");
  }
  let value: Record<string, unknown>;
  try {
    value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (err) {
    // An alias bomb, or nesting deeper than the stack: a configuration is never either.
    throw new UsageError(`${displayName}: cannot read configuration: ${(err as Error).message}`, "config");
  }
  const errors = validate(value);
  if (errors.length > 0) {
    const msgs = errors.slice(0, 5).map((e) => {
      const segs = e.instancePath.split("/").slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, "/").replace(/~0/g, "~")));
      const node = doc.getIn(segs, true) as Node | undefined;
      const p = node?.range ? lines.linePos(node.range[0]) : { line: 1, col: 1 };
      const extra = e.keyword === "additionalProperties" ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")` : e.keyword === "enum" ? ` (one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")})` : "";
      return `${displayName}:${p.line}:${p.col}: ${e.instancePath || "(top level)"} ${e.message}${extra}`;
    });
    throw new UsageError(`invalid configuration:\n  ${msgs.join("\n  ")}`, "config");
  }
  const config = emptyConfig();
  config.file = displayName;
  if (value.profile) config.profile = value.profile as ProfileName;
  if (value.failOn) config.failOn = value.failOn as Config["failOn"];
  if (value.kubeVersion) config.kubeVersion = String(value.kubeVersion);
  if (value.defaultNamespace) config.defaultNamespace = String(value.defaultNamespace);
  config.exclude = (value.exclude as string[] | undefined) ?? [];
  const here = path.dirname(path.resolve(file));
  config.policies = ((value.policies as string[] | undefined) ?? []).map((p) => path.resolve(here, p));
  config.vap = ((value.vap as string[] | undefined) ?? []).map((p) => path.resolve(here, p));
  if (typeof value.baseline === "string") config.baseline = path.resolve(here, value.baseline);
  config.annotationsAllowed = (value.annotations as { allowed?: boolean } | undefined)?.allowed ?? true;
  if (value.webhook) config.webhook = value.webhook as NonNullable<Config["webhook"]>;
  if (value.limits) config.limits = { ...(value.limits as Partial<InputLimits>) };
  for (const [id, s] of Object.entries((value.rules as Record<string, unknown> | undefined) ?? {})) {
    config.rules[id] = typeof s === "boolean" ? { enabled: s } : s === "on" || s === "off" ? { enabled: s === "on" } : (s as RuleSetting);
  }
  const exNode = doc.get("exemptions", true) as Node | undefined;
  ((value.exemptions as Record<string, unknown>[] | undefined) ?? []).forEach((e, i) => {
    const item = isSeq(exNode) ? (exNode.items[i] as Node | undefined) : undefined;
    const p = item?.range ? lines.linePos(item.range[0]) : { line: 1, col: 1 };
    const ex: Exemption = {
      rules: Array.isArray(e.rules) ? e.rules.map(String) : [String(e.rules)],
      reason: String(e.reason),
      source: { file: displayName, line: p.line, column: p.col },
    };
    for (const k of ["kind", "namespace", "name", "container", "file", "expires"] as const) {
      if (e[k] !== undefined) ex[k] = String(e[k]);
    }
    if (ex.expires && Number.isNaN(Date.parse(`${ex.expires}T00:00:00Z`))) {
      throw new UsageError(`${displayName}:${p.line}:${p.col}: exemption expiry "${ex.expires}" is not a date`, "config");
    }
    config.exemptions.push(ex);
  });
  return config;
}
