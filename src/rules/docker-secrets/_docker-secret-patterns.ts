// Deciding whether an ENV/ARG name or value, or a copied file, looks like a credential (docker-secret-in-env-arg).
// Functions return why something matched (a pattern or a kind of value), never the value itself.

// Last name segments that describe a credential instead of holding it: PASSWORD_FILE, TOKEN_URL, SECRET_NAME, ...
const METADATA_SUFFIXES = new Set([
  "file", "files", "path", "paths", "dir", "directory", "mount", "location", "url", "uri", "endpoint", "host", "hosts",
  "port", "ttl", "expiry", "expiration", "expires", "lifetime", "duration", "interval", "timeout", "age", "length",
  "len", "size", "type", "mode", "kind", "format", "enabled", "enable", "disabled", "disable", "required", "header",
  "issuer", "audience", "algorithm", "alg", "name", "names", "id", "ids", "ref", "user", "username", "version",
  "region", "scope", "scopes", "policy", "provider", "store", "source", "backend", "prefix", "field", "hint", "label",
  "count", "limit", "max", "min", "dummy", "env", "var", "ver", "sha", "sha256", "checksum", "fingerprint",
]);

/** Lowercase with `-`, `.` and camelCase boundaries turned into `_`: "api-key", "apiKey", "API_KEY" compare alike. */
export function normalizeSecretName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().replace(/[-.\s/]+/g, "_");
}

/** The configured name pattern a variable name holds, unless its last segment says it names a location or setting. */
export function secretNamePattern(name: string, patterns: readonly string[]): string | undefined {
  const n = normalizeSecretName(name);
  const last = n.split("_").filter((s) => s !== "").pop() ?? "";
  if (METADATA_SUFFIXES.has(last)) return undefined;
  return patterns.find((p) => {
    const np = normalizeSecretName(p);
    return np !== "" && n.includes(np);
  });
}

/**
 * Values that hold no secret whatever the name: empty, booleans, numbers, references (`$X`, `${X}`), paths and URLs
 * without user info.
 */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (v === "") return true;
  if (v.includes("$")) return true; // a reference expanded at build time, not a literal
  if (/^(true|false|yes|no|on|off|null|none|nil|enabled?|disabled?)$/i.test(v)) return true;
  if (/^[-+]?\d+(\.\d+)?([smhd]|ms)?$/i.test(v)) return true;
  if (/^(\/|~\/|\.\.?\/)\S*$/.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s@]*$/i.test(v)) return true;
  return false;
}

// Values that are credentials by their shape, whatever the variable is called.
const VALUE_SHAPES: readonly [RegExp, string][] = [
  [/-+\s*BEGIN [A-Z0-9 ]*PRIVATE KEY\s*-+/, "a private key"],
  [/^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:(?![^\s/@]*[$%{])[^\s/@]+@[^\s/@]/i, "a URL with an embedded password"],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, "an AWS access key"],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/, "a GitHub token"],
  [/\bglpat-[A-Za-z0-9_-]{20,}\b/, "a GitLab token"],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, "a Slack token"],
  [/\bnpm_[A-Za-z0-9]{36}\b/, "an npm token"],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
  [/\b[rs]k_live_[0-9A-Za-z]{20,}\b/, "a Stripe key"],
];

/** The kind of credential a value's shape shows, if any. */
export function secretValueKind(value: string): string | undefined {
  return VALUE_SHAPES.find(([re]) => re.test(value))?.[1];
}

// Tokens in a file name that mark public material: certificates, CA bundles, public and repository signing keys.
const PUBLIC_PEM = new Set(["pub", "public", "cert", "certs", "certificate", "crt", "ca", "cacert", "cacerts", "chain", "fullchain", "bundle", "root", "trust", "truststore"]);
const PUBLIC_KEY = new Set(["pub", "public", "gpg", "pgp", "asc", "release", "signing", "keyring", "repo", "archive", "apt"]);
const PRIVATE = new Set(["key", "private", "priv", "privkey", "secret"]);

/**
 * The secret-file pattern a path matches: globs (`*`, `?`) on the basename, or on the path's last segments when the
 * pattern has a slash (`.aws/credentials`). `*.pem` / `*.key` matches that name public material (ca.pem,
 * cert-chain.pem, repo.gpg.key, sample-public.pem) are left out unless the name also says key/private.
 */
export function secretFilePattern(path: string, patterns: readonly string[]): string | undefined {
  const clean = path.replace(/[?#].*$/, "").replace(/\/+$/, "");
  const segments = clean.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.length === 0) return undefined;
  const base = segments[segments.length - 1]!;
  for (const p of patterns) {
    const pSegs = p.split("/").filter((s) => s !== "");
    if (pSegs.length === 0 || pSegs.length > segments.length) continue;
    const tail = segments.slice(segments.length - pSegs.length);
    if (!pSegs.every((ps, i) => globToRegExp(ps).test(tail[i]!))) continue;
    if (pSegs.length === 1 && p.startsWith("*.")) {
      const tokens = base.toLowerCase().split(/[-_.\s]+/).slice(0, -1);
      const publicTokens = /\.pem$/i.test(p) ? PUBLIC_PEM : /\.key$/i.test(p) ? PUBLIC_KEY : undefined;
      if (publicTokens && tokens.some((t) => publicTokens.has(t)) && !tokens.some((t) => PRIVATE.has(t))) continue;
    }
    return p;
  }
  return undefined;
}

/** Compiled once per pattern and reused for every file of the scan. */
const globCache = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  let cached = globCache.get(glob);
  if (!cached) globCache.set(glob, (cached = compileGlob(glob)));
  return cached;
}

function compileGlob(glob: string): RegExp {
  let re = "";
  for (const ch of glob) {
    if (ch === "*") re += "[^/]*";
    else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}
