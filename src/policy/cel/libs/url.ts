// Kubernetes' URL library. Kubernetes parses with Go's url.ParseRequestURI: absolute URIs
// ("https://host:8443/p?q=1") and absolute paths ("/p") only; this parser follows its rules.
import type { CelLibrary } from "./index.js";
import { celError } from "./util.js";

/** A parsed URL as CEL sees it (type name kubernetes.URL). Fields hold the raw (escaped) text. */
export class Url {
  constructor(
    readonly scheme: string,
    readonly opaque: string,
    readonly host: string,
    readonly rawPath: string,
    readonly rawQuery: string,
  ) {}

  celEquals(other: unknown): boolean {
    return (
      other instanceof Url &&
      other.scheme === this.scheme &&
      other.opaque === this.opaque &&
      other.host === this.host &&
      other.rawPath === this.rawPath &&
      other.rawQuery === this.rawQuery
    );
  }
}

export const URL_TYPE = "kubernetes.URL";

class UrlError extends Error {}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Decodes %XX escapes (and '+' as space when `plusIsSpace`), failing on malformed escapes. */
function unescape(s: string, plusIsSpace: boolean): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "%") {
      const hex = s.slice(i + 1, i + 3);
      if (!HEX.test(hex)) throw new UrlError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (c === "+" && plusIsSpace) {
      bytes.push(0x20);
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...enc.encode(ch));
      i += ch.length - 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function isUnreserved(c: string): boolean {
  return /^[A-Za-z0-9\-_.~]$/.test(c);
}

/** Go's escape(path, encodePath). */
function escapePath(path: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(path)) {
    const c = String.fromCharCode(byte);
    if (byte < 0x80 && (isUnreserved(c) || "$&+,/:;=@".includes(c))) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Go's validEncoded(s, encodePath): is s already a valid escaped path? */
function validEncodedPath(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ("!$&'()*+,;=:@[]".includes(c) || c === "/" || isUnreserved(c)) continue;
    if (c === "%") continue; // validity checked by unescape
    return false;
  }
  return true;
}

function validOptionalPort(port: string): boolean {
  return port === "" || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith("[")) {
    const end = host.lastIndexOf("]");
    if (end < 0) throw new UrlError("missing ']' in host");
    const port = host.slice(end + 1);
    if (!validOptionalPort(port)) throw new UrlError(`invalid port ${JSON.stringify(port)} after host`);
  } else {
    const colon = host.lastIndexOf(":");
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) {
      throw new UrlError(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
  }
  if (/[\s"<>\\^`{|}]/.test(host)) throw new UrlError(`invalid character in host name ${JSON.stringify(host)}`);
  unescape(host, false);
  return host;
}

export function parseRequestUri(raw: string): Url {
  if (raw === "") throw new UrlError("empty url");
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new UrlError("invalid control character in URL");
  let scheme = "";
  let rest = raw;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+\-.]*):/.exec(raw);
  if (raw.startsWith(":")) throw new UrlError("missing protocol scheme");
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    rest = raw.slice(schemeMatch[0].length);
  }
  let rawQuery = "";
  if (rest.endsWith("?") && rest.indexOf("?") === rest.length - 1) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (scheme !== "") return new Url(scheme, rest, "", "", rawQuery);
    throw new UrlError("invalid URI for request");
  }
  let host = "";
  if (scheme !== "" && rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    const at = authority.lastIndexOf("@");
    if (at >= 0 && /[^A-Za-z0-9\-._~%!$&'()*+,;=:]/.test(authority.slice(0, at))) {
      throw new UrlError("invalid userinfo");
    }
    host = parseHost(at >= 0 ? authority.slice(at + 1) : authority);
  }
  unescape(rest, false); // malformed escapes are errors
  return new Url(scheme, "", host, rest, rawQuery);
}

function url(s: string): Url {
  try {
    return parseRequestUri(s);
  } catch (e) {
    if (e instanceof UrlError) {
      throw celError("invalid_argument", `URL parse error during conversion from string: parse ${JSON.stringify(s)}: ${e.message}`);
    }
    throw e;
  }
}

function hostname(u: Url): string {
  const h = u.host;
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    return end < 0 ? h.slice(1) : h.slice(1, end);
  }
  const colon = h.lastIndexOf(":");
  return colon < 0 ? h : h.slice(0, colon);
}

function port(u: Url): string {
  const h = u.host;
  const start = h.startsWith("[") ? h.indexOf("]") + 1 : 0;
  const colon = h.indexOf(":", start);
  return colon < 0 ? "" : h.slice(colon + 1);
}

function escapedPath(u: Url): string {
  if (u.rawPath === "") return "";
  const path = unescape(u.rawPath, false);
  if (validEncodedPath(u.rawPath) && u.rawPath !== "*") return u.rawPath;
  return path === "*" ? "*" : escapePath(path);
}

/** Go's url.ParseQuery as used by URL.Query(): pairs with bad escapes or semicolons are skipped. */
function query(u: Url): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of u.rawQuery.split("&")) {
    if (part === "" || part.includes(";")) continue;
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = unescape(rawKey, true);
      value = unescape(rawValue, true);
    } catch {
      continue;
    }
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

export const urlLibrary: CelLibrary = {
  name: "url",
  summary: "URLs (absolute URIs and absolute paths, as Go's url.ParseRequestURI reads them) and their parts.",
  functions: [
    "url(string) -> URL",
    "isURL(string) -> bool",
    "URL.getScheme() -> string",
    "URL.getHost() -> string",
    "URL.getHostname() -> string",
    "URL.getPort() -> string",
    "URL.getEscapedPath() -> string",
    "URL.getQuery() -> map<string, list<string>>",
  ],
  gaps: ["Host names are checked less strictly than Go's parser (e.g. percent-escapes and IPv6 zones in hosts)."],
  register(env) {
    const U = URL_TYPE;
    env.registerType(U, Url);
    env.registerFunction(`url(string): ${U}`, url);
    env.registerFunction("isURL(string): bool", (s: string) => {
      try {
        parseRequestUri(s);
        return true;
      } catch (e) {
        if (e instanceof UrlError) return false;
        throw e;
      }
    });
    env.registerFunction(`${U}.getScheme(): string`, (u: Url) => u.scheme);
    env.registerFunction(`${U}.getHost(): string`, (u: Url) => u.host);
    env.registerFunction(`${U}.getHostname(): string`, hostname);
    env.registerFunction(`${U}.getPort(): string`, port);
    env.registerFunction(`${U}.getEscapedPath(): string`, escapedPath);
    env.registerFunction(`${U}.getQuery(): map<string, list<string>>`, query);
  },
};
