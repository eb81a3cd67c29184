import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { type Config, type ProfileName, emptyConfig, findConfig, loadConfig } from "../engine/config.js";
import { UsageError } from "../engine/errors.js";
import { PROFILE_NAMES } from "../engine/profiles.js";
import { selectRules } from "../engine/select.js";
import { policyRulesStrict } from "../policy/index.js";
import { Suppressor } from "../engine/suppress.js";
import { KubeVersion } from "../model/kube-version.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import { Admission, DEFAULT_DENY, DEFAULT_WARN } from "../webhook/admission.js";
import { startWebhook } from "../webhook/server.js";
import { type OptionSpec, parseArgs, splitList } from "./args.js";
import type { Io } from "./output.js";

export const WEBHOOK_OPTIONS: Record<string, OptionSpec> = {
  port: { type: "string", short: "p" },
  host: { type: "string" },
  "tls-cert": { type: "string" },
  "tls-key": { type: "string" },
  config: { type: "string", short: "c" },
  "no-config": { type: "boolean" },
  profile: { type: "string" },
  deny: { type: "list" },
  warn: { type: "list" },
  audit: { type: "boolean" },
  "exempt-namespace": { type: "list" },
  "kube-version": { type: "string" },
  "max-body-bytes": { type: "string" },
  policy: { type: "list" },
  help: { type: "boolean", short: "h" },
};

export const WEBHOOK_HELP = `Usage: shipshape webhook --tls-cert FILE --tls-key FILE [options]

Runs a validating admission webhook (admission.k8s.io/v1 AdmissionReview) over HTTPS with the same rules
as \`shipshape scan\`: POST /validate; GET /healthz, /readyz, /metrics (Prometheus). Logs are JSON lines
on stderr. The certificate files are reloaded when they change (Secret volume updates included).
Rules that need other objects of the cluster (NetworkPolicies, ServiceAccounts, …) are not run here.

Options:
  -p, --port PORT            port to listen on (default: 8443)
      --host ADDRESS         address to listen on (default: 0.0.0.0)
      --tls-cert FILE        PEM certificate (chain) the server presents
      --tls-key FILE         PEM private key
  -c, --config FILE          .shipshape.yaml (profile, rules, exemptions, policies); default: found from here upward
      --policy PATH          custom CEL rules (kind CustomRule) to enforce as well (repeatable); with the
                             configuration's \`policies\`, they must all compile or the webhook does not start
      --no-config            ignore .shipshape.yaml files
      --profile NAME         ${PROFILE_NAMES.join(", ")} (default: the config's, else recommended)
      --deny SEVERITIES      severities that deny (default: ${DEFAULT_DENY.join(",")})
      --warn SEVERITIES      severities that only warn (default: ${DEFAULT_WARN.join(",")})
      --audit                never deny: report what would be denied as warnings
      --exempt-namespace NS  let requests in NS through unjudged (repeatable; default: the webhook's own
                             namespace from POD_NAMESPACE, and kube-system)
      --kube-version X.Y     the cluster's Kubernetes version (default: ${KubeVersion.DEFAULT.toString()})

Exemption annotations (ignore.shipshape.io/RULE) on the objects are honoured only when the config says
\`annotations: {allowed: true}\` explicitly, and never for rules the config marks \`waivable: false\`.
See docs/webhook.md.
`;

function severities(values: string[] | undefined, option: string, fallback: readonly Severity[]): Severity[] {
  const list = splitList(values);
  if (!list) return [...fallback];
  if (list.length === 1 && list[0] === "none") return [];
  for (const s of list) if (!SEVERITIES.includes(s as Severity)) throw new UsageError(`--${option}: "${s}" is not one of ${SEVERITIES.join(", ")}, none`);
  return list as Severity[];
}

/** The config file's `annotations.allowed`, only when written as `true`: the webhook's default is false. */
function annotationsExplicitlyAllowed(file: string | undefined): boolean {
  if (!file) return false;
  try {
    const value = parse(readFileSync(file, "utf8")) as { annotations?: { allowed?: unknown } } | null;
    return value?.annotations?.allowed === true;
  } catch {
    return false;
  }
}

export async function runWebhook(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, WEBHOOK_OPTIONS);
  const v = args.values;
  if (v.help) {
    io.stdout(WEBHOOK_HELP);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`webhook takes no paths (got ${args.positionals[0]})`);
  const cert = v["tls-cert"] as string | undefined;
  const key = v["tls-key"] as string | undefined;
  if (!cert || !key) throw new UsageError("webhook needs --tls-cert FILE and --tls-key FILE (the API server only calls webhooks over HTTPS)");
  const port = Number(v.port ?? 8443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${String(v.port)}"`);
  const profile = v.profile as string | undefined;
  if (profile !== undefined && !PROFILE_NAMES.includes(profile as ProfileName)) {
    throw new UsageError(`unknown profile "${profile}" (one of ${PROFILE_NAMES.join(", ")})`);
  }
  let configPath: string | undefined;
  let config: Config = emptyConfig();
  if (!v["no-config"]) {
    configPath = typeof v.config === "string" ? path.resolve(io.cwd, v.config) : findConfig(io.cwd);
    if (configPath) config = loadConfig(configPath, typeof v.config === "string" ? v.config : configPath);
  }
  let kubeVersion: KubeVersion;
  try {
    kubeVersion = KubeVersion.parse((v["kube-version"] as string | undefined) ?? config.kubeVersion ?? KubeVersion.DEFAULT.toString());
  } catch (err) {
    throw new UsageError(`--kube-version: ${(err as Error).message}`);
  }
  const maxBodyBytes = v["max-body-bytes"] === undefined ? undefined : Number(v["max-body-bytes"]);
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) throw new UsageError("--max-body-bytes must be a positive whole number");
  const exempt = splitList(v["exempt-namespace"] as string[] | undefined) ?? config.webhook?.exemptNamespaces ?? ["kube-system", ...(io.env.POD_NAMESPACE ? [io.env.POD_NAMESPACE] : [])];

  // Rules, severities and exemptions are chosen once; every request reuses them.
  const custom = policyRulesStrict([...config.policies, ...((v.policy as string[] | undefined) ?? [])], [], io.cwd);
  const rules = selectRules({ profile: (profile as ProfileName | undefined) ?? config.profile ?? "recommended" }, config, custom);
  const suppressor = new Suppressor({ exemptions: config.exemptions, annotationsAllowed: annotationsExplicitlyAllowed(configPath) }, config.defaultNamespace ?? "default");
  const admission = new Admission({
    rules,
    suppressor,
    kubeVersion,
    deny: severities(v.deny as string[] | undefined, "deny", config.webhook?.deny ?? DEFAULT_DENY),
    warn: severities(v.warn as string[] | undefined, "warn", config.webhook?.warn ?? DEFAULT_WARN),
    audit: v.audit === true || config.webhook?.audit === true,
    exemptNamespaces: exempt,
  });
  const log = (entry: Record<string, unknown>) => io.stderr(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  let webhook;
  try {
    webhook = await startWebhook({ admission, certFile: path.resolve(io.cwd, cert), keyFile: path.resolve(io.cwd, key), port, host: v.host as string | undefined, maxBodyBytes, log });
  } catch (err) {
    throw new UsageError(`cannot start the webhook: ${(err as Error).message}`);
  }
  const w = webhook;
  return await new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log({ level: "info", msg: "shutting down", signal });
      process.off("SIGTERM", onTerm);
      process.off("SIGINT", onInt);
      void w.close().then(() => resolve(0));
    };
    const onTerm = () => stop("SIGTERM");
    const onInt = () => stop("SIGINT");
    process.on("SIGTERM", onTerm);
    process.on("SIGINT", onInt);
  });
}
