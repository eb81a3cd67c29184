// Command lines of the control-plane components (kube-apiserver, kube-controller-manager, kube-scheduler, etcd,
// kubelet, kube-proxy) as they run in containers, read the way the components read them, and a few
// parametrised checks ("templates") that the control-plane rules configure.
//
// How a component reads its command line:
// - Kubernetes components use spf13/pflag: `--name=value`, `--name value` (any next argument is the value of a
//   non-boolean flag), bare `--name` for booleans (a boolean never takes the next argument: `--profiling false`
//   leaves profiling on). Flag names are normalised ("_" → "-"). A repeated flag: the last one wins, except list
//   flags (string slices, which append) and `--feature-gates` (a map, later keys win).
// - etcd uses Go's flag package (`-name` or `--name`, same value forms) and also reads every flag from an
//   `ETCD_<NAME>` environment variable, which a command-line flag overrides; `--config-file` replaces both.
// - Kubernetes expands `$(VAR)` in command and args from the container's env before the process starts.
import { fixes } from "../../engine/fixes.js";
import type { RuleContext } from "../../engine/rule-types.js";
import type { Fix, FixOp } from "../../model/finding.js";
import { parseImage } from "../../model/image.js";
import type { KubeVersion } from "../../model/kube-version.js";
import { type JsonObject, type YamlPath, isObject } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";

export type Component = "kube-apiserver" | "kube-controller-manager" | "kube-scheduler" | "etcd" | "kubelet" | "kube-proxy";

/** Executable names (and hyperkube sub-commands) of each component. */
const EXECUTABLES: Record<string, Component> = {
  "kube-apiserver": "kube-apiserver",
  "kube-controller-manager": "kube-controller-manager",
  "kube-scheduler": "kube-scheduler",
  etcd: "etcd",
  kubelet: "kubelet",
  "kube-proxy": "kube-proxy",
};
const HYPERKUBE_SUBCOMMANDS: Record<string, Component> = {
  ...EXECUTABLES,
  apiserver: "kube-apiserver",
  "controller-manager": "kube-controller-manager",
  scheduler: "kube-scheduler",
  proxy: "kube-proxy",
};
const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "busybox"]);
/** Programs that start the next argument as a process (init shims). */
const WRAPPERS = new Set(["tini", "dumb-init", "env", "exec", "nice", "nohup", "go-runner"]);

/**
 * Flags that are booleans in some component: they never take the next argument as their value. Other flags
 * written as `--name value` do.
 */
const BOOL_FLAGS = new Set([
  // kube-apiserver
  "allow-privileged", "anonymous-auth", "enable-aggregator-routing", "enable-bootstrap-token-auth", "enable-garbage-collector",
  "enable-logs-handler", "enable-priority-and-fairness", "kubelet-https", "profiling", "contention-profiling",
  "service-account-lookup", "service-account-extend-token-expiration", "watch-cache", "audit-log-compress",
  "audit-log-truncate-enabled", "audit-webhook-truncate-enabled", "permit-port-sharing", "permit-address-sharing",
  "disable-http2-serving",
  // kube-controller-manager / kube-scheduler
  "use-service-account-credentials", "allocate-node-cidrs", "configure-cloud-routes", "leader-elect",
  "enable-dynamic-provisioning", "enable-hostpath-provisioner", "enable-taint-manager", "authentication-skip-lookup",
  "authentication-tolerate-lookup-failure",
  // etcd
  "client-cert-auth", "peer-client-cert-auth", "auto-tls", "peer-auto-tls", "strict-reconfig-check", "enable-pprof", "debug",
  "force-new-cluster", "enable-v2", "experimental-initial-corrupt-check", "experimental-enable-distributed-tracing",
  "experimental-peer-skip-client-san-verification", "peer-skip-client-san-verification", "enable-grpc-gateway",
  "experimental-enable-lease-checkpoint", "pre-vote", "socket-reuse-port", "socket-reuse-address", "unsafe-no-fsync",
  // kubelet
  "rotate-certificates", "rotate-server-certificates", "make-iptables-util-chains", "protect-kernel-defaults", "fail-swap-on",
  "register-node", "register-schedulable", "enable-server", "enable-debugging-handlers", "serialize-image-pulls",
  "kernel-memcg-notification", "keep-terminated-pod-volumes", "cgroups-per-qos", "exit-on-lock-contention",
  "enable-controller-attach-detach", "enable-load-reader", "experimental-check-node-capabilities-before-mount",
  "experimental-allocatable-ignore-eviction", "local-storage-capacity-isolation", "seccomp-default", "fail-cgroupv1",
  "authentication-token-webhook",
  // kube-proxy
  "masquerade-all", "cleanup", "cleanup-iptables", "cleanup-ipvs", "bind-address-hard-fail", "ipvs-strict-arp", "init-only",
  // logging, common
  "alsologtostderr", "logtostderr", "one-output", "skip-headers", "skip-log-headers", "add-dir-header", "help",
]);

/** Flags whose repeated occurrences append (pflag string slices) rather than replace. */
const LIST_FLAGS = new Set([
  "enable-admission-plugins", "disable-admission-plugins", "admission-control", "authorization-mode", "tls-cipher-suites",
]);

/** One occurrence of a flag. */
export interface FlagValue {
  name: string;
  /** The value after `$(VAR)` expansion: "" for `--name=`; "true" for a bare boolean `--name`. */
  value: string;
  /** False when the value depends on something a manifest does not show (an env var from a Secret, a shell variable). */
  known: boolean;
  form: "eq" | "sep" | "bare" | "env" | "script";
  /** The list item (or env var value, or script) that holds the flag. */
  path: YamlPath;
  /** For `--name value`: the item holding the value. */
  valuePath?: YamlPath;
  /** Where the flag sits in its list, for fixes: the list's path and the item's index. */
  list?: YamlPath;
  index?: number;
}

/** A container that runs a control-plane component, with its flags. */
export interface Invocation {
  component: Component;
  container: ContainerView;
  /** Where a missing flag would be added: the list (command or args) that carries the flags. */
  listPath: YamlPath;
  /** True when listPath is an existing list a fix may append to. */
  listExists: boolean;
  /** The flags come from a shell script (`sh -c "…"`): no fixes are offered. */
  script: boolean;
  /**
   * Some arguments are unreadable and not flags (`$EXTRA_ARGS` in a script, a template placeholder): they may add
   * any flag, so a missing flag is not reported.
   */
  opaque: boolean;
  flags: ReadonlyMap<string, readonly FlagValue[]>;
}

/** The last occurrence of a flag (the one that takes effect), if any. */
export function flag(inv: Invocation, name: string): FlagValue | undefined {
  const all = inv.flags.get(name);
  return all?.[all.length - 1];
}

export function allOf(inv: Invocation, name: string): readonly FlagValue[] {
  return inv.flags.get(name) ?? [];
}

/** Is the flag given with a non-empty value (or bare)? An unknown value counts as set. */
export function isSet(inv: Invocation, name: string): boolean {
  const f = flag(inv, name);
  return f !== undefined && (f.value.trim() !== "" || !f.known);
}

// ---- detection and parsing

interface Token {
  text: string;
  path: YamlPath;
  list?: YamlPath;
  index?: number;
  script: boolean;
  known: boolean;
}

const cache = new WeakMap<ContainerView, Invocation | null>();

/** The component a container runs, with its flags; parsed once per container and scan. */
export function invocationOf(c: ContainerView): Invocation | undefined {
  let inv = cache.get(c);
  if (inv === undefined) {
    inv = parse(c) ?? null;
    cache.set(c, inv);
  }
  return inv ?? undefined;
}

/** The containers of the object that run `component`. */
export function invocations(ctx: RuleContext<string>, component: Component): Invocation[] {
  const out: Invocation[] = [];
  for (const c of ctx.workload?.containers ?? []) {
    const inv = invocationOf(c);
    if (inv?.component === component) out.push(inv);
  }
  return out;
}

function basename(s: string): string {
  const b = s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\")) + 1);
  return (b.toLowerCase().endsWith(".exe") ? b.slice(0, -4) : b).trim();
}

function scalar(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return undefined;
}

/** Literal env values of the container; a name mapped to undefined has a value the manifest does not show. */
function envValues(spec: JsonObject): { values: Map<string, string | undefined>; hasEnvFrom: boolean } {
  const values = new Map<string, string | undefined>();
  if (Array.isArray(spec.env)) {
    for (const e of spec.env) {
      if (!isObject(e) || typeof e.name !== "string") continue;
      values.set(e.name, e.valueFrom !== undefined && e.valueFrom !== null ? undefined : (scalar(e.value) ?? ""));
    }
  }
  return { values, hasEnvFrom: Array.isArray(spec.envFrom) && spec.envFrom.length > 0 };
}

/** Kubernetes' `$(VAR)` expansion of command and args; `known` is false when a value comes from elsewhere. */
function expand(text: string, env: ReturnType<typeof envValues>): { text: string; known: boolean } {
  let known = true;
  const out = text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === "$$") return "$";
    if (name === undefined) return m;
    if (env.values.has(name)) {
      const v = env.values.get(name);
      if (v === undefined) known = false;
      return v ?? m;
    }
    if (env.hasEnvFrom) known = false;
    return m;
  });
  if (/\{\{|\}\}|\$\{/.test(out)) known = false;
  return { text: out, known };
}

function listTokens(spec: JsonObject, base: YamlPath, key: "command" | "args", env: ReturnType<typeof envValues>): Token[] | undefined {
  const list = spec[key];
  if (!Array.isArray(list)) return undefined;
  const out: Token[] = [];
  list.forEach((item, index) => {
    const s = scalar(item);
    if (s === undefined) return;
    const e = expand(s, env);
    out.push({ text: e.text, known: e.known, path: [...base, key, index], list: [...base, key], index, script: false });
  });
  return out;
}

function componentOfImage(image: unknown): Component | undefined {
  if (typeof image !== "string") return undefined;
  const ref = parseImage(image);
  const last = ref.repository.split("/").pop() ?? "";
  const m = /^(kube-apiserver|kube-controller-manager|kube-scheduler|etcd|kubelet|kube-proxy)(?:-(?:amd64|arm64|arm|ppc64le|s390x|windows-amd64))?$/.exec(last);
  return m ? EXECUTABLES[m[1] ?? ""] : undefined;
}

function isFlagToken(t: string): boolean {
  return t.startsWith("-") && t.length > 1;
}

function parse(c: ContainerView): Invocation | undefined {
  const spec = c.spec;
  // A command or args that is not a list is rejected by the API server; there is nothing to judge.
  const wrongType = (v: unknown) => v !== undefined && v !== null && !Array.isArray(v);
  if (wrongType(spec.command) || wrongType(spec.args)) return undefined;
  const env = envValues(spec);
  const command = listTokens(spec, c.path, "command", env);
  const args = listTokens(spec, c.path, "args", env);
  const argv = [...(command ?? []), ...(args ?? [])];

  let component: Component | undefined;
  let flagTokens: Token[] = [];
  let script = false;
  let scriptPath: YamlPath | undefined;

  const head = command && command.length > 0 ? argv : args && args.length > 0 && !isFlagToken(args[0]?.text ?? "-") ? argv : undefined;
  if (head) {
    let i = 0;
    // Init shims: tini -- kube-apiserver …
    while (i < head.length && WRAPPERS.has(basename(head[i]?.text ?? ""))) {
      i++;
      while (i < head.length && (isFlagToken(head[i]?.text ?? "") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(head[i]?.text ?? ""))) i++;
    }
    const exe = basename(head[i]?.text ?? "");
    if (SHELLS.has(exe)) {
      let j = i + 1;
      if (exe === "busybox" && head[j] && SHELLS.has(head[j]?.text ?? "")) j++;
      while (j < head.length && isFlagToken(head[j]?.text ?? "") && !/^-[a-z]*c[a-z]*$/.test(head[j]?.text ?? "")) j++;
      const scriptTok = /^-[a-z]*c[a-z]*$/.test(head[j]?.text ?? "") ? head[j + 1] : undefined;
      if (scriptTok) {
        const found = parseScript(scriptTok);
        if (found) {
          component = found.component;
          flagTokens = found.tokens;
          script = true;
          scriptPath = scriptTok.path;
        }
      }
    } else if (exe === "hyperkube") {
      component = HYPERKUBE_SUBCOMMANDS[basename(head[i + 1]?.text ?? "")];
      flagTokens = head.slice(i + 2);
    } else {
      component = EXECUTABLES[exe];
      flagTokens = head.slice(i + 1);
    }
  } else {
    // No command: the image's entrypoint runs, with args as its flags.
    component = componentOfImage(spec.image);
    flagTokens = args ?? [];
  }
  if (!component) return undefined;

  const flags = new Map<string, FlagValue[]>();
  const add = (f: FlagValue) => {
    const list = flags.get(f.name);
    if (list) list.push(f);
    else flags.set(f.name, [f]);
  };
  if (component === "etcd") {
    // ETCD_<NAME> environment variables, overridden by flags (added first, so a flag comes last and wins).
    if (Array.isArray(spec.env)) {
      spec.env.forEach((e, index) => {
        if (!isObject(e) || typeof e.name !== "string" || !e.name.startsWith("ETCD_")) return;
        const name = e.name.slice(5).toLowerCase().replace(/_/g, "-");
        const fromElsewhere = e.valueFrom !== undefined && e.valueFrom !== null;
        const v = scalar(e.value) ?? "";
        const ex = expand(v, env);
        add({ name, value: fromElsewhere ? "" : ex.text, known: !fromElsewhere && ex.known, form: "env", path: [...c.path, "env", index, "value"] });
      });
    }
  }
  const opaque = parseFlags(flagTokens, component, add);

  // Where a missing flag goes: the list holding the flags, else args, else command.
  let listPath: YamlPath;
  let listExists = true;
  const lastFlag = [...flagTokens].reverse().find((t) => isFlagToken(t.text));
  if (script && scriptPath) listPath = scriptPath;
  else if (lastFlag?.list) listPath = lastFlag.list;
  else if (args) listPath = [...c.path, "args"];
  else if (command) listPath = [...c.path, "command"];
  else {
    listPath = [...c.path, "args"];
    listExists = false;
  }
  return { component, container: c, listPath, listExists, script, opaque, flags };
}

function normalizeName(name: string, component: Component): string {
  return component === "etcd" ? name : name.replace(/_/g, "-");
}

/** Adds the flags of `tokens`; returns whether an unreadable non-flag argument may hide more flags. */
function parseFlags(tokens: readonly Token[], component: Component, add: (f: FlagValue) => void): boolean {
  let opaque = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const text = t.text.trim();
    if (text === "--") break;
    if (!isFlagToken(text) || /^-\d/.test(text)) {
      if (!t.known) opaque = true;
      continue;
    }
    const body = text.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const base = { path: t.path, known: t.known, ...(t.list ? { list: t.list, index: t.index } : {}) };
    if (eq >= 0) {
      add({ name: normalizeName(body.slice(0, eq), component), value: body.slice(eq + 1), form: t.script ? "script" : "eq", ...base });
      continue;
    }
    const name = normalizeName(body, component);
    const next = tokens[i + 1];
    if (!BOOL_FLAGS.has(name) && next && (!isFlagToken(next.text.trim()) || /^-\d/.test(next.text.trim()))) {
      add({ name, value: next.text.trim(), form: t.script ? "script" : "sep", ...base, known: t.known && next.known, valuePath: next.path });
      i++;
      continue;
    }
    add({ name, value: "true", form: t.script ? "script" : "bare", ...base });
  }
  return opaque;
}

/** Shell words of a `sh -c` script, split on operators; finds the first command that runs a component. */
function parseScript(tok: Token): { component: Component; tokens: Token[] } | undefined {
  const words = shellWords(tok.text);
  let atCommand = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === undefined) continue;
    if (w.op) {
      atCommand = true;
      continue;
    }
    if (!atCommand) continue;
    if (w.text === "exec" || WRAPPERS.has(basename(w.text)) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text)) continue;
    const exe = basename(w.text);
    let component = EXECUTABLES[exe];
    let start = i + 1;
    if (exe === "hyperkube") {
      component = HYPERKUBE_SUBCOMMANDS[basename(words[i + 1]?.text ?? "")];
      start = i + 2;
    }
    if (component) {
      const tokens: Token[] = [];
      for (let j = start; j < words.length; j++) {
        const x = words[j];
        if (!x || x.op) break;
        tokens.push({ text: x.text, path: tok.path, script: true, known: tok.known && !x.text.includes("$") && !x.text.includes("`") });
      }
      return { component, tokens };
    }
    atCommand = false;
  }
  return undefined;
}

interface Word {
  text: string;
  op: boolean;
}

function shellWords(s: string): Word[] {
  const out: Word[] = [];
  let cur = "";
  let inWord = false;
  const flush = () => {
    if (inWord) out.push({ text: cur, op: false });
    cur = "";
    inWord = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? "";
    if (ch === "\\") {
      if (s[i + 1] === "\n") {
        i++;
        continue;
      }
      cur += s[i + 1] ?? "";
      inWord = true;
      i++;
    } else if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, end < 0 ? s.length : end);
      inWord = true;
      i = end < 0 ? s.length : end;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\" && j + 1 < s.length) {
          cur += s[j + 1];
          j += 2;
        } else cur += s[j++];
      }
      inWord = true;
      i = j;
    } else if (ch === "#" && !inWord) {
      while (i < s.length && s[i] !== "\n") i++;
      i--;
    } else if (/[;&|\n()]/.test(ch)) {
      flush();
      out.push({ text: ch, op: true });
    } else if (/\s/.test(ch)) {
      flush();
    } else {
      cur += ch;
      inWord = true;
    }
  }
  flush();
  return out;
}

// ---- reading values

/** Go's strconv.ParseBool. */
export function parseBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s.trim())) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s.trim())) return false;
  return undefined;
}

/** A boolean flag's value: bare means true; undefined when it cannot be read. */
export function boolValue(f: FlagValue): boolean | undefined {
  if (!f.known) return undefined;
  return f.form === "bare" ? true : parseBool(f.value);
}

/** A Go duration ("1h30m", "300s", "0") in seconds; undefined when it is not one. */
export function parseDuration(s: string): number | undefined {
  const t = s.trim();
  if (t === "0" || t === "+0" || t === "-0") return 0;
  const m = /^([-+]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(t);
  if (!m) return undefined;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, "μs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const part of (m[2] ?? "").matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * (unit[part[2] ?? "s"] ?? 1);
  return m[1] === "-" ? -total : total;
}

/** An integer flag value, or undefined. */
export function parseIntValue(s: string): number | undefined {
  return /^\s*[-+]?\d+\s*$/.test(s) ? Number(s) : undefined;
}

/** Comma-separated list items of every occurrence of a list flag, with where each came from. */
export function listItems(inv: Invocation, name: string): { item: string; from: FlagValue }[] {
  const occ = LIST_FLAGS.has(name) ? allOf(inv, name) : [flag(inv, name)].filter((f): f is FlagValue => f !== undefined);
  const out: { item: string; from: FlagValue }[] = [];
  for (const f of occ) {
    for (const item of f.value.split(",")) {
      const t = item.trim();
      if (t !== "") out.push({ item: t, from: f });
    }
  }
  return out;
}

/** `--feature-gates=A=true,B=false`, merged over every occurrence (later keys win). */
export function featureGate(inv: Invocation, gate: string): { value: boolean; from: FlagValue } | undefined {
  let out: { value: boolean; from: FlagValue } | undefined;
  for (const f of allOf(inv, "feature-gates")) {
    for (const item of f.value.split(",")) {
      const eq = item.indexOf("=");
      if (eq < 0 || item.slice(0, eq).trim() !== gate) continue;
      const v = parseBool(item.slice(eq + 1));
      if (v !== undefined && f.known) out = { value: v, from: f };
    }
  }
  return out;
}

/** Is this address (an IP, a CIDR, host:port or [IPv6]:port) reachable only from the node itself? */
export function isLoopback(address: string): boolean {
  let a = address.trim().toLowerCase();
  const cidr = /^(.*)\/(\d+)$/.exec(a);
  if (cidr) {
    const ip = cidr[1] ?? "";
    const bits = Number(cidr[2]);
    return (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) && bits >= 8) || (ip === "::1" && bits === 128);
  }
  const bracket = /^\[([^\]]*)\](?::\d*)?$/.exec(a);
  if (bracket) a = bracket[1] ?? "";
  else if (/^[^:]*:\d*$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || a === "::1" || a === "0:0:0:0:0:0:0:1" || a === "localhost";
}

// ---- fixes

export interface FixInfo {
  description: string;
  safety: Fix["safety"];
  note: string;
}

/** Replace an occurrence of a flag with `--name=value` (or the env var's value); undefined inside scripts. */
export function replaceFlagFix(f: FlagValue, value: string, info: FixInfo): Fix | undefined {
  if (f.form === "script") return undefined;
  if (f.form === "env") return fixes.set(f.path, value, info);
  const ops: FixOp[] = [{ op: "set", path: f.path, value: `--${f.name}=${value}` }];
  if (f.valuePath) ops.push({ op: "remove", path: f.valuePath });
  return fixes.ops(ops, info);
}

/** Add `--name=value` to the container's flags; undefined when there is no list to add to. */
export function addFlagFix(inv: Invocation, name: string, value: string, info: FixInfo): Fix | undefined {
  if (inv.script || !inv.listExists) return undefined;
  return fixes.ops([{ op: "append", path: inv.listPath, value: `--${name}=${value}` }], info);
}

/** Remove an occurrence of a flag (and its separate value). */
export function removeFlagFix(f: FlagValue, info: FixInfo): Fix | undefined {
  if (f.form === "script") return undefined;
  if (f.form === "env") return fixes.remove(f.path.slice(0, -1), info);
  return fixes.ops([...(f.valuePath ? [{ op: "remove" as const, path: f.valuePath }] : []), { op: "remove", path: f.path }], info);
}

// ---- check templates

/** The value a flag has when it is not given; may depend on the target Kubernetes version. */
export type Default<T> = T | ((v: KubeVersion) => T);

function resolveDefault<T>(d: Default<T>, v: KubeVersion): T {
  return typeof d === "function" ? (d as (v: KubeVersion) => T)(v) : d;
}

interface Common {
  component: Component;
  /** Skip a container whose setting the manifest cannot show (a config file decides it, …). */
  skip?: (inv: Invocation, ctx: RuleContext<string>) => boolean;
}

/**
 * A boolean flag that must have the value `want`. Reports `value` when it is given otherwise and `unset` when it is
 * missing and its default is not `want`.
 */
export function boolFlag<M extends string>(
  ctx: RuleContext<M>,
  o: Common & { flag: string; want: boolean; defaultValue: Default<boolean>; unset?: M; value: M; fix?: FixInfo },
): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const f = flag(inv, o.flag);
    const data = { container: inv.container.name, flag: `--${o.flag}`, want: String(o.want) };
    if (f === undefined) {
      if (inv.opaque || resolveDefault(o.defaultValue, ctx.kubeVersion) === o.want || o.unset === undefined) continue;
      const fix = o.fix && addFlagFix(inv, o.flag, String(o.want), o.fix);
      ctx.report({ messageId: o.unset, data: { ...data, value: "" }, path: inv.listPath, container: inv.container, ...(fix ? { fix } : {}) });
      continue;
    }
    const v = boolValue(f);
    if (v === undefined || v === o.want) continue;
    const fix = o.fix && replaceFlagFix(f, String(o.want), o.fix);
    ctx.report({ messageId: o.value, data: { ...data, value: f.form === "bare" ? "true" : f.value }, path: f.path, container: inv.container, ...(fix ? { fix } : {}) });
  }
}

/** Flags that must all be given with a non-empty value; one finding names the missing ones. */
export function requireFlags<M extends string>(ctx: RuleContext<M>, o: Common & { flags: string[]; missing: M }): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const missing = o.flags.filter((name) => !isSet(inv, name));
    if (missing.length === 0 || (inv.opaque && missing.some((name) => !flag(inv, name)))) continue;
    const empty = missing.map((name) => flag(inv, name)).find((f) => f !== undefined);
    ctx.report({
      messageId: o.missing,
      data: { container: inv.container.name, flags: missing.map((n) => `--${n}`).join(" and ") },
      path: empty?.path ?? inv.listPath,
      container: inv.container,
    });
  }
}

/** A flag that must not be given (with a non-empty value, or a value `bad` accepts). */
export function forbidFlag<M extends string>(
  ctx: RuleContext<M>,
  o: Common & { flag: string; messageId: M; bad?: (f: FlagValue, inv: Invocation) => boolean; fix?: FixInfo },
): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const f = flag(inv, o.flag);
    if (!f || !f.known || f.value.trim() === "") continue;
    if (o.bad && !o.bad(f, inv)) continue;
    const fix = o.fix && removeFlagFix(f, o.fix);
    ctx.report({ messageId: o.messageId, data: { container: inv.container.name, flag: `--${o.flag}`, value: f.value }, path: f.path, container: inv.container, ...(fix ? { fix } : {}) });
  }
}

/** An integer flag that must be at least `min` (from a parameter). `unset` is reported when it is missing, if given. */
export function intAtLeast<M extends string>(
  ctx: RuleContext<M>,
  o: Common & { flag: string; min: number; low: M; unset?: M; defaultValue?: number },
): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const f = flag(inv, o.flag);
    const data = { container: inv.container.name, flag: `--${o.flag}`, min: o.min };
    if (!f) {
      if (!inv.opaque && o.unset !== undefined && (o.defaultValue === undefined || o.defaultValue < o.min)) {
        ctx.report({ messageId: o.unset, data: { ...data, value: "" }, path: inv.listPath, container: inv.container });
      }
      continue;
    }
    const n = f.known ? parseIntValue(f.value) : undefined;
    if (n === undefined || n >= o.min) continue;
    ctx.report({ messageId: o.low, data: { ...data, value: n }, path: f.path, container: inv.container });
  }
}

// ---- kube-apiserver specifics

/** Admission plugins on by default (kube-apiserver `--enable-admission-plugins` help), those that matter here. */
function defaultOnPlugins(v: KubeVersion): Set<string> {
  const on = new Set(["NamespaceLifecycle", "LimitRanger", "ServiceAccount", "DefaultStorageClass", "ResourceQuota", "MutatingAdmissionWebhook", "ValidatingAdmissionWebhook"]);
  if (v.atLeast(23)) on.add("PodSecurity");
  return on;
}

export interface PluginState {
  enabled: boolean;
  /** Why: listed in the legacy --admission-control, enabled, disabled, on or off by default. */
  how: "admission-control" | "enabled" | "disabled" | "default";
  /** The flag that decides it, if any (where to change it). */
  from?: FlagValue;
}

/**
 * Is an admission plugin on? `--admission-control` (deprecated) lists exactly the plugins that run; otherwise the
 * defaults, plus `--enable-admission-plugins`, minus `--disable-admission-plugins`.
 */
export function admissionPlugin(inv: Invocation, plugin: string, v: KubeVersion): PluginState {
  const legacy = listItems(inv, "admission-control");
  if (allOf(inv, "admission-control").length > 0) {
    const hit = legacy.find((x) => x.item === plugin);
    return { enabled: hit !== undefined, how: "admission-control", from: hit?.from ?? flag(inv, "admission-control") };
  }
  const disabled = listItems(inv, "disable-admission-plugins").find((x) => x.item === plugin);
  if (disabled) return { enabled: false, how: "disabled", from: disabled.from };
  const enabled = listItems(inv, "enable-admission-plugins").find((x) => x.item === plugin);
  if (enabled) return { enabled: true, how: "enabled", from: enabled.from };
  const on = defaultOnPlugins(v).has(plugin);
  return { enabled: on, how: "default", ...(on ? {} : { from: flag(inv, "enable-admission-plugins") }) };
}

/** Are any admission-plugin flags unreadable (values from elsewhere)? Then no plugin rule decides. */
export function admissionUnknown(inv: Invocation): boolean {
  return inv.opaque || ["admission-control", "enable-admission-plugins", "disable-admission-plugins"].some((n) => allOf(inv, n).some((f) => !f.known));
}

/** Fix that adds a plugin to --enable-admission-plugins (only when that is where it is missing). */
function enablePluginFix(inv: Invocation, plugin: string, state: PluginState, info: FixInfo): Fix | undefined {
  if (state.how === "default" && state.from === undefined) return addFlagFix(inv, "enable-admission-plugins", plugin, info);
  if (state.how === "default" && state.from && state.from.form !== "script") {
    const list = state.from.value.split(",").map((s) => s.trim()).filter((s) => s !== "");
    return replaceFlagFix(state.from, [...list, plugin].join(","), info);
  }
  return undefined;
}

/** An admission plugin that must be on. `since`: the first minor version that has the plugin. */
export function requirePlugin<M extends string>(
  ctx: RuleContext<M>,
  o: { plugin: string; messageId: M; since?: number; until?: number; fix?: FixInfo },
): void {
  if (o.since !== undefined && !ctx.kubeVersion.atLeast(o.since)) return;
  if (o.until !== undefined && ctx.kubeVersion.atLeast(o.until)) return;
  for (const inv of invocations(ctx, "kube-apiserver")) {
    if (admissionUnknown(inv)) continue;
    const s = admissionPlugin(inv, o.plugin, ctx.kubeVersion);
    if (s.enabled) continue;
    const how = s.how === "disabled" ? "it is listed in --disable-admission-plugins" : s.how === "admission-control" ? "--admission-control does not list it" : "--enable-admission-plugins does not list it";
    const fix = o.fix && enablePluginFix(inv, o.plugin, s, o.fix);
    ctx.report({
      messageId: o.messageId,
      data: { container: inv.container.name, plugin: o.plugin, how },
      path: s.from?.path ?? inv.listPath,
      container: inv.container,
      ...(fix ? { fix } : {}),
    });
  }
}

/**
 * kube-apiserver `--authorization-mode` (default AlwaysAllow). Undefined when `--authorization-config` (a file)
 * configures the authorizers instead, or the value cannot be read.
 */
export function authorizationModes(inv: Invocation): { modes: string[]; from?: FlagValue } | undefined {
  if (isSet(inv, "authorization-config")) return undefined;
  const occ = allOf(inv, "authorization-mode");
  if (occ.some((f) => !f.known) || (occ.length === 0 && inv.opaque)) return undefined;
  const items = listItems(inv, "authorization-mode");
  if (occ.length === 0) return { modes: ["AlwaysAllow"] };
  return { modes: items.map((x) => x.item), from: occ[occ.length - 1] };
}

/** A bind address that must be loopback; `defaultValue` applies when the flag is missing. */
export function loopbackFlag<M extends string>(
  ctx: RuleContext<M>,
  o: Common & { flag: string; defaultValue: string; unset: M; value: M; fix?: FixInfo },
): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const f = flag(inv, o.flag);
    const data = { container: inv.container.name, flag: `--${o.flag}` };
    if (!f) {
      if (inv.opaque || isLoopback(o.defaultValue)) continue;
      const fix = o.fix && addFlagFix(inv, o.flag, "127.0.0.1", o.fix);
      ctx.report({ messageId: o.unset, data: { ...data, value: o.defaultValue }, path: inv.listPath, container: inv.container, ...(fix ? { fix } : {}) });
      continue;
    }
    if (!f.known || isLoopback(f.value)) continue;
    const fix = o.fix && replaceFlagFix(f, "127.0.0.1", o.fix);
    ctx.report({ messageId: o.value, data: { ...data, value: f.value === "" ? '""' : f.value }, path: f.path, container: inv.container, ...(fix ? { fix } : {}) });
  }
}

/** Is a secure serving port turned off (`--secure-port=0`)? Then nothing listens and bind addresses do not matter. */
export function servingDisabled(inv: Invocation): boolean {
  const f = flag(inv, "secure-port");
  return f !== undefined && f.known && parseIntValue(f.value) === 0;
}

// ---- TLS cipher suites

/**
 * Cipher suites that are strong: AEAD ciphers (AES-GCM, ChaCha20-Poly1305), the TLS 1.3 suites included. Everything
 * else (CBC modes, 3DES, RC4) is weak. Go's default list, used when none is configured, includes CBC suites.
 */
export function isStrongCipher(name: string): boolean {
  const n = name.trim().toUpperCase();
  return /^TLS_/.test(n) && (/_GCM_SHA(256|384)$/.test(n) || /_CHACHA20_POLY1305(_SHA256)?$/.test(n)) && !/_(RC4|3DES|DES|NULL|EXPORT|ANON)_/.test(n);
}

/** Is TLS 1.3 the minimum version? Then the configured (TLS 1.2) cipher suites are never used. */
export function isTls13Only(minVersion: string | undefined): boolean {
  return minVersion !== undefined && minVersion.trim() === "VersionTLS13";
}

/** `--tls-cipher-suites` of a Kubernetes component must list only strong suites. */
export function cipherSuitesFlag<M extends string>(ctx: RuleContext<M>, o: Common & { unset: M; weak: M }): void {
  for (const inv of invocations(ctx, o.component)) {
    if (o.skip?.(inv, ctx)) continue;
    const min = flag(inv, "tls-min-version");
    if (min && (!min.known || isTls13Only(min.value))) continue;
    const occ = allOf(inv, "tls-cipher-suites");
    if (occ.some((f) => !f.known) || (occ.length === 0 && inv.opaque)) continue;
    const items = listItems(inv, "tls-cipher-suites");
    if (items.length === 0) {
      const empty = occ[occ.length - 1];
      ctx.report({ messageId: o.unset, data: { container: inv.container.name }, path: empty?.path ?? inv.listPath, container: inv.container });
      continue;
    }
    const weak = items.filter((x) => !isStrongCipher(x.item));
    if (weak.length === 0) continue;
    ctx.report({
      messageId: o.weak,
      data: { container: inv.container.name, ciphers: weak.map((x) => x.item).join(", ") },
      path: weak[0]?.from.path ?? inv.listPath,
      container: inv.container,
    });
  }
}
