import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { KubeVersion } from "../../model/kube-version.js";

/** One API version of one kind that Kubernetes deprecated, and (for most) stopped serving. */
interface Deprecation {
  /** Minor version (of Kubernetes 1.x) from which the API server warns about it. */
  deprecated: number;
  /** Minor version from which the API server no longer serves it; absent while it is still served. */
  removed?: number;
  /** The apiVersion to use instead (same kind unless `kind` says otherwise); absent when there is none. */
  use?: string;
  kind?: string;
  /** What changes besides the apiVersion line, when it is more than that. */
  note?: string;
}

// From the Kubernetes "Deprecated API Migration Guide" (kubernetes.io/docs/reference/using-api/deprecation-guide)
// and the `k8s:prerelease-lifecycle-gen` deprecated/removed tags of k8s.io/api. Keyed by "apiVersion kind".
const SELECTOR_NOTE = "spec.selector becomes required; copy the template labels into spec.selector.matchLabels";
const TABLE: Record<string, Deprecation> = {};
function add(apiVersions: string[], kinds: string[], d: Deprecation): void {
  for (const v of apiVersions) for (const k of kinds) TABLE[`${v} ${k}`] = d;
}
// Removed in 1.16
add(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"], ["Deployment", "ReplicaSet"], { deprecated: 9, removed: 16, use: "apps/v1", note: SELECTOR_NOTE });
add(["extensions/v1beta1", "apps/v1beta2"], ["DaemonSet"], { deprecated: 9, removed: 16, use: "apps/v1", note: SELECTOR_NOTE });
add(["apps/v1beta1", "apps/v1beta2"], ["StatefulSet"], { deprecated: 9, removed: 16, use: "apps/v1", note: SELECTOR_NOTE });
add(["apps/v1beta1", "apps/v1beta2"], ["ControllerRevision"], { deprecated: 9, removed: 16, use: "apps/v1" });
add(["extensions/v1beta1"], ["NetworkPolicy"], { deprecated: 9, removed: 16, use: "networking.k8s.io/v1" });
add(["extensions/v1beta1"], ["PodSecurityPolicy"], { deprecated: 11, removed: 16, note: "PodSecurityPolicy is gone altogether since 1.25: use Pod Security Admission (namespace labels) or a policy engine" });
// Removed in 1.22
add(["extensions/v1beta1"], ["Ingress"], { deprecated: 14, removed: 22, use: "networking.k8s.io/v1", note: "backends become service.name/service.port and every path needs a pathType" });
add(["networking.k8s.io/v1beta1"], ["Ingress"], { deprecated: 19, removed: 22, use: "networking.k8s.io/v1", note: "backends become service.name/service.port and every path needs a pathType" });
add(["networking.k8s.io/v1beta1"], ["IngressClass"], { deprecated: 19, removed: 22, use: "networking.k8s.io/v1" });
add(["admissionregistration.k8s.io/v1beta1"], ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], { deprecated: 16, removed: 22, use: "admissionregistration.k8s.io/v1", note: "sideEffects and admissionReviewVersions become required" });
add(["apiextensions.k8s.io/v1beta1"], ["CustomResourceDefinition"], { deprecated: 16, removed: 22, use: "apiextensions.k8s.io/v1", note: "the schema moves to spec.versions[*].schema and must be structural" });
add(["apiregistration.k8s.io/v1beta1"], ["APIService"], { deprecated: 19, removed: 22, use: "apiregistration.k8s.io/v1" });
add(["authentication.k8s.io/v1beta1"], ["TokenReview"], { deprecated: 19, removed: 22, use: "authentication.k8s.io/v1" });
add(["authorization.k8s.io/v1beta1"], ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview", "SelfSubjectRulesReview"], { deprecated: 19, removed: 22, use: "authorization.k8s.io/v1" });
add(["certificates.k8s.io/v1beta1"], ["CertificateSigningRequest"], { deprecated: 19, removed: 22, use: "certificates.k8s.io/v1", note: "spec.signerName and spec.usages become required" });
add(["coordination.k8s.io/v1beta1"], ["Lease"], { deprecated: 19, removed: 22, use: "coordination.k8s.io/v1" });
add(["rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1"], ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"], { deprecated: 17, removed: 22, use: "rbac.authorization.k8s.io/v1" });
add(["scheduling.k8s.io/v1beta1"], ["PriorityClass"], { deprecated: 14, removed: 22, use: "scheduling.k8s.io/v1" });
add(["storage.k8s.io/v1beta1"], ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"], { deprecated: 19, removed: 22, use: "storage.k8s.io/v1" });
// Removed in 1.25
add(["batch/v1beta1"], ["CronJob"], { deprecated: 21, removed: 25, use: "batch/v1" });
add(["discovery.k8s.io/v1beta1"], ["EndpointSlice"], { deprecated: 21, removed: 25, use: "discovery.k8s.io/v1", note: "topology becomes per-endpoint nodeName and zone" });
add(["events.k8s.io/v1beta1"], ["Event"], { deprecated: 22, removed: 25, use: "events.k8s.io/v1" });
add(["autoscaling/v2beta1"], ["HorizontalPodAutoscaler"], { deprecated: 22, removed: 25, use: "autoscaling/v2", note: "targetAverageUtilization becomes target.averageUtilization with target.type: Utilization" });
add(["policy/v1beta1"], ["PodDisruptionBudget"], { deprecated: 21, removed: 25, use: "policy/v1", note: "an empty spec.selector selects every pod of the namespace in policy/v1" });
add(["policy/v1beta1"], ["PodSecurityPolicy"], { deprecated: 21, removed: 25, note: "use Pod Security Admission (namespace labels) or a policy engine instead" });
add(["node.k8s.io/v1beta1"], ["RuntimeClass"], { deprecated: 22, removed: 25, use: "node.k8s.io/v1" });
// Removed in 1.26, 1.27, 1.29, 1.32
add(["flowcontrol.apiserver.k8s.io/v1beta1"], ["FlowSchema", "PriorityLevelConfiguration"], { deprecated: 23, removed: 26, use: "flowcontrol.apiserver.k8s.io/v1" });
add(["autoscaling/v2beta2"], ["HorizontalPodAutoscaler"], { deprecated: 23, removed: 26, use: "autoscaling/v2" });
add(["storage.k8s.io/v1beta1"], ["CSIStorageCapacity"], { deprecated: 24, removed: 27, use: "storage.k8s.io/v1" });
add(["flowcontrol.apiserver.k8s.io/v1beta2"], ["FlowSchema", "PriorityLevelConfiguration"], { deprecated: 26, removed: 29, use: "flowcontrol.apiserver.k8s.io/v1", note: "spec.limited.assuredConcurrencyShares is renamed nominalConcurrencyShares" });
add(["flowcontrol.apiserver.k8s.io/v1beta3"], ["FlowSchema", "PriorityLevelConfiguration"], { deprecated: 29, removed: 32, use: "flowcontrol.apiserver.k8s.io/v1" });
// Deprecated, still served
add(["v1"], ["ComponentStatus"], { deprecated: 19 });
add(["v1"], ["Endpoints"], { deprecated: 33, use: "discovery.k8s.io/v1", kind: "EndpointSlice", note: "EndpointSlices have a different layout: rewrite the object rather than its apiVersion" });

/** The deprecation entry of an apiVersion/kind pair, if any (exported for tests and other rules). */
export function deprecationOf(apiVersion: string, kind: string): Deprecation | undefined {
  return TABLE[`${apiVersion} ${kind}`];
}

export default defineRule({
  id: "deprecated-api-version",
  title: "Deprecated or removed API version",
  rationale:
    "Kubernetes retires old API versions: first the API server warns (deprecated), a few releases later it stops serving them (removed). " +
    "A manifest that still uses a removed version fails to apply on an upgraded cluster, and teams then postpone the upgrade — " +
    "and with it the security fixes that come with newer Kubernetes releases.",
  attack:
    "Nothing is exploited directly; the risk is a cluster kept on an old, unpatched Kubernetes version because its manifests no longer apply " +
    "on a newer one, or a security control (a NetworkPolicy, a PodDisruptionBudget, a webhook) that silently fails to deploy.",
  remediation:
    "Move the object to the replacement apiVersion named in the finding and adapt the fields that changed (`kubectl convert` can help). " +
    "Set `--kube-version` to the version your clusters run, or will run after the next upgrade, to see what breaks there.",
  example: {
    insecure: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: registry.example/backup:1.0
`,
    secure: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: registry.example/backup:1.0
`,
  },
  messages: {
    removed: "{{apiVersion}} {{kind}} is no longer served since Kubernetes 1.{{removed}} (target {{target}}); {{advice}}",
    deprecated: "{{apiVersion}} {{kind}} is deprecated since Kubernetes 1.{{deprecated}}{{until}}; {{advice}}",
  },
  check(ctx) {
    const r = ctx.resource;
    const d = deprecationOf(r.apiVersion, r.kind);
    if (!d) return;
    const target = targetVersion(ctx.params.raw("targetKubernetesVersion"), ctx.kubeVersion);
    const removed = d.removed !== undefined && target.atLeast(d.removed);
    if (!removed && !target.atLeast(d.deprecated)) return;
    const replacement = d.use ? `${d.use}${d.kind ? ` ${d.kind}` : ""}` : undefined;
    const advice =
      (replacement ? `use ${replacement} instead` : "it has no replacement API") + (d.note ? ` (${d.note})` : "");
    const data: Record<string, string | number> = {
      apiVersion: r.apiVersion,
      kind: r.kind,
      target: target.toString(),
      deprecated: d.deprecated,
      advice,
      until: d.removed !== undefined ? ` and will not be served from 1.${d.removed}` : "",
    };
    if (d.removed !== undefined) data.removed = d.removed;
    const path = ["apiVersion"];
    const fix =
      d.use && !d.kind
        ? fixes.set(path, d.use, {
            description: `Change apiVersion to ${d.use}`,
            safety: "unsafe",
            note: d.note
              ? `Changing the apiVersion is not enough on its own: ${d.note}. Check the object against the new version's schema.`
              : "The fields of the new version are the same for this kind, but check the object against the new version's schema before applying.",
          })
        : undefined;
    ctx.report({ messageId: removed ? "removed" : "deprecated", data, path, ...(fix ? { fix } : {}) });
  },
});

/** The `targetKubernetesVersion` parameter when it names a version, otherwise the scan's `--kube-version`. */
function targetVersion(param: unknown, scan: KubeVersion): KubeVersion {
  if (typeof param === "string" && param.trim() !== "" && param.trim().toLowerCase() !== "latest") {
    try {
      return KubeVersion.parse(param);
    } catch {
      return scan;
    }
  }
  if (typeof param === "number" && Number.isFinite(param)) {
    try {
      return KubeVersion.parse(String(param));
    } catch {
      return scan;
    }
  }
  return scan;
}
