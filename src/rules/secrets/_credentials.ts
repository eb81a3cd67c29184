// Deciding whether a name/value pair holds a credential, without ever returning or printing the value.
import type { Params } from "../../engine/rule-types.js";

/** Why a pair looks like a credential: a name pattern, or the kind of value it matched. Never the value itself. */
export type CredentialHit = { by: "name"; pattern: string } | { by: "value"; kind: string };

export interface CredentialDetector {
  /** Checks a name and its literal value. */
  check(name: string, value: string): CredentialHit | undefined;
}

// Well-known variables that hold a credential whatever the configured name patterns say (Polaris lists the same).
const WELL_KNOWN_NAMES: readonly [RegExp, string][] = [
  [/^AZURE_\w*_KEY$/i, "AZURE_*_KEY"],
  [/^OCI_CLI_KEY_CONTENT$/i, "OCI_CLI_KEY_CONTENT"],
];

// Values that are credentials by their shape, in addition to the configured value patterns.
const WELL_KNOWN_VALUES: readonly [RegExp, string][] = [
  // Any PEM private key header, however many dashes survived copy and paste.
  [/-+\s*BEGIN [A-Z0-9 ]*PRIVATE KEY\s*-+/, "a private key"],
  // scheme://user:password@host with a literal password (not $(VAR), ${VAR} or a template).
  [/^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?![^\s/@]*[$%{])[^\s/@]+@[^\s/@]/i, "a URL with an embedded password"],
];

// Last name segments that describe a credential instead of holding it: PASSWORD_FILE, TOKEN_URL, SECRET_NAME, …
const METADATA_SUFFIXES = new Set([
  "file", "files", "path", "paths", "dir", "directory", "mount", "location", "url", "uri", "endpoint", "endpoints", "host",
  "hosts", "port", "ttl", "expiry", "expiration", "expires", "expire", "lifetime", "duration", "interval", "period",
  "timeout", "age", "length", "len", "size", "type", "types", "mode", "kind", "format", "enabled", "enable", "disabled",
  "disable", "required", "header", "headers", "issuer", "audience", "audiences", "algorithm", "algorithms", "alg", "name",
  "names", "ref", "reference", "id", "ids", "user", "username", "namespace", "version", "region", "scope", "scopes",
  "policy", "rotation", "provider", "store", "source", "backend", "prefix", "field", "hint", "label", "selector",
  "seconds", "secs", "minutes", "mins", "hours", "days", "count", "limit", "max", "min", "threshold", "retries",
]);

// Last name segments that name the credential itself: a number in DB_PASSWORD is a (weak) password, in TOKEN_TTL it is not.
const CREDENTIAL_WORDS = new Set(["password", "passwd", "pass", "pwd", "secret", "token", "key", "pin", "passphrase", "credential", "credentials"]);

/** Lowercase with `-`, `.`, space and camelCase boundaries turned into `_`, so "api-key", "apiKey" and "API_KEY" compare alike. */
export function normalizeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().replace(/[-.\s/]+/g, "_");
}

/** A number, possibly with a unit (3600, 1.5, 30s, 512Mi). */
export function isNumberLike(value: string): boolean {
  return /^[-+]?\d+(\.\d+)?([smhdw]|ms|us|ns|[kmgt]i?b?)?$/i.test(value.trim());
}

/**
 * Values that cannot be a secret however the variable is named: empty, booleans, absolute paths, URLs without
 * credentials, and references a renderer or the kubelet fills in ($(VAR), ${VAR}, {{ … }}).
 */
export function isIncidentalValue(value: string): boolean {
  const v = value.trim();
  if (v === "") return true;
  if (/^(true|false|yes|no|on|off|y|n|null|none|nil|enabled?|disabled?)$/i.test(v)) return true;
  if (/^\$\([A-Za-z_][\w.-]*\)$|^\$\{[^}]*\}$|^\{\{.*\}\}$|^<[^>]*>$/.test(v)) return true;
  if (/^(\/|~\/|\.\/)[^\s]*$/.test(v)) return true; // a file path (PASSWORD_FILE=/run/secrets/db)
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(v)) return true; // a URL with no user info
  return false;
}

/**
 * Substitution markers that a deployment pipeline replaces (sed, envsubst): an uppercase token that repeats the
 * variable's name ("GOOGLE_API_KEY_VAL" for GOOGLE_API_KEY) or says so ("INSERT_TOKEN", "REPLACE_ME", "YOUR_KEY_HERE").
 */
export function isPlaceholder(name: string, value: string): boolean {
  const v = value.trim();
  if (!/^[A-Z][A-Z0-9_]*$/.test(v)) return false;
  const n = name.trim().toUpperCase();
  if (n !== "" && (v === n || v === `${n}_VAL` || v === `${n}_VALUE` || v === `${n}_PLACEHOLDER`)) return true;
  return /^(INSERT|REPLACE|YOUR|ENTER|SET|FILL|TODO)_|_(HERE|PLACEHOLDER)$|^(REPLACE_?ME|PLACEHOLDER|TODO|TBD)$/.test(v);
}

function compileValuePatterns(sources: string[]): [RegExp, string][] {
  const out: [RegExp, string][] = [];
  for (const s of sources) {
    try {
      out.push([new RegExp(s), s]);
    } catch {
      // A malformed pattern in the configuration matches nothing rather than failing the rule.
    }
  }
  return out;
}

const cache = new WeakMap<Params, CredentialDetector>();

/** A detector built from the rule's `secretNamePatterns` and `secretValuePatterns` (computed once per parameter set). */
export function credentialDetector(params: Params): CredentialDetector {
  const cached = cache.get(params);
  if (cached) return cached;
  const namePatterns = params
    .strings("secretNamePatterns")
    .map((p) => [normalizeName(p), p] as const)
    .filter(([n]) => n !== "");
  const valuePatterns = [...compileValuePatterns(params.strings("secretValuePatterns")), ...WELL_KNOWN_VALUES];
  const detector: CredentialDetector = {
    check(name, value) {
      for (const [re, kind] of valuePatterns) {
        if (re.test(value)) return { by: "value", kind: WELL_KNOWN_VALUES.some(([w]) => w === re) ? kind : `the pattern /${kind}/` };
      }
      if (isIncidentalValue(value) || isPlaceholder(name, value)) return undefined;
      for (const [re, label] of WELL_KNOWN_NAMES) if (re.test(name.trim())) return { by: "name", pattern: label };
      const n = normalizeName(name);
      const last = n.split("_").filter((s) => s !== "").pop() ?? "";
      if (METADATA_SUFFIXES.has(last)) return undefined;
      if (isNumberLike(value) && !CREDENTIAL_WORDS.has(last)) return undefined;
      const hit = namePatterns.find(([p]) => n.includes(p));
      return hit ? { by: "name", pattern: hit[1] } : undefined;
    },
  };
  cache.set(params, detector);
  return detector;
}
