// Kubelet settings, wherever a manifest shows them: a KubeletConfiguration object (kubelet.config.k8s.io), or the
// flags of a kubelet running in a container. Each source has its own defaults:
// - a configuration file starts from the v1beta1 defaults (anonymous auth off, Webhook authorization, read-only
//   port 0, …); a KubeletConfiguration that comes with a kubeadm configuration (a kubeadm.k8s.io object in the same
//   file) also gets kubeadm's defaults (client CA, certificate rotation);
// - a kubelet started with flags only keeps the "legacy" command-line defaults (cmd/kubelet/app/options
//   applyLegacyDefaults: anonymous auth on, AlwaysAllow, read-only port 10255);
// - a kubelet started with `--config FILE` takes unset flags from a file the manifest does not show: undecided.
import type { RuleContext } from "../../engine/rule-types.js";
import type { KubeVersion } from "../../model/kube-version.js";
import { type YamlPath, getIn } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";
import { type FlagValue, type Invocation, flag, invocations, isSet, parseBool } from "./_flags.js";
import { jsonText } from "../../model/json-text.js";

export interface KubeletSetting {
  /** Path of the field in a KubeletConfiguration. */
  config: YamlPath;
  /** The equivalent command-line flag. */
  flag: string;
  /** Default of the configuration file (v1beta1). */
  configDefault: unknown;
  /** Default of the flag when no configuration file is used. */
  flagDefault: unknown;
  /** kubeadm's default, when it differs from the v1beta1 one. */
  kubeadmDefault?: unknown;
}

export interface KubeletValue {
  /** As written (flags are strings), or the default. */
  value: unknown;
  /** Whether the value is written or a default. */
  explicit: boolean;
  /** Where it is written, or where it would be set. */
  path: YamlPath;
  /** The name a person edits: `authentication.anonymous.enabled` or `--anonymous-auth`. */
  name: string;
  source: "config" | "flag";
  container?: ContainerView;
  invocation?: Invocation;
  /** The flag occurrence, for flag sources. */
  flagValue?: FlagValue;
}

const eventQpsDefault = (v: KubeVersion) => (v.atLeast(27) ? 50 : 5);

export const KUBELET = {
  anonymousAuth: { config: ["authentication", "anonymous", "enabled"], flag: "anonymous-auth", configDefault: false, flagDefault: true },
  authorizationMode: { config: ["authorization", "mode"], flag: "authorization-mode", configDefault: "Webhook", flagDefault: "AlwaysAllow" },
  clientCAFile: {
    config: ["authentication", "x509", "clientCAFile"], flag: "client-ca-file", configDefault: "", flagDefault: "",
    kubeadmDefault: "/etc/kubernetes/pki/ca.crt",
  },
  readOnlyPort: { config: ["readOnlyPort"], flag: "read-only-port", configDefault: 0, flagDefault: 10255 },
  streamingConnectionIdleTimeout: { config: ["streamingConnectionIdleTimeout"], flag: "streaming-connection-idle-timeout", configDefault: "4h0m0s", flagDefault: "4h0m0s" },
  protectKernelDefaults: { config: ["protectKernelDefaults"], flag: "protect-kernel-defaults", configDefault: false, flagDefault: false },
  makeIPTablesUtilChains: { config: ["makeIPTablesUtilChains"], flag: "make-iptables-util-chains", configDefault: true, flagDefault: true },
  eventRecordQPS: { config: ["eventRecordQPS"], flag: "event-qps", configDefault: eventQpsDefault, flagDefault: eventQpsDefault },
  tlsCertFile: { config: ["tlsCertFile"], flag: "tls-cert-file", configDefault: "", flagDefault: "" },
  tlsPrivateKeyFile: { config: ["tlsPrivateKeyFile"], flag: "tls-private-key-file", configDefault: "", flagDefault: "" },
  serverTLSBootstrap: { config: ["serverTLSBootstrap"], flag: "rotate-server-certificates", configDefault: false, flagDefault: false },
  rotateCertificates: { config: ["rotateCertificates"], flag: "rotate-certificates", configDefault: false, flagDefault: false, kubeadmDefault: true },
  tlsCipherSuites: { config: ["tlsCipherSuites"], flag: "tls-cipher-suites", configDefault: undefined, flagDefault: undefined },
  tlsMinVersion: { config: ["tlsMinVersion"], flag: "tls-min-version", configDefault: undefined, flagDefault: undefined },
  podPidsLimit: { config: ["podPidsLimit"], flag: "pod-max-pids", configDefault: -1, flagDefault: -1 },
} satisfies Record<string, KubeletSetting>;

function resolve(d: unknown, v: KubeVersion): unknown {
  return typeof d === "function" ? (d as (v: KubeVersion) => unknown)(v) : d;
}

/** Is the object a kubelet configuration file? */
export function isKubeletConfiguration(ctx: RuleContext<string>): boolean {
  return ctx.resource.kind === "KubeletConfiguration" && ctx.resource.apiVersion.startsWith("kubelet.config.k8s.io/");
}

/** Does the object come with a kubeadm configuration (kubeadm applies its own kubelet defaults)? */
export function inKubeadmFile(ctx: RuleContext<string>): boolean {
  const files = ctx.inventory.memo("control-plane/kubeadm-files", (inv) => new Set(inv.resources.filter((r) => r.apiVersion.startsWith("kubeadm.k8s.io/")).map((r) => r.source.file)));
  return files.has(ctx.resource.source.file);
}

/** The kubelets of the object: the KubeletConfiguration itself, or the containers that run a kubelet. */
export interface KubeletSource {
  source: "config" | "flag";
  container?: ContainerView;
  invocation?: Invocation;
  /** The setting's value; undefined when the manifest cannot show it (a `--config` file decides). */
  get(setting: KubeletSetting): KubeletValue | undefined;
}

export function kubeletSources(ctx: RuleContext<string>): KubeletSource[] {
  if (isKubeletConfiguration(ctx)) {
    const kubeadm = inKubeadmFile(ctx);
    const obj = ctx.resource.object;
    return [{
      source: "config",
      get(s) {
        const v = getIn(obj, s.config);
        const name = s.config.join(".");
        if (v !== undefined && v !== null) return { value: v, explicit: true, path: s.config, name, source: "config" };
        const d = kubeadm && s.kubeadmDefault !== undefined ? s.kubeadmDefault : resolve(s.configDefault, ctx.kubeVersion);
        return { value: d, explicit: false, path: s.config, name, source: "config" };
      },
    }];
  }
  if (ctx.resource.kind !== "Pod") return [];
  return invocations(ctx, "kubelet").map((inv) => ({
    source: "flag" as const,
    container: inv.container,
    invocation: inv,
    get(s: KubeletSetting): KubeletValue | undefined {
      const f = flag(inv, s.flag);
      const name = `--${s.flag}`;
      const base = { name, source: "flag" as const, container: inv.container, invocation: inv };
      if (f) return f.known ? { ...base, value: f.form === "bare" ? "true" : f.value, explicit: true, path: f.path, flagValue: f } : undefined;
      if (inv.opaque || isSet(inv, "config")) return undefined;
      return { ...base, value: resolve(s.flagDefault, ctx.kubeVersion), explicit: false, path: inv.listPath };
    },
  }));
}

/** A boolean setting: a real boolean, or a string Go would parse; undefined when it is neither. */
export function boolOf(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return parseBool(v);
  return undefined;
}

/** A number setting, from a number or a numeric string. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** The display form of a value in messages. */
export function show(v: unknown): string {
  if (typeof v === "string") return v === "" ? '""' : v;
  return jsonText(v) ?? String(v);
}

/** Report data shared by the kubelet rules. */
export function kubeletData(v: KubeletValue): { setting: string; value: string; where: string } {
  return { setting: v.name, value: show(v.value), where: v.container ? `container '${v.container.name}'` : "KubeletConfiguration" };
}

/**
 * Runs `judge` on one setting of every kubelet of the object and reports what it returns: a messageId, or
 * undefined when the value is fine. Report data: setting, value, where, plus `extra`.
 */
export function kubeletCheck<M extends string>(
  ctx: RuleContext<M>,
  setting: KubeletSetting,
  judge: (v: KubeletValue) => M | undefined,
  extra: (v: KubeletValue) => Record<string, string | number> = () => ({}),
): void {
  for (const src of kubeletSources(ctx)) {
    const v = src.get(setting);
    if (!v) continue;
    const messageId = judge(v);
    if (messageId === undefined) continue;
    ctx.report({ messageId, data: { ...kubeletData(v), ...extra(v) }, path: v.path, ...(v.container ? { container: v.container } : {}) });
  }
}

/** Kubelet example documents: a KubeletConfiguration with `fields`. */
export { kubeletConfigYaml } from "./_pods.js";
