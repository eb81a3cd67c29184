// Property-based tests ("fast and unbreakable"): random Kubernetes-shaped objects, random YAML text and random
// Dockerfiles never make the loaders, the engine, a rule or a report renderer throw, never produce an
// `internal-error` finding, and the JSON report always matches schemas/report.schema.json.
//
// The arbitraries build objects of every kind the rules look at (workloads, Services, RBAC, NetworkPolicies,
// Ingresses, ConfigMaps, Secrets, control-plane static Pods, kubelet configuration, …) where every field may be
// absent, well-formed, or replaced by garbage of the wrong type (null, numbers, strings where maps are expected,
// nested junk, huge and unicode strings). Run counts are bounded so the file stays well under 30 s.
//
// When a property finds a bug, fix it and keep its shrunk counterexample below as a regression case.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { emptyConfig } from "../src/engine/config.js";
import { Inventory } from "../src/engine/inventory.js";
import { runRules, type ActiveRule } from "../src/engine/run.js";
import { scan } from "../src/engine/scan.js";
import { selectRules } from "../src/engine/select.js";
import { Suppressor } from "../src/engine/suppress.js";
import { loadDockerfileText } from "../src/loaders/dockerfile.js";
import { loadManifestText } from "../src/loaders/manifest.js";
import { loadShellParser } from "../src/loaders/shell.js";
import type { Finding } from "../src/model/finding.js";
import { KubeVersion } from "../src/model/kube-version.js";
import type { Resource } from "../src/model/resource.js";
import type { JsonObject } from "../src/model/types.js";
import { FORMATS } from "../src/report/index.js";
import { renderJson } from "../src/report/json.js";
import { Admission, DEFAULT_DENY, DEFAULT_WARN } from "../src/webhook/admission.js";

const reportSchema = JSON.parse(readFileSync(new URL("../schemas/report.schema.json", import.meta.url), "utf8")) as object;
const validateReport = new Ajv({ allErrors: true, strict: false }).compile(reportSchema);
const shell = await loadShellParser();

const BIGINT = "Do not know how to serialize a BigInt";

/**
 * Bugs the properties found and that are fixed: integers beyond ±2^53 load as BigInt (k8s-yaml-schema.ts, as Go's
 * ParseInt reads them) and these rules showed the value with JSON.stringify, which throws on a BigInt (now
 * model/json-text.ts). Kept as regression cases.
 */
const FIXED: { rule: string; error: string; bug: string; counterexample: string }[] = [
  { rule: "required-labels-annotations", error: BIGINT, bug: "show() JSON.stringify of a label value", counterexample: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    a: [9007199254740993]\n" },
  { rule: "seccomp-unconfined", error: BIGINT, bug: "JSON.stringify(type) of seccompProfile.type", counterexample: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {seccompProfile: {type: 9007199254740993}}\n  containers: [{name: c, image: nginx}]\n" },
  { rule: "apparmor-unconfined", error: BIGINT, bug: "JSON.stringify(type) of appArmorProfile.type", counterexample: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {appArmorProfile: {type: 9007199254740993}}\n  containers: [{name: c, image: nginx}]\n" },
  { rule: "proc-mount-unmasked", error: BIGINT, bug: "JSON.stringify(s.value) of securityContext.procMount", counterexample: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx, securityContext: {procMount: 9007199254740993}}]\n" },
  { rule: "service-external-ips", error: BIGINT, bug: "JSON.stringify(x) of a non-string externalIPs entry", counterexample: "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalIPs: [[9007199254740993]]\n" },
  { rule: "probes-identical", error: BIGINT, bug: "stable() JSON.stringify of probe fields", counterexample: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      livenessProbe: {exec: {command: [9007199254740993]}}\n      readinessProbe: {exec: {command: [9007199254740993]}}\n" },
  { rule: "kubelet-protect-kernel-defaults", error: BIGINT, bug: "_kubelet.ts show() JSON.stringify of the setting", counterexample: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nprotectKernelDefaults: 9007199254740993\n" },
  { rule: "kubelet-tls-cipher-suites", error: BIGINT, bug: "_kubelet.ts show() JSON.stringify of the setting", counterexample: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites: 9007199254740993\n" },
  { rule: "kubelet-client-ca-file", error: BIGINT, bug: "_kubelet.ts show() JSON.stringify of the setting", counterexample: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication: {x509: {clientCAFile: 9007199254740993}}\n" },
];


const ALL_RULES: ActiveRule[] = selectRules({ profile: "all" }, emptyConfig());
const K8S_RULES = ALL_RULES.filter((r) => r.rule.target === "kubernetes");
const DOCKER_RULES = ALL_RULES.filter((r) => r.rule.target === "dockerfile");
const RUNS = Number(process.env.PROPERTY_RUNS ?? 0) || undefined;
const runs = (n: number) => ({ numRuns: RUNS ?? n });

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

const HUGE = "x".repeat(20_000);
const INTERESTING_STRINGS = [
  "", " ", "0", "-1", "1", "true", "false", "null", "~", "*", "ALL", "all", "NET_RAW", "SYS_ADMIN", "CAP_SYS_ADMIN", "NET_ADMIN",
  "/", "/etc", "/var/run/docker.sock", "/proc", "/host", "..", "../..", "0.0.0.0", "0.0.0.0/0", "::/0", "10.0.0.0/8", "not-a-cidr/99",
  "latest", "nginx", "nginx:latest", "nginx:1.27", `nginx@sha256:${"a".repeat(64)}`, "registry.example.com:5000/a/b:c@sha256:zz", ":", "@", "a:b:c",
  "100m", "1Gi", "1e3", "1e999", "0x10", "1.5", "-5Mi", "Infinity", "NaN", "1Ei", "0.000001m",
  "Unconfined", "RuntimeDefault", "Localhost", "unconfined", "runtime/default", "docker/default",
  "ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "TCP", "UDP", "SCTP",
  "secrets", "pods", "pods/exec", "nodes/proxy", "serviceaccounts/token", "*/*", "create", "get", "list", "escalate", "bind", "impersonate",
  "cluster-admin", "admin", "system:anonymous", "system:unauthenticated", "system:authenticated", "system:masters", "default", "kube-system",
  "$(VAR)", "${VAR}", "{{ .Values.x }}", "{{", "}}", "%s%s%n", "\\", "\"", "'", "\n", "\t", "\r\n", "\u202e", "日本語", "🔥💥", "\ud800",
  "kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy",
  "Always", "IfNotPresent", "Never", "OnFailure", "RollingUpdate", "Recreate", "Forbid", "Allow", "Replace", "AlwaysAllow",
  "Ingress", "Egress", "Exists", "In", "NotIn", "DoesNotExist", "Equal", "NoSchedule", "privileged", "baseline", "restricted",
  "password", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----", "ghp_" + "a".repeat(36),
  "AKIA" + "A".repeat(16), "https://user:pass@example.com/", "http://169.254.169.254/latest/meta-data", "*.example.com", "example.com",
  HUGE,
];

const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INTERESTING_STRINGS), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 8 }), weight: 1 },
);

// Integers beyond 2^53 load as BigInt (src/loaders/k8s-yaml-schema.ts reads them as Go's ParseInt does).
const anyNumber: fc.Arbitrary<number | bigint> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 65535, 65536, 70000, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n, 10n ** 30n),
);

/** Anything JSON-ish, of any type: what a rule must survive where it expects something else. */
const garbage: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    anyNumber,
    anyString,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(anyString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A field: usually of the right shape, sometimes garbage. Whether it is present at all is decided by `rec`. */
function field<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: garbage, weight: 1 });
}

type Shape = Record<string, fc.Arbitrary<unknown>>;

/** An object whose keys are each present or absent, and each value possibly garbage. */
function rec(shape: Shape): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, field(v)]));
  return field(fc.record(fields, { requiredKeys: [] }));
}

function list(item: fc.Arbitrary<unknown>, maxLength = 3): fc.Arbitrary<unknown> {
  return field(fc.array(item, { maxLength }));
}

const str = anyString;
const bool = fc.oneof(fc.boolean(), fc.constantFrom("true", "false", "yes", "1"));
const num = fc.oneof(fc.integer({ min: -5, max: 70000 }), anyNumber, fc.constantFrom("80", "http", "25%", "1", "0"));
const strMap = field(fc.dictionary(fc.oneof(anyString, fc.constantFrom(
  "app", "app.kubernetes.io/name", "pod-security.kubernetes.io/enforce", "container.apparmor.security.beta.kubernetes.io/web",
  "seccomp.security.alpha.kubernetes.io/pod", "ignore.shipshape.io/privileged-container", "kubernetes.io/ingress.class",
  "nginx.ingress.kubernetes.io/server-snippet", "kubectl.kubernetes.io/last-applied-configuration", "helm.sh/hook",
)), anyString, { maxKeys: 4 }));
const quantityMap = field(fc.dictionary(fc.constantFrom("cpu", "memory", "ephemeral-storage", "nvidia.com/gpu", "x"), fc.oneof(anyString, anyNumber), { maxKeys: 3 }));

const FLAGS = [
  "--anonymous-auth", "--authorization-mode", "--enable-admission-plugins", "--disable-admission-plugins", "--profiling", "--insecure-port",
  "--secure-port", "--bind-address", "--audit-log-path", "--audit-log-maxage", "--audit-log-maxbackup", "--audit-log-maxsize",
  "--tls-cipher-suites", "--token-auth-file", "--basic-auth-file", "--kubelet-https", "--client-ca-file", "--etcd-cafile", "--encryption-provider-config",
  "--request-timeout", "--service-account-lookup", "--service-account-key-file", "--use-service-account-credentials", "--root-ca-file",
  "--terminated-pod-gc-threshold", "--feature-gates", "--auto-tls", "--peer-auto-tls", "--client-cert-auth", "--read-only-port",
  "--streaming-connection-idle-timeout", "--protect-kernel-defaults", "--make-iptables-util-chains", "--hostname-override", "--event-qps",
  "--rotate-certificates", "--metrics-bind-address", "--config", "--kubeconfig", "--cert-file", "--trusted-ca-file", "--peer-cert-file",
];
const flag = fc.oneof(
  fc.tuple(fc.constantFrom(...FLAGS), fc.constantFrom("", "=true", "=false", "=0", "=AlwaysAllow", "=Node,RBAC", "=127.0.0.1", "=/etc/x", "=", "=,,", "=1m", "=abc")).map(([f, v]) => f + v),
  fc.constantFrom(...FLAGS),
  anyString,
);
const command = list(fc.oneof(fc.constantFrom("kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy", "sh", "-c"), flag), 6);

const selector = rec({
  matchLabels: strMap,
  matchExpressions: list(rec({ key: str, operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist", "Gt", "bogus"), values: list(str) })),
});

const probe = rec({
  httpGet: rec({ path: str, port: num, scheme: fc.constantFrom("HTTP", "HTTPS", "x"), host: str }),
  tcpSocket: rec({ port: num }),
  exec: rec({ command: list(str) }),
  grpc: rec({ port: num }),
  initialDelaySeconds: num,
  periodSeconds: num,
  timeoutSeconds: num,
  failureThreshold: num,
});

const seccomp = rec({ type: fc.constantFrom("RuntimeDefault", "Unconfined", "Localhost", "bogus"), localhostProfile: str });

const securityContext = rec({
  privileged: bool,
  allowPrivilegeEscalation: bool,
  readOnlyRootFilesystem: bool,
  runAsNonRoot: bool,
  runAsUser: num,
  runAsGroup: num,
  fsGroup: num,
  procMount: fc.constantFrom("Default", "Unmasked", "x"),
  capabilities: rec({ add: list(str), drop: list(str) }),
  seccompProfile: seccomp,
  appArmorProfile: seccomp,
  seLinuxOptions: rec({ type: str, user: str, role: str, level: str }),
  windowsOptions: rec({ hostProcess: bool, runAsUserName: str }),
  sysctls: list(rec({ name: str, value: str })),
  supplementalGroups: list(num),
});

const envVar = rec({
  name: fc.oneof(str, fc.constantFrom("DB_PASSWORD", "API_TOKEN", "AWS_SECRET_ACCESS_KEY", "HOME", "PATH")),
  value: str,
  valueFrom: rec({
    secretKeyRef: rec({ name: str, key: str, optional: bool }),
    configMapKeyRef: rec({ name: str, key: str }),
    fieldRef: rec({ fieldPath: str }),
    resourceFieldRef: rec({ resource: str }),
  }),
});

const container = rec({
  name: str,
  image: str,
  imagePullPolicy: str,
  command,
  args: command,
  workingDir: str,
  env: list(envVar, 4),
  envFrom: list(rec({ secretRef: rec({ name: str }), configMapRef: rec({ name: str }), prefix: str })),
  ports: list(rec({ containerPort: num, hostPort: num, hostIP: str, protocol: str, name: str })),
  securityContext,
  resources: rec({ requests: quantityMap, limits: quantityMap, claims: garbage }),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: rec({ postStart: probe, preStop: probe }),
  volumeMounts: list(rec({ name: str, mountPath: str, readOnly: bool, subPath: str, mountPropagation: str })),
  volumeDevices: list(rec({ name: str, devicePath: str })),
  stdin: bool,
  tty: bool,
  restartPolicy: str,
});

const volume = rec({
  name: str,
  hostPath: rec({ path: str, type: str }),
  secret: rec({ secretName: str, items: list(rec({ key: str, path: str })), defaultMode: num }),
  configMap: rec({ name: str }),
  emptyDir: rec({ medium: str, sizeLimit: str }),
  persistentVolumeClaim: rec({ claimName: str, readOnly: bool }),
  projected: rec({ sources: list(rec({ serviceAccountToken: rec({ audience: str, expirationSeconds: num, path: str }), secret: rec({ name: str }) })) }),
  csi: rec({ driver: str, volumeAttributes: strMap }),
  nfs: rec({ server: str, path: str }),
  ephemeral: garbage,
});

const metadata = rec({
  name: str,
  namespace: fc.oneof(str, fc.constantFrom("default", "kube-system", "prod")),
  labels: strMap,
  annotations: strMap,
  ownerReferences: list(rec({ kind: str, name: str, controller: bool })),
  generateName: str,
});

const podSpec = rec({
  containers: list(container, 3),
  initContainers: list(container, 2),
  ephemeralContainers: list(container, 1),
  volumes: list(volume, 3),
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  hostUsers: bool,
  shareProcessNamespace: bool,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  securityContext,
  nodeSelector: strMap,
  nodeName: str,
  affinity: rec({
    podAntiAffinity: rec({ requiredDuringSchedulingIgnoredDuringExecution: list(rec({ labelSelector: selector, topologyKey: str })), preferredDuringSchedulingIgnoredDuringExecution: list(garbage) }),
    nodeAffinity: rec({ requiredDuringSchedulingIgnoredDuringExecution: rec({ nodeSelectorTerms: list(garbage) }) }),
  }),
  tolerations: list(rec({ key: str, operator: str, effect: str, value: str, tolerationSeconds: num })),
  topologySpreadConstraints: list(rec({ maxSkew: num, topologyKey: str, whenUnsatisfiable: str, labelSelector: selector })),
  priorityClassName: str,
  runtimeClassName: str,
  dnsPolicy: str,
  dnsConfig: rec({ options: list(rec({ name: str, value: str })), nameservers: list(str) }),
  hostAliases: list(rec({ ip: str, hostnames: list(str) })),
  imagePullSecrets: list(rec({ name: str })),
  restartPolicy: str,
  terminationGracePeriodSeconds: num,
  os: rec({ name: str }),
  resourceClaims: garbage,
});

const podTemplate = rec({ metadata, spec: podSpec });

type KindSpec = [apiVersion: string, kind: string, body: Shape];

const jobSpec = rec({ template: podTemplate, backoffLimit: num, activeDeadlineSeconds: num, ttlSecondsAfterFinished: num, parallelism: num, completions: num });
const workloadSpec = (extra: Shape = {}) =>
  rec({
    replicas: num,
    selector,
    template: podTemplate,
    strategy: rec({ type: str, rollingUpdate: rec({ maxUnavailable: num, maxSurge: num }) }),
    updateStrategy: rec({ type: str, rollingUpdate: rec({ maxUnavailable: num, partition: num }) }),
    minReadySeconds: num,
    revisionHistoryLimit: num,
    ...extra,
  });
const policyRule = rec({ apiGroups: list(str), resources: list(str), verbs: list(str), resourceNames: list(str), nonResourceURLs: list(str) });
const binding: Shape = {
  roleRef: rec({ apiGroup: str, kind: fc.constantFrom("Role", "ClusterRole", "x"), name: str }),
  subjects: list(rec({ kind: fc.constantFrom("User", "Group", "ServiceAccount", "x"), name: str, namespace: str, apiGroup: str })),
};
const peer = rec({ podSelector: selector, namespaceSelector: selector, ipBlock: rec({ cidr: str, except: list(str) }) });
const npPort = rec({ port: num, endPort: num, protocol: str });
const backend = rec({ service: rec({ name: str, port: rec({ number: num, name: str }) }), resource: garbage, serviceName: str, servicePort: num });
const webhook = rec({
  name: str,
  failurePolicy: str,
  sideEffects: str,
  timeoutSeconds: num,
  namespaceSelector: selector,
  objectSelector: selector,
  clientConfig: rec({ url: str, service: rec({ name: str, namespace: str, path: str, port: num }), caBundle: str }),
  rules: list(rec({ operations: list(str), apiGroups: list(str), apiVersions: list(str), resources: list(str), scope: str })),
  admissionReviewVersions: list(str),
  matchPolicy: str,
  reinvocationPolicy: str,
});
const routeSpec = rec({
  parentRefs: list(rec({ name: str, namespace: str, sectionName: str })),
  hostnames: list(str),
  rules: list(rec({ backendRefs: list(rec({ name: str, namespace: str, port: num, kind: str })), matches: list(garbage) })),
});

const KINDS: KindSpec[] = [
  ["v1", "Pod", { spec: podSpec }],
  ["apps/v1", "Deployment", { spec: workloadSpec() }],
  ["apps/v1", "StatefulSet", { spec: workloadSpec({ serviceName: str, volumeClaimTemplates: list(rec({ metadata, spec: rec({ accessModes: list(str), storageClassName: str, resources: rec({ requests: quantityMap }) }) })), podManagementPolicy: str }) }],
  ["apps/v1", "DaemonSet", { spec: workloadSpec() }],
  ["apps/v1", "ReplicaSet", { spec: workloadSpec() }],
  ["v1", "ReplicationController", { spec: workloadSpec() }],
  ["apps.openshift.io/v1", "DeploymentConfig", { spec: workloadSpec({ triggers: garbage }) }],
  ["v1", "PodTemplate", { template: podTemplate }],
  ["batch/v1", "Job", { spec: jobSpec }],
  ["batch/v1", "CronJob", { spec: rec({ schedule: str, timeZone: str, concurrencyPolicy: str, startingDeadlineSeconds: num, successfulJobsHistoryLimit: num, failedJobsHistoryLimit: num, suspend: bool, jobTemplate: rec({ metadata, spec: jobSpec }) }) }],
  ["v1", "Service", { spec: rec({ type: str, ports: list(rec({ port: num, targetPort: num, nodePort: num, protocol: str, name: str, appProtocol: str })), selector: strMap, externalIPs: list(str), loadBalancerSourceRanges: list(str), loadBalancerIP: str, externalTrafficPolicy: str, clusterIP: str, externalName: str, sessionAffinity: str }) }],
  ["rbac.authorization.k8s.io/v1", "Role", { rules: list(policyRule, 4) }],
  ["rbac.authorization.k8s.io/v1", "ClusterRole", { rules: list(policyRule, 4), aggregationRule: rec({ clusterRoleSelectors: list(selector) }) }],
  ["rbac.authorization.k8s.io/v1", "RoleBinding", binding],
  ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding", binding],
  ["networking.k8s.io/v1", "NetworkPolicy", { spec: rec({ podSelector: selector, policyTypes: list(str), ingress: list(rec({ from: list(peer), ports: list(npPort) })), egress: list(rec({ to: list(peer), ports: list(npPort) })) }) }],
  ["networking.k8s.io/v1", "Ingress", { spec: rec({ ingressClassName: str, defaultBackend: backend, tls: list(rec({ hosts: list(str), secretName: str })), rules: list(rec({ host: str, http: rec({ paths: list(rec({ path: str, pathType: str, backend })) }) })) }) }],
  ["v1", "ConfigMap", { data: strMap, binaryData: strMap, immutable: bool }],
  ["v1", "Secret", { type: str, data: strMap, stringData: strMap, immutable: bool }],
  ["v1", "ServiceAccount", { automountServiceAccountToken: bool, secrets: list(rec({ name: str })), imagePullSecrets: list(rec({ name: str })) }],
  ["v1", "Namespace", { spec: rec({ finalizers: list(str) }) }],
  ["v1", "Node", { spec: rec({ taints: list(garbage), podCIDR: str }) }],
  ["policy/v1", "PodDisruptionBudget", { spec: rec({ minAvailable: num, maxUnavailable: num, selector, unhealthyPodEvictionPolicy: str }) }],
  ["autoscaling/v2", "HorizontalPodAutoscaler", { spec: rec({ minReplicas: num, maxReplicas: num, scaleTargetRef: rec({ apiVersion: str, kind: str, name: str }), metrics: list(garbage) }) }],
  ["admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", { webhooks: list(webhook) }],
  ["admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", { webhooks: list(webhook) }],
  ["v1", "PersistentVolume", { spec: rec({ hostPath: rec({ path: str, type: str }), storageClassName: str, claimRef: garbage, persistentVolumeReclaimPolicy: str, csi: garbage }) }],
  ["storage.k8s.io/v1", "StorageClass", { provisioner: str, parameters: strMap, reclaimPolicy: str, allowVolumeExpansion: bool }],
  ["policy/v1beta1", "PodSecurityPolicy", { spec: rec({ privileged: bool, allowPrivilegeEscalation: bool, hostNetwork: bool, hostPID: bool, allowedCapabilities: list(str), volumes: list(str), runAsUser: rec({ rule: str }), hostPorts: list(rec({ min: num, max: num })) }) }],
  ["security.openshift.io/v1", "SecurityContextConstraints", { allowPrivilegedContainer: bool, allowHostNetwork: bool, allowedCapabilities: list(str), runAsUser: rec({ type: str }), volumes: list(str), users: list(str), groups: list(str) }],
  ["gateway.networking.k8s.io/v1", "HTTPRoute", { spec: routeSpec }],
  ["gateway.networking.k8s.io/v1alpha2", "TCPRoute", { spec: routeSpec }],
  ["gateway.networking.k8s.io/v1alpha2", "UDPRoute", { spec: routeSpec }],
  ["gateway.networking.k8s.io/v1", "Gateway", { spec: rec({ gatewayClassName: str, listeners: list(rec({ name: str, port: num, protocol: str, hostname: str, allowedRoutes: garbage, tls: garbage })) }) }],
  ["monitoring.coreos.com/v1", "ServiceMonitor", { spec: rec({ endpoints: list(rec({ port: str, scheme: str, tlsConfig: rec({ insecureSkipVerify: bool }), bearerTokenFile: str })), selector, namespaceSelector: garbage }) }],
  ["constraints.gatekeeper.sh/v1beta1", "K8sAllowedRepos", { spec: rec({ match: garbage, parameters: rec({ repos: list(str) }) }) }],
  ["agents.x-k8s.io/v1alpha1", "SandboxTemplate", { spec: rec({ podTemplate }) }],
  ["kubelet.config.k8s.io/v1beta1", "KubeletConfiguration", {
    authentication: rec({ anonymous: rec({ enabled: bool }), webhook: rec({ enabled: bool }), x509: rec({ clientCAFile: str }) }),
    authorization: rec({ mode: str }),
    readOnlyPort: num,
    protectKernelDefaults: bool,
    makeIPTablesUtilChains: bool,
    eventRecordQPS: num,
    rotateCertificates: bool,
    serverTLSBootstrap: bool,
    streamingConnectionIdleTimeout: str,
    tlsCipherSuites: list(str),
    tlsCertFile: str,
    podPidsLimit: num,
    featureGates: strMap,
  }],
  ["kubeproxy.config.k8s.io/v1alpha1", "KubeProxyConfiguration", { metricsBindAddress: str, bindAddress: str }],
  ["example.com/v1", "Widget", { spec: garbage }],
];

/** One Kubernetes-shaped object: a kind from the list, with apiVersion and kind always right and everything else random. */
const k8sObject: fc.Arbitrary<JsonObject> = fc.constantFrom(...KINDS).chain(([apiVersion, kind, body]) =>
  fc.tuple(metadata, fc.record(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, field(v)])), { requiredKeys: [] })).map(
    ([md, rest]) => ({ apiVersion, kind, ...(md === undefined ? {} : { metadata: md }), ...rest }) as JsonObject,
  ),
);

/** A few objects, as a scan sees them together (RBAC joined with workloads, NetworkPolicies with Pods, …). */
const k8sObjects = fc.array(k8sObject, { minLength: 1, maxLength: 4 });

/** The objects as YAML: block style, flow style, or JSON. */
function toYaml(objects: JsonObject[], style: 0 | 1 | 2): string {
  if (style === 2) return objects.map((o) => toJson(o, true)).join("\n---\n");
  return objects.map((o) => stringify(o, { lineWidth: 0, ...(style === 1 ? { collectionStyle: "flow" as const } : {}) })).join("---\n");
}

/** JSON text of an object; BigInts as integer literals (`raw`, for YAML) or as the nearest double (what JSON.parse gives). */
function toJson(o: unknown, raw: boolean): string {
  const text = JSON.stringify(o, (_, v: unknown) => (typeof v === "bigint" ? (raw ? `__bigint__${v}__` : Number(v)) : v));
  return raw ? text.replace(/"__bigint__(-?\d+)__"/g, "$1") : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Random YAML text: scalars, indentation, anchors and aliases, merge keys, tags, flow and block mixed.

const yamlScalar = fc.oneof(
  anyString.map((s) => JSON.stringify(s)),
  fc.constantFrom("9007199254740993", "-9223372036854775808", "18446744073709551616", "0x7fffffffffffffffff", "1_000", "017", "08"),
  fc.constantFrom("true", "no", "~", "null", "0x1F", "0o17", "1e3", ".inf", "-.nan", "2001-12-14", "'single'", "|\n  block\n  text", ">-\n  folded", "!!binary aGVsbG8=", "!!str 3", "!!int x", "!!float", "!!map {}", "!!seq []", "&a 1", "*a", "*undefined", "[1, {a: b}]", "{a: [b, c]}", "{", "[", "]", "}", "\"unterminated", "? complex", ": x", "- x", "@", "`", "%YAML 1.1", "!<tag:yaml.org,2002:str> x", "!custom x", "<<: *a"),
  fc.integer().map(String),
  fc.string({ maxLength: 10 }),
);
const yamlKey = fc.oneof(
  fc.constantFrom("apiVersion", "kind", "metadata", "name", "namespace", "spec", "containers", "image", "securityContext", "privileged", "template", "rules", "data", "<<", "? a", "&anchor key", "*a", "\"quoted key\"", "'k'", "- item"),
  fc.string({ maxLength: 6 }),
);
const yamlLine = fc.tuple(fc.nat({ max: 8 }), fc.oneof(
  fc.tuple(yamlKey, yamlScalar).map(([k, v]) => `${k}: ${v}`),
  yamlKey.map((k) => `${k}:`),
  fc.tuple(fc.constantFrom("", "&a ", "&b ", "!!map "), yamlKey).map(([a, k]) => `${k}: ${a}`),
  yamlScalar.map((v) => `- ${v}`),
  fc.tuple(yamlKey, yamlScalar).map(([k, v]) => `- ${k}: ${v}`),
  fc.constantFrom("---", "...", "# comment", "", "- ", "<<: *a", "<<: [*a, *b]", "%TAG ! tag:example.com,2000:", "\t", "  - &a {x: 1}", "- *a"),
)).map(([indent, line]) => " ".repeat(indent) + line);
const yamlText = fc.tuple(
  fc.constantFrom("", "apiVersion: v1\nkind: Pod\n", "apiVersion: apps/v1\nkind: Deployment\n", "apiVersion: v1\nkind: List\nitems:\n", "apiVersion: v1\nkind: Secret\n"),
  fc.array(yamlLine, { maxLength: 25 }),
).map(([head, lines]) => head + lines.join("\n"));

/** Valid objects whose nodes are shared by anchors and aliases and merged with `<<` (the same object twice in the tree). */
const aliasedYaml = fc.tuple(container, securityContext, podSpec).map(([c, sc, spec]) => {
  const anchorDoc = stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "a" }, spec: { containers: [c ?? {}], initContainers: [] } }, { lineWidth: 0 });
  return [
    `base: &base ${toJson(sc ?? {}, true)}`,
    "apiVersion: v1",
    "kind: Pod",
    "metadata: &md {name: web, labels: &labels {app: web}}",
    "spec:",
    `  securityContext: {<<: *base, runAsNonRoot: true}`,
    `  containers: &cs [${toJson(c ?? {}, true)}]`,
    "  initContainers: *cs",
    "  nodeSelector: *labels",
    "---",
    anchorDoc,
    "---",
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: ${toJson(spec ?? {}, true)}`,
  ].join("\n");
});

// ---------------------------------------------------------------------------------------------------------------
// Random Dockerfiles

const dfWord = fc.oneof(
  fc.constantFrom("ubuntu", "ubuntu:latest", "alpine:3.20", "scratch", "node:20@sha256:" + "a".repeat(64), "$BASE", "${BASE:-x}", "build", "AS", "as", "--platform=$BUILDPLATFORM",
    "apt-get", "install", "-y", "update", "upgrade", "dist-upgrade", "curl", "wget", "-k", "--insecure", "|", "sh", "bash", "&&", ";", "||", "cd", "/tmp", "/", "sudo", "su",
    "pip", "npm", "ci", "apk", "add", "--no-cache", "yum", "rm", "-rf", "/var/lib/apt/lists/*", "echo", ">", ">>", "$(", ")", "`", "'", "\"", "\\", "{", "}", "*", "~",
    "root", "0", "1000:1000", "nobody", "22", "80/tcp", "1-65535", "8080-8090", "NPM_TOKEN", "API_TOKEN=abc", "PASSWORD=\"x y\"", "KEY", "=", "a=b", "id_rsa", ".env", "*.pem",
    "--chown=1:1", "--chmod=777", "--from=build", "--from=0", "--mount=type=secret,id=x", "--mount=type=cache,target=/root", "--network=host", "--security=insecure",
    "https://example.com/x.tar.gz", "git@github.com:a/b.git", "CMD", "<<EOF", "<<-EOT", "EOF"),
  fc.string({ maxLength: 6 }),
);
const dfArgs = fc.array(dfWord, { maxLength: 7 }).map((ws) => ws.join(" "));
const dfJson = fc.array(fc.oneof(dfWord, fc.string({ maxLength: 5 })), { maxLength: 4 }).map((ws) => JSON.stringify(ws));
const dfKeyword = fc.constantFrom("FROM", "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "ENV", "ARG", "USER", "WORKDIR", "EXPOSE", "LABEL", "HEALTHCHECK", "SHELL", "ONBUILD", "VOLUME", "STOPSIGNAL", "MAINTAINER", "from", "Run", "BOGUS");
const dfLine = fc.oneof(
  { arbitrary: fc.tuple(dfKeyword, fc.oneof(dfArgs, dfJson)).map(([k, a]) => `${k} ${a}`), weight: 8 },
  { arbitrary: fc.tuple(dfKeyword, dfArgs, dfArgs).map(([k, a, b]) => `${k} ${a} \\\n  ${b}`), weight: 2 },
  { arbitrary: fc.constantFrom("# syntax=docker/dockerfile:1", "# escape=`", "# check=skip=all", "# shipshape ignore=docker-latest-tag reason", "", "   ", "\\", "RUN <<EOF\necho hi\nEOF", "COPY <<EOF /x\nhello\nEOF", "RUN <<EOF", "HEALTHCHECK NONE", "HEALTHCHECK CMD", "ONBUILD ONBUILD RUN x", "FROM", "ENV", "ARG", "ENV A", "ENV A=", "ENV =x", "USER :", "EXPOSE -1", "EXPOSE 99999/xyz", "ARG A=${A}", "ENV X=$X Y=${Y:-$X}", "SHELL []", "SHELL [\"pwsh\", \"-c\"]", "RUN [\"a\"", "CMD [\"a\",]"), weight: 2 },
);
const dockerfileText = fc.tuple(fc.option(fc.constantFrom("FROM ubuntu:22.04", "FROM node:20 AS build", "ARG BASE=alpine\nFROM $BASE"), { nil: undefined }), fc.array(dfLine, { maxLength: 14 }), fc.constantFrom("\n", "\r\n"))
  .map(([first, lines, eol]) => [...(first ? [first] : []), ...lines].join(eol));

// ---------------------------------------------------------------------------------------------------------------
// Running things

const kube = KubeVersion.DEFAULT;

function problemsOf(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.ruleId === "internal-error")
    .map((f) => `${f.message} [${f.object?.kind}/${f.object?.name}]`);
}

/** Loads YAML text and runs every Kubernetes rule on it, through the engine; returns internal errors. */
function runManifest(text: string): string[] {
  const loaded = loadManifestText(text, "random.yaml");
  const resources: Resource[] = loaded.resources;
  const result = runRules(resources, { rules: K8S_RULES, kubeVersion: kube, defaultNamespace: "default" }, new Inventory(resources, "default"));
  return problemsOf(result.findings);
}

function runDockerfile(text: string): string[] {
  const loaded = loadDockerfileText(text, "Dockerfile", shell);
  const resources: Resource[] = loaded.resources;
  const result = runRules(resources, { rules: DOCKER_RULES, kubeVersion: kube, defaultNamespace: "default" }, new Inventory(resources, "default"));
  return problemsOf(result.findings);
}

const admission = new Admission({
  rules: ALL_RULES,
  suppressor: new Suppressor({ exemptions: [], annotationsAllowed: true }, "default"),
  kubeVersion: kube,
  deny: DEFAULT_DENY,
  warn: DEFAULT_WARN,
  audit: false,
  exemptNamespaces: [],
});

describe("property: random Kubernetes objects never break the engine", () => {
  it("every rule of --profile all survives random objects (YAML block, flow or JSON) without throwing or an internal-error", () => {
    fc.assert(
      fc.property(k8sObjects, fc.constantFrom<0 | 1 | 2>(0, 1, 2), (objects, style) => {
        expect(runManifest(toYaml(objects, style))).toEqual([]);
      }),
      runs(300),
    );
  });

  it("the webhook answers random objects with an AdmissionReview and never an internal error", () => {
    fc.assert(
      fc.property(k8sObject, fc.constantFrom("CREATE", "UPDATE"), (generated, operation) => {
        // As kube-apiserver sends it: JSON, parsed with JSON.parse.
        const object = JSON.parse(toJson(generated, false)) as JsonObject;
        const d = admission.review({ apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", request: { uid: "u1", operation, namespace: "team", object, ...(operation === "UPDATE" ? { oldObject: { ...object, spec: null } } : {}) } });
        expect(d.httpStatus).toBe(200);
        const text = JSON.stringify(d.body);
        expect(text).not.toContain("internal-error");
        expect(d.log.denied).not.toContain("internal-error");
        expect(d.log.warned).not.toContain("internal-error");
      }),
      runs(200),
    );
  });

  it("scan() with --profile all and --surface: no internal error, the JSON report validates, every format renders", async () => {
    await fc.assert(
      fc.asyncProperty(k8sObjects, fc.boolean(), async (objects, surface) => {
        const report = await scan({ paths: ["-"], stdin: toYaml(objects, 0), config: emptyConfig(), profile: "all", surface, keepEvaluations: true, now: new Date("2025-01-01T00:00:00Z") });
        expect(problemsOf(report.findings)).toEqual([]);
        const json = JSON.parse(renderJson(report)) as unknown;
        expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
        for (const [name, render] of Object.entries(FORMATS)) {
          expect(typeof render(report, { color: name === "text", cwd: process.cwd(), frameworks: true }), name).toBe("string");
        }
      }),
      runs(100),
    );
  });
});

describe("property: random YAML text never breaks the loader or the engine", () => {
  it("random lines (scalars, indentation, anchors, tags, flow and block) load without throwing, and rules survive them", () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        expect(runManifest(text)).toEqual([]);
      }),
      runs(300),
    );
  });

  it("objects that share nodes through anchors, aliases and merge keys", () => {
    fc.assert(
      fc.property(aliasedYaml, (text) => {
        expect(runManifest(text)).toEqual([]);
      }),
      runs(100),
    );
  });

  it("scan() of random YAML text: the JSON report validates against schemas/report.schema.json", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(yamlText, aliasedYaml), async (text) => {
        const report = await scan({ paths: ["-"], stdin: text, config: emptyConfig(), profile: "all", now: new Date("2025-01-01T00:00:00Z") });
        expect(problemsOf(report.findings)).toEqual([]);
        const json = JSON.parse(renderJson(report)) as unknown;
        expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
      }),
      runs(100),
    );
  });
});

describe("property: random Dockerfiles never break the loader or the Dockerfile rules", () => {
  it("every Dockerfile rule survives random instructions, flags, heredocs, continuations and directives", () => {
    fc.assert(
      fc.property(dockerfileText, (text) => {
        expect(runDockerfile(text)).toEqual([]);
      }),
      runs(300),
    );
  });

  it("random printable text as a Dockerfile", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii", maxLength: 200 }), (text) => {
        expect(runDockerfile(text)).toEqual([]);
      }),
      runs(200),
    );
  });
});

describe("regressions: bugs the properties found and that are fixed", () => {
  it("renderJson and renderSarif write a fix whose value is a BigInt (requests-equal-limits copying a limit beyond 2^53)", async () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      resources: {requests: {memory: 1}, limits: {memory: 9223372036854775807}}\n";
    const report = await scan({ paths: ["-"], stdin: text, config: emptyConfig(), profile: "all" });
    const json = renderJson(report);
    expect(json).toContain("9223372036854775807");
    expect(validateReport(JSON.parse(json))).toBe(true);
    expect(() => FORMATS.sarif(report, { color: false, cwd: process.cwd() })).not.toThrow();
  });
});

describe("regressions: minimal counterexamples of the bugs the properties found", () => {
  for (const b of FIXED) {
    it(`${b.rule}: ${b.bug} (was: ${b.error})`, () => {
      const loaded = loadManifestText(b.counterexample, "counterexample.yaml");
      expect(loaded.problems).toEqual([]);
      const rules = ALL_RULES.filter((r) => r.rule.id === b.rule);
      expect(rules).toHaveLength(1);
      const result = runRules(loaded.resources, { rules, kubeVersion: kube, defaultNamespace: "default" });
      expect(result.findings.filter((f) => f.ruleId === "internal-error").map((f) => f.message)).toEqual([]);
    });
  }
});
