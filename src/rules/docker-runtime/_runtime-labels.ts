// Value checks for well-known image labels (OCI image annotations and the older label-schema.org labels).
// Pragmatic by design: a value is only reported when it is clearly not of the expected kind.

export type LabelKind = "url" | "date" | "license" | "hash" | "email";

/** Labels whose value has a defined format. org.opencontainers.image.version / org.label-schema.version are left out:
 * neither spec requires Semantic Versioning (OCI: "MAY be Semantic versioning-compatible"). */
export const KNOWN_LABELS: ReadonlyMap<string, LabelKind> = new Map<string, LabelKind>([
  ["org.opencontainers.image.created", "date"],
  ["org.opencontainers.image.url", "url"],
  ["org.opencontainers.image.source", "url"],
  ["org.opencontainers.image.documentation", "url"],
  ["org.opencontainers.image.licenses", "license"],
  ["org.opencontainers.image.revision", "hash"],
  ["org.label-schema.build-date", "date"],
  ["org.label-schema.url", "url"],
  ["org.label-schema.vcs-url", "url"],
  ["org.label-schema.vcs-ref", "hash"],
  ["maintainer", "email"],
]);

export function isValidLabelValue(kind: LabelKind, value: string): boolean {
  switch (kind) {
    case "url":
      return isUrl(value);
    case "date":
      return isRfc3339(value);
    case "license":
      return isSpdxExpression(value);
    case "hash":
      return /^[0-9a-f]{7,40}$/i.test(value) || /^[0-9a-f]{64}$/i.test(value);
    case "email":
      return emailsValid(value);
  }
}

const URL_SCHEMES = new Set(["http:", "https:", "git:", "ssh:", "git+ssh:", "git+https:", "ftp:", "ftps:", "svn:", "svn+ssh:", "hg:"]);

/** An absolute URL with a host (http(s), git, ssh, ...), or scp-like git syntax `git@github.com:org/repo.git`. */
export function isUrl(v: string): boolean {
  if (/^[\w.-]+@[\w.-]+\.[A-Za-z]{2,}:[\w./~-]+$/.test(v)) return true;
  if (/\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return URL_SCHEMES.has(u.protocol) && u.hostname !== "";
  } catch {
    return false;
  }
}

/** RFC 3339 date-time: 2024-05-01T12:00:00Z, 2024-05-01T12:00:00.5+02:00 (T, t or a space between date and time). */
export function isRfc3339(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  if (d > days) return false;
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

// Identifiers that look like licences but are not SPDX ids (compared in lower case); families whose SPDX ids have a
// fixed shape are checked against it below.
const NOT_SPDX = new Set(["asl", "asl2", "asl-2", "asl2.0", "asl-2.0", "bsd", "gpl", "lgpl", "agpl", "mpl", "epl", "public-domain", "publicdomain", "proprietary", "unlicensed", "commercial", "mit-license"]);
const FAMILIES: [RegExp, RegExp][] = [
  [/^(a|l)?gpl/i, /^((a|l)?gpl-\d\.\d(-[a-z-]+)?\+?|lgpllr)$/i],
  [/^apache/i, /^apache-(1\.0|1\.1|2\.0)$/i],
  [/^mpl/i, /^mpl-(1\.0|1\.1|2\.0)(-no-copyleft-exception)?$/i],
  [/^epl/i, /^epl-(1\.0|2\.0)$/i],
  [/^bsd/i, /^bsd-(\d-clause(-[a-z0-9-]+)?|[a-z][a-z0-9-]*)$/i],
  [/^cc/i, /^cc(0-1\.0|-[a-z0-9.-]+)$/i],
];

function licenseIdValid(id: string): boolean {
  if (/^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id)) return true;
  const bare = id.endsWith("+") ? id.slice(0, -1) : id;
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(bare)) return false;
  if (NOT_SPDX.has(bare.toLowerCase())) return false;
  for (const [family, valid] of FAMILIES) if (family.test(bare)) return valid.test(id);
  return true;
}

/** An SPDX licence expression: ids joined by AND/OR, `WITH exception`, parentheses; NONE and NOASSERTION. */
export function isSpdxExpression(v: string): boolean {
  const trimmed = v.trim();
  if (trimmed === "NONE" || trimmed === "NOASSERTION") return true;
  const tokens = trimmed.match(/\(|\)|[^\s()]+/g) ?? [];
  if (tokens.length === 0) return false;
  let i = 0;
  const op = (t: string | undefined, name: string): boolean => t !== undefined && (t === name || t === name.toLowerCase());
  const atom = (): boolean => {
    const t = tokens[i];
    if (t === undefined) return false;
    if (t === "(") {
      i++;
      if (!or()) return false;
      if (tokens[i] !== ")") return false;
      i++;
      return true;
    }
    if (t === ")" || op(t, "AND") || op(t, "OR") || op(t, "WITH")) return false;
    i++;
    if (!licenseIdValid(t)) return false;
    if (op(tokens[i], "WITH")) {
      i++;
      const e = tokens[i];
      if (e === undefined || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(e)) return false;
      i++;
    }
    return true;
  };
  const and = (): boolean => {
    if (!atom()) return false;
    while (op(tokens[i], "AND")) {
      i++;
      if (!atom()) return false;
    }
    return true;
  };
  const or = (): boolean => {
    if (!and()) return false;
    while (op(tokens[i], "OR")) {
      i++;
      if (!and()) return false;
    }
    return true;
  };
  return or() && i === tokens.length;
}

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * The e-mail addresses in a maintainer value are well formed: `jane@example.com`, `Jane Doe <jane@example.com>`,
 * several separated by commas. Parts without an address (a name, a team, `@handle`) are not judged.
 */
export function emailsValid(v: string): boolean {
  for (const raw of v.split(/[,;]/)) {
    const part = raw.trim();
    const bracket = /<([^<>]*)>\s*$/.exec(part);
    if (bracket) {
      if (!ADDRESS.test(bracket[1]!.trim())) return false;
      continue;
    }
    if (part.includes("<") || part.includes(">")) return false;
    const words = part.split(/\s+/).map((w) => w.replace(/^[([{"']+|[)\]}"'.:]+$/g, "")).filter((w) => /^[^@]+@/.test(w));
    for (const w of words) if (!ADDRESS.test(w)) return false;
  }
  return true;
}
