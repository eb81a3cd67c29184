// Redaction of credentials in what shipshape prints. Rule messages name keys and variables, never values; the one
// place where the user's text is shown as is is the diff of a fix (reports' fix previews, `fix --dry-run`), whose
// context lines — and lines a fix removes — may hold a password, a token or a private key. Those are masked here.
//
// A diff line is masked when:
// - it holds a value the objects of the findings keep in a sensitive place: Secret `data` (and its decoded form) and
//   `stringData`, ConfigMap `data`, env values, command and args, annotations, HTTP headers of probes, and any value
//   under a key that names a credential (see sensitiveValues); multi-line values (PEM blocks) line by line;
// - or it has the shape of a credential whatever the object: a key or flag that names one (password, secret, token,
//   api key, private key, credentials, auth), a URL with a password, a PEM header, a known token prefix.
// Masking keeps the indentation, the YAML key or list dash, or the Dockerfile keyword, so the diff still shows where
// the change is.
import type { Finding } from "./finding.js";

/** What a masked value is replaced with. */
export const MASK = "[redacted]";

/** Words in keys, flags and variable names that name a credential. */
const CREDENTIAL_WORD = /passw|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|client[-_.]?key|credential|auth[-_.]?key|basic[-_.]?auth|cookie/i;
/** Values that are never credentials: `automountServiceAccountToken: false` is no secret. */
const PLAIN_VALUE = /^(?:true|false|yes|no|on|off|null|~|-?\d+(?:\.\d+)?|""|''|\[\]|\{\}|[|>][-+]?)$/i;
/** Value shapes of credentials, whatever the key. */
const CREDENTIAL_SHAPE =
  /-----BEGIN [A-Z0-9 ]*(PRIVATE KEY|CERTIFICATE|KEY)|[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:[^\s/@"']+@|\b[Bb]earer\s+[^\s"']{6,}|\b[Bb]asic\s+[A-Za-z0-9+/=]{8,}|\bAKIA[0-9A-Z]{12,}|\bgh[pousr]_[A-Za-z0-9]{16,}|\bgithub_pat_|\bglpat-|\bxox[abprs]-|\bsk_(live|test)_|\bnpm_[A-Za-z0-9]{20,}|\bAIza[0-9A-Za-z_-]{20,}|\beyJ[A-Za-z0-9_-]{10,}\.|(^|\s)-p\S{3,}/;

/** Keys whose values (and everything under them) are sensitive, whatever their names. */
const SENSITIVE_PARENTS = new Set(["env", "command", "args", "annotations", "httpHeaders", "stringData", "data", "binaryData"]);
/** Values too short or too common to mask wherever they appear (a lone "true" would mask half the diff). */
const MIN_VALUE_LENGTH = 6;

const cache = new WeakMap<object, Set<string>>();

/** The string values of an object that must not be shown (see the file comment), each line of multi-line ones apart. */
export function sensitiveValues(object: unknown): Set<string> {
  if (typeof object === "object" && object !== null) {
    const known = cache.get(object);
    if (known) return known;
  }
  const out = new Set<string>();
  const add = (s: string) => {
    for (const line of s.split(/\r?\n/)) {
      const t = line.trim();
      if (t.length >= MIN_VALUE_LENGTH) out.add(t);
    }
  };
  const isSecret = isRecord(object) && object.kind === "Secret";
  // `key`: the key holding v; `parent`: the key holding the object that holds v (Secret `data` for a data value)
  const visit = (v: unknown, sensitive: boolean, key: string | undefined, depth: number, parent: string | undefined) => {
    if (depth > 40) return;
    if (typeof v === "string") {
      if (sensitive) {
        add(v);
        // Secret data is base64: its decoded form is the secret
        if (isSecret && parent === "data") add(Buffer.from(v, "base64").toString("utf8"));
        // a JSON annotation (last-applied-configuration) holds a whole object, Secrets' data included
        if (v.startsWith("{") && v.length < 1_000_000) {
          try {
            for (const inner of sensitiveValues(JSON.parse(v) as unknown)) out.add(inner);
          } catch {
            /* not JSON */
          }
        }
      }
      return;
    }
    if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
      if (sensitive) add(String(v));
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x, sensitive, key, depth + 1, parent);
      return;
    }
    if (isRecord(v)) {
      for (const [k, x] of Object.entries(v)) {
        const s = sensitive || (SENSITIVE_PARENTS.has(k) && (k !== "data" || isConfigOrSecret(object))) || CREDENTIAL_WORD.test(k);
        visit(x, s && k !== "name", k, depth + 1, key);
      }
    }
  };
  visit(object, false, undefined, 0, undefined);
  if (typeof object === "object" && object !== null) cache.set(object, out);
  return out;
}

function isConfigOrSecret(object: unknown): boolean {
  return isRecord(object) && (object.kind === "Secret" || object.kind === "ConfigMap");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The sensitive values of the objects of these findings (their `target`, never serialized). */
export function sensitiveValuesOf(findings: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<object>();
  for (const f of findings) {
    const o = f.target?.object;
    if (!o || seen.has(o)) continue;
    seen.add(o);
    for (const v of sensitiveValues(o)) out.add(v);
  }
  return out;
}

/**
 * Does this line of a manifest or Dockerfile show a credential? Lines a fix adds (`added`) are its own text: they
 * are masked only for a credential's shape, not for a key that names one (`automountServiceAccountToken: false`).
 */
export function lineIsSensitive(line: string, values: ReadonlySet<string>, added = false): boolean {
  const t = line.trim();
  if (t === "") return false;
  if (CREDENTIAL_SHAPE.test(t)) return true;
  if (added) return false;
  // a key, flag or variable that names a credential, with a value after it (not `- name: DB_PASSWORD` nor `env:`)
  const kv = /^(?:-\s+)*(["']?)([^"'=:\s]+)\1\s*[:=\s]\s*(\S.*)?$/.exec(t.replace(/^(ENV|ARG|LABEL)\s+/i, ""));
  const key = kv?.[2];
  const value = kv?.[3]?.replace(/\s+#.*$/, "");
  if (key !== undefined && key !== "name" && CREDENTIAL_WORD.test(key) && value !== undefined && !PLAIN_VALUE.test(value)) return true;
  // flags and assignments anywhere in the line: --db-password=…, password=…, "token": "…"
  for (const m of t.matchAll(/([\w.-]+)["']?\s*[=:]\s*["']?([^\s"',\]}]+)/g)) {
    if (CREDENTIAL_WORD.test(m[1]!) && m[1] !== "name" && !PLAIN_VALUE.test(m[2]!)) return true;
  }
  if (values.has(t)) return true;
  for (const v of values) if (t.includes(v)) return true;
  return false;
}

/** The line with its value masked: indentation, list dashes, the YAML key or the Dockerfile keyword are kept. */
export function maskLine(line: string): string {
  const m = /^(\s*(?:-\s+)*)(.*)$/.exec(line)!;
  const lead = m[1]!;
  const rest = m[2]!;
  const key = /^((?:"[^"]*"|'[^']*'|[^\s:"'][^:]*?):(?:\s+|$))/.exec(rest);
  if (key && !/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) return `${lead}${key[1]}${MASK}`;
  const word = /^([A-Z]+\s+)/.exec(rest);
  if (word) return `${lead}${word[1]}${MASK}`;
  return `${lead}${MASK}`;
}

/**
 * A unified diff with every sensitive line masked: context lines and removed lines (a fix that drops a duplicate
 * `DB_PASSWORD` must not print it in a report; `keepRemoved` shows them, for `fix --dry-run` in the user's own
 * terminal), and added lines that have a credential's shape. Headers and hunk markers are kept. `values` are the sensitive values of the objects (sensitiveValuesOf).
 */
export function redactDiff(diff: string, values: ReadonlySet<string> = new Set(), options: { keepRemoved?: boolean } = {}): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("---") || line.startsWith("+++") || line.startsWith("@@") || line.startsWith("\\") || line === "") return line;
      const sign = line[0];
      if (sign !== " " && sign !== "-" && sign !== "+") return line;
      if (sign === "-" && options.keepRemoved) return line;
      const body = line.slice(1);
      return lineIsSensitive(body, values, sign === "+") ? sign + maskLine(body) : line;
    })
    .join("\n");
}

/**
 * The findings as reports show them: fix previews' diffs redacted. Findings are copied (the `target` stays off the
 * copies, so it can never reach a report); SARIF replacements are the fix's new text and are kept.
 */
export function redactFindings(findings: readonly Finding[], values: ReadonlySet<string> = sensitiveValuesOf(findings)): Finding[] {
  return findings.map((f) => {
    if (!f.fix?.preview) return f;
    const diff = redactDiff(f.fix.preview.diff, values);
    if (diff === f.fix.preview.diff) return f;
    return { ...f, fix: { ...f.fix, preview: { ...f.fix.preview, diff } } };
  });
}
