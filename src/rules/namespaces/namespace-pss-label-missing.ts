import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { ENFORCE_LABEL, compareLevels, isPsaLevel } from "./_psa-labels.js";

// A Namespace object whose `pod-security.kubernetes.io/enforce` label is missing, or enforces a level below
// `minimumLevel` (baseline by default: privileged is reported; with restricted, baseline is reported too).
// - A missing label means the cluster-wide default of the PodSecurity admission configuration applies, which is
//   privileged unless the cluster's administrators changed it; the manifest cannot show it, so the namespace should say.
// - A value that is not a level ("Baseline", "strict") is reported on its own: the API server refuses to create or
//   update a Namespace with an invalid Pod Security label.
// - Only the enforce label counts; warn and audit labels only report, they never keep a pod out.
export default defineRule({
  id: "namespace-pss-label-missing",
  title: "Namespace does not enforce a Pod Security Standard",
  rationale:
    "Pod Security Admission, built into the API server, checks every pod against a Pod Security Standard level chosen per " +
    "namespace with the label `pod-security.kubernetes.io/enforce`. Without the label (or with `privileged`) it lets any " +
    "pod in: privileged containers, host namespaces, host directories. One label turns the worst misconfigurations into " +
    "errors at deploy time.",
  attack:
    "Anyone who may create pods in the namespace (a CI pipeline, a compromised ServiceAccount, a careless chart) starts a " +
    "privileged pod that mounts the node's filesystem and takes over the node; nothing in the API server stops it.",
  remediation:
    "Label the namespace with `pod-security.kubernetes.io/enforce: baseline`, or `restricted` for application " +
    "namespaces, and pin `pod-security.kubernetes.io/enforce-version` if upgrades must not tighten it. Try the level " +
    "first with the `warn` label or `kubectl label --dry-run=server`, which lists the existing pods that would violate it.",
  example: {
    insecure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
    secure: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
  },
  messages: {
    missing: "Namespace '{{namespace}}' has no pod-security.kubernetes.io/enforce label, so the cluster's default (privileged unless configured) admits any pod",
    privileged: "Namespace '{{namespace}}' enforces the privileged Pod Security level, which admits any pod",
    belowMinimum: "Namespace '{{namespace}}' enforces the {{level}} Pod Security level, below the required {{minimum}}",
    invalid: "Namespace '{{namespace}}' sets pod-security.kubernetes.io/enforce to {{value}}, which is not a level (privileged, baseline, restricted); the API server refuses it",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.kind !== "Namespace") return;
    const raw = ctx.params.raw("minimumLevel");
    if (!isPsaLevel(raw)) throw new Error(`parameter namespace-pss-label-missing.minimumLevel must be privileged, baseline or restricted, not ${JSON.stringify(raw)}`);
    const minimum = raw;
    const path = ["metadata", "labels", ENFORCE_LABEL];
    const target = minimum === "privileged" ? "baseline" : minimum;
    const fix = fixes.set(path, target, {
      description: `Enforce the ${target} Pod Security level`,
      safety: "unsafe",
      note:
        "New pods that break the level are refused (running ones stay, but are not recreated after a restart or rollout). " +
        "Run `kubectl label --dry-run=server ns/NAME " + `${ENFORCE_LABEL}=${target}` + "` first to list the pods that would break it.",
    });
    const value = r.labels()[ENFORCE_LABEL];
    if (value === undefined) {
      ctx.report({ messageId: "missing", data: { namespace: r.name }, path, fix });
      return;
    }
    if (!isPsaLevel(value)) {
      ctx.report({ messageId: "invalid", data: { namespace: r.name, value: JSON.stringify(value) }, path, fix });
      return;
    }
    if (compareLevels(value, minimum) >= 0) return;
    ctx.report({
      messageId: value === "privileged" ? "privileged" : "belowMinimum",
      data: { namespace: r.name, level: value, minimum },
      path,
      fix,
    });
  },
});
