// Kubernetes' IP and CIDR libraries (netip semantics): strict parsing, no zones, no IPv4-mapped IPv6.
import type { CelLibrary } from "./index.js";
import { celError, registerNamespace } from "./util.js";

/** An IP address as CEL sees it (type name net.IP): family and value (32 or 128 bits). */
export class IP {
  constructor(
    readonly family: 4 | 6,
    readonly value: bigint,
  ) {}

  get bits(): number {
    return this.family === 4 ? 32 : 128;
  }

  celEquals(other: unknown): boolean {
    return other instanceof IP && other.family === this.family && other.value === this.value;
  }

  toString(): string {
    return this.family === 4 ? formatV4(this.value) : formatV6(this.value);
  }
}

/** A CIDR (type name net.CIDR): the address as written and the prefix length. */
export class CIDR {
  constructor(
    readonly ip: IP,
    readonly prefix: number,
  ) {}

  get mask(): bigint {
    const bits = BigInt(this.ip.bits);
    const host = bits - BigInt(this.prefix);
    return ((1n << bits) - 1n) ^ ((1n << host) - 1n);
  }

  contains(ip: IP): boolean {
    return ip.family === this.ip.family && (ip.value & this.mask) === (this.ip.value & this.mask);
  }

  masked(): CIDR {
    return new CIDR(new IP(this.ip.family, this.ip.value & this.mask), this.prefix);
  }

  celEquals(other: unknown): boolean {
    return other instanceof CIDR && other.prefix === this.prefix && other.ip.celEquals(this.ip);
  }

  toString(): string {
    return `${this.ip}/${this.prefix}`;
  }
}

export const IP_TYPE = "net.IP";
export const CIDR_TYPE = "net.CIDR";

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseGroups(s: string, allowV4: boolean): bigint[] | undefined {
  if (s === "") return [];
  const groups: bigint[] = [];
  const parts = s.split(":");
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (allowV4 && i === parts.length - 1 && p.includes(".")) {
      const v4 = parseV4(p);
      if (v4 === undefined) return undefined;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(p)) return undefined;
      groups.push(BigInt(`0x${p}`));
    }
  }
  return groups;
}

function parseV6(s: string): bigint | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0]!, false);
    const tail = parseGroups(halves[1]!, true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    const all = parseGroups(s, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  return groups.reduce((acc, g) => (acc << 16n) | g, 0n);
}

function formatV4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((v >> shift) & 0xffn)).join(".");
}

function formatV6(v: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((v >> shift) & 0xffffn));
  // The longest run (2 or more) of zero groups becomes "::" (the first such run on a tie).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

type Parsed = { ip: IP } | { error: string };

/** Parses an address the way Kubernetes' ip() does. */
export function parseIP(s: string): Parsed {
  if (s.includes("%")) return { error: `IP address with zone value is not allowed: ${JSON.stringify(s)}` };
  if (!s.includes(":")) {
    const v4 = parseV4(s);
    return v4 === undefined ? { error: `IP Address ${JSON.stringify(s)} parse error` } : { ip: new IP(4, v4) };
  }
  const v6 = parseV6(s);
  if (v6 === undefined) return { error: `IP Address ${JSON.stringify(s)} parse error` };
  if (v6 >> 32n === 0xffffn) return { error: `IPv4-mapped IPv6 address is not allowed: ${JSON.stringify(s)}` };
  return { ip: new IP(6, v6) };
}

function ip(s: string): IP {
  const p = parseIP(s);
  if ("error" in p) throw celError("invalid_argument", p.error);
  return p.ip;
}

export function parseCIDR(s: string): { cidr: CIDR } | { error: string } {
  const slash = s.lastIndexOf("/");
  if (slash < 0) return { error: `network address parse error, invalid CIDR ${JSON.stringify(s)}: no '/'` };
  const addr = parseIP(s.slice(0, slash));
  if ("error" in addr) return addr;
  const bitsText = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]{0,2})$/.test(bitsText) || Number(bitsText) > addr.ip.bits) {
    return { error: `network address parse error, invalid CIDR ${JSON.stringify(s)}: bad bits after slash` };
  }
  return { cidr: new CIDR(addr.ip, Number(bitsText)) };
}

function cidr(s: string): CIDR {
  const p = parseCIDR(s);
  if ("error" in p) throw celError("invalid_argument", p.error);
  return p.cidr;
}

function inPrefix(a: IP, family: 4 | 6, base: bigint, prefix: number): boolean {
  return new CIDR(new IP(family, base), prefix).contains(a);
}

const isLoopback = (a: IP): boolean => (a.family === 4 ? inPrefix(a, 4, 0x7f000000n, 8) : a.value === 1n);
const isMulticast = (a: IP): boolean => (a.family === 4 ? inPrefix(a, 4, 0xe0000000n, 4) : a.value >> 120n === 0xffn);
const isLinkLocalUnicast = (a: IP): boolean =>
  a.family === 4 ? inPrefix(a, 4, 0xa9fe0000n, 16) : inPrefix(a, 6, 0xfe80n << 112n, 10);
const isLinkLocalMulticast = (a: IP): boolean =>
  a.family === 4 ? inPrefix(a, 4, 0xe0000000n, 24) : a.value >> 120n === 0xffn && ((a.value >> 112n) & 0x0fn) === 2n;
const isUnspecified = (a: IP): boolean => a.value === 0n;
const isGlobalUnicast = (a: IP): boolean =>
  !(a.family === 4 && a.value === 0xffffffffn) &&
  !isUnspecified(a) &&
  !isLoopback(a) &&
  !isMulticast(a) &&
  !isLinkLocalUnicast(a);

export const ipLibrary: CelLibrary = {
  name: "ip",
  summary: "IP addresses and CIDR ranges, IPv4 and IPv6: parse, classify and test containment.",
  functions: [
    "ip(string) -> IP",
    "isIP(string) -> bool",
    "ip.isCanonical(string) -> bool",
    "IP.family() -> int",
    "IP.isUnspecified() -> bool",
    "IP.isLoopback() -> bool",
    "IP.isLinkLocalMulticast() -> bool",
    "IP.isLinkLocalUnicast() -> bool",
    "IP.isGlobalUnicast() -> bool",
    "IP.string() -> string",
    "string(IP) -> string",
    "cidr(string) -> CIDR",
    "isCIDR(string) -> bool",
    "CIDR.containsIP(IP) -> bool",
    "CIDR.containsIP(string) -> bool",
    "CIDR.containsCIDR(CIDR) -> bool",
    "CIDR.containsCIDR(string) -> bool",
    "CIDR.ip() -> IP",
    "CIDR.masked() -> CIDR",
    "CIDR.prefixLength() -> int",
    "CIDR.string() -> string",
    "string(CIDR) -> string",
    "IP == IP, CIDR == CIDR",
  ],
  gaps: [],
  register(env) {
    const I = IP_TYPE;
    const C = CIDR_TYPE;
    env.registerType(I, IP);
    env.registerType(C, CIDR);
    env.registerFunction(`ip(string): ${I}`, ip);
    env.registerFunction("isIP(string): bool", (s: string) => "ip" in parseIP(s));
    const ns = registerNamespace(env, "ip", "IpNamespace");
    env.registerFunction(`${ns}.isCanonical(string): bool`, (_ns: unknown, s: string) => ip(s).toString() === s);
    env.registerFunction(`${I}.family(): int`, (a: IP) => BigInt(a.family));
    env.registerFunction(`${I}.isUnspecified(): bool`, isUnspecified);
    env.registerFunction(`${I}.isLoopback(): bool`, isLoopback);
    env.registerFunction(`${I}.isLinkLocalMulticast(): bool`, isLinkLocalMulticast);
    env.registerFunction(`${I}.isLinkLocalUnicast(): bool`, isLinkLocalUnicast);
    env.registerFunction(`${I}.isGlobalUnicast(): bool`, isGlobalUnicast);
    env.registerFunction(`${I}.string(): string`, (a: IP) => a.toString());
    env.registerFunction(`string(${I}): string`, (a: IP) => a.toString());
    env.registerOperator(`${I} == ${I}`, (a: IP, b: IP) => a.celEquals(b));

    env.registerFunction(`cidr(string): ${C}`, cidr);
    env.registerFunction("isCIDR(string): bool", (s: string) => "cidr" in parseCIDR(s));
    env.registerFunction(`${C}.containsIP(${I}): bool`, (c: CIDR, a: IP) => c.contains(a));
    env.registerFunction(`${C}.containsIP(string): bool`, (c: CIDR, s: string) => c.contains(ip(s)));
    const containsCIDR = (c: CIDR, o: CIDR): boolean => o.prefix >= c.prefix && c.contains(o.ip);
    env.registerFunction(`${C}.containsCIDR(${C}): bool`, containsCIDR);
    env.registerFunction(`${C}.containsCIDR(string): bool`, (c: CIDR, s: string) => containsCIDR(c, cidr(s)));
    env.registerFunction(`${C}.ip(): ${I}`, (c: CIDR) => c.ip);
    env.registerFunction(`${C}.masked(): ${C}`, (c: CIDR) => c.masked());
    env.registerFunction(`${C}.prefixLength(): int`, (c: CIDR) => BigInt(c.prefix));
    env.registerFunction(`${C}.string(): string`, (c: CIDR) => c.toString());
    env.registerFunction(`string(${C}): string`, (c: CIDR) => c.toString());
    env.registerOperator(`${C} == ${C}`, (a: CIDR, b: CIDR) => a.celEquals(b));
  },
};
