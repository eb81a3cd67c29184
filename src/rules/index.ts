// The registry of rule modules: an explicit list, sorted by id (scripts/gen-rule-index.mjs writes it).
// A test checks it against the files in these folders and against the catalogue.
import type { RuleModule } from "../engine/rule-types.js";
import admissionWebhookInventory from "./platform/admission-webhook-inventory.js";
import agentSandboxHardening from "./platform/agent-sandbox-hardening.js";
import allowPrivilegeEscalation from "./pod-security/allow-privilege-escalation.js";
import antiAffinityMissing from "./availability/anti-affinity-missing.js";
import apiserverAlwaysAdmit from "./control-plane/apiserver-always-admit.js";
import apiserverAlwaysPullImages from "./control-plane/apiserver-always-pull-images.js";
import apiserverAnonymousAuth from "./control-plane/apiserver-anonymous-auth.js";
import apiserverAuditLogMaxage from "./control-plane/apiserver-audit-log-maxage.js";
import apiserverAuditLogMaxbackup from "./control-plane/apiserver-audit-log-maxbackup.js";
import apiserverAuditLogMaxsize from "./control-plane/apiserver-audit-log-maxsize.js";
import apiserverAuditLogPath from "./control-plane/apiserver-audit-log-path.js";
import apiserverAuthorizationAlwaysAllow from "./control-plane/apiserver-authorization-always-allow.js";
import apiserverAuthorizationNode from "./control-plane/apiserver-authorization-node.js";
import apiserverAuthorizationRbac from "./control-plane/apiserver-authorization-rbac.js";
import apiserverBasicAuthFile from "./control-plane/apiserver-basic-auth-file.js";
import apiserverClientCaFile from "./control-plane/apiserver-client-ca-file.js";
import apiserverDenyServiceExternalIps from "./control-plane/apiserver-deny-service-external-ips.js";
import apiserverEncryptionProviderConfig from "./control-plane/apiserver-encryption-provider-config.js";
import apiserverEtcdCafile from "./control-plane/apiserver-etcd-cafile.js";
import apiserverEtcdClientCert from "./control-plane/apiserver-etcd-client-cert.js";
import apiserverEventRateLimit from "./control-plane/apiserver-event-rate-limit.js";
import apiserverImagePolicyWebhook from "./control-plane/apiserver-image-policy-webhook.js";
import apiserverInsecureBindAddress from "./control-plane/apiserver-insecure-bind-address.js";
import apiserverInsecurePort from "./control-plane/apiserver-insecure-port.js";
import apiserverKubeletCertificateAuthority from "./control-plane/apiserver-kubelet-certificate-authority.js";
import apiserverKubeletClientCert from "./control-plane/apiserver-kubelet-client-cert.js";
import apiserverKubeletHttps from "./control-plane/apiserver-kubelet-https.js";
import apiserverNamespaceLifecycle from "./control-plane/apiserver-namespace-lifecycle.js";
import apiserverNodeRestriction from "./control-plane/apiserver-node-restriction.js";
import apiserverPodSecurityPolicyPlugin from "./control-plane/apiserver-pod-security-policy-plugin.js";
import apiserverProfiling from "./control-plane/apiserver-profiling.js";
import apiserverRequestTimeout from "./control-plane/apiserver-request-timeout.js";
import apiserverSecurePort from "./control-plane/apiserver-secure-port.js";
import apiserverSecurityContextDeny from "./control-plane/apiserver-security-context-deny.js";
import apiserverServiceAccountExtendTokenExpiration from "./control-plane/apiserver-service-account-extend-token-expiration.js";
import apiserverServiceAccountKeyFile from "./control-plane/apiserver-service-account-key-file.js";
import apiserverServiceAccountLookup from "./control-plane/apiserver-service-account-lookup.js";
import apiserverServiceAccountPlugin from "./control-plane/apiserver-service-account-plugin.js";
import apiserverTlsCert from "./control-plane/apiserver-tls-cert.js";
import apiserverTlsCipherSuites from "./control-plane/apiserver-tls-cipher-suites.js";
import apiserverTokenAuthFile from "./control-plane/apiserver-token-auth-file.js";
import apparmorUnconfined from "./pod-security/apparmor-unconfined.js";
import automountServiceAccountToken from "./service-accounts/automount-service-account-token.js";
import bindingToAnonymous from "./rbac/binding-to-anonymous.js";
import bindingToSystemAuthenticated from "./rbac/binding-to-system-authenticated.js";
import bindingToSystemMasters from "./rbac/binding-to-system-masters.js";
import breakGlassAnnotation from "./namespaces/break-glass-annotation.js";
import capNetRawAdded from "./capabilities/cap-net-raw-added.js";
import capSysAdmin from "./capabilities/cap-sys-admin.js";
import capabilitiesAddedBeyondBaseline from "./capabilities/capabilities-added-beyond-baseline.js";
import cloudCredentialsMount from "./host-access/cloud-credentials-mount.js";
import clusterAdminBinding from "./rbac/cluster-admin-binding.js";
import containerRuntimeSocketMount from "./host-access/container-runtime-socket-mount.js";
import controllerManagerBindAddress from "./control-plane/controller-manager-bind-address.js";
import controllerManagerProfiling from "./control-plane/controller-manager-profiling.js";
import controllerManagerRootCaFile from "./control-plane/controller-manager-root-ca-file.js";
import controllerManagerRotateKubeletServerCertificate from "./control-plane/controller-manager-rotate-kubelet-server-certificate.js";
import controllerManagerServiceAccountPrivateKeyFile from "./control-plane/controller-manager-service-account-private-key-file.js";
import controllerManagerTerminatedPodGcThreshold from "./control-plane/controller-manager-terminated-pod-gc-threshold.js";
import controllerManagerUseServiceAccountCredentials from "./control-plane/controller-manager-use-service-account-credentials.js";
import cpuLimitsMissing from "./resources/cpu-limits-missing.js";
import cpuRequestsMissing from "./resources/cpu-requests-missing.js";
import dangerousCapabilities from "./capabilities/dangerous-capabilities.js";
import danglingHpa from "./integrity/dangling-hpa.js";
import danglingIngressBackend from "./integrity/dangling-ingress-backend.js";
import danglingService from "./integrity/dangling-service.js";
import danglingServicemonitor from "./integrity/dangling-servicemonitor.js";
import defaultNamespace from "./namespaces/default-namespace.js";
import defaultServiceAccount from "./service-accounts/default-service-account.js";
import deprecatedApiVersion from "./integrity/deprecated-api-version.js";
import deprecatedK8sImageRegistry from "./images/deprecated-k8s-image-registry.js";
import deprecatedServiceAccountField from "./service-accounts/deprecated-service-account-field.js";
import dnsConfigNdots from "./availability/dns-config-ndots.js";
import dockerAddInsteadOfCopy from "./docker-supply-chain/docker-add-instead-of-copy.js";
import dockerAptPinVersions from "./docker-supply-chain/docker-apt-pin-versions.js";
import dockerAptUseAptGet from "./docker-supply-chain/docker-apt-use-apt-get.js";
import dockerChpasswd from "./docker-user/docker-chpasswd.js";
import dockerConsecutiveRun from "./docker-hygiene/docker-consecutive-run.js";
import dockerCopyEntireFs from "./docker-hygiene/docker-copy-entire-fs.js";
import dockerCopyFromSelf from "./docker-hygiene/docker-copy-from-self.js";
import dockerCopyFromUndefined from "./docker-hygiene/docker-copy-from-undefined.js";
import dockerCopyMultiArgsSlash from "./docker-hygiene/docker-copy-multi-args-slash.js";
import dockerCopyRelativeNoWorkdir from "./docker-hygiene/docker-copy-relative-no-workdir.js";
import dockerCurlPipeShell from "./docker-supply-chain/docker-curl-pipe-shell.js";
import dockerDistUpgrade from "./docker-supply-chain/docker-dist-upgrade.js";
import dockerDuplicateStageAlias from "./docker-base-image/docker-duplicate-stage-alias.js";
import dockerEnvSelfReference from "./docker-hygiene/docker-env-self-reference.js";
import dockerExposePortRange from "./docker-runtime/docker-expose-port-range.js";
import dockerExposeSsh from "./docker-runtime/docker-expose-ssh.js";
import dockerFromPlatform from "./docker-base-image/docker-from-platform.js";
import dockerHealthcheckMissing from "./docker-runtime/docker-healthcheck-missing.js";
import dockerInlineIgnoreUsed from "./docker-hygiene/docker-inline-ignore-used.js";
import dockerInsecureCmd from "./docker-runtime/docker-insecure-cmd.js";
import dockerInstructionOrder from "./docker-hygiene/docker-instruction-order.js";
import dockerJsonCmd from "./docker-runtime/docker-json-cmd.js";
import dockerLabels from "./docker-runtime/docker-labels.js";
import dockerLatestTag from "./docker-base-image/docker-latest-tag.js";
import dockerMaintainerDeprecated from "./docker-runtime/docker-maintainer-deprecated.js";
import dockerMultipleCmd from "./docker-runtime/docker-multiple-cmd.js";
import dockerMultipleEntrypoint from "./docker-runtime/docker-multiple-entrypoint.js";
import dockerMultipleHealthcheck from "./docker-runtime/docker-multiple-healthcheck.js";
import dockerNoInstallRecommends from "./docker-supply-chain/docker-no-install-recommends.js";
import dockerNonNumericUser from "./docker-user/docker-non-numeric-user.js";
import dockerNoninteractiveInstall from "./docker-supply-chain/docker-noninteractive-install.js";
import dockerOnbuildMisuse from "./docker-hygiene/docker-onbuild-misuse.js";
import dockerPackageCacheNotCleaned from "./docker-supply-chain/docker-package-cache-not-cleaned.js";
import dockerPipefail from "./docker-hygiene/docker-pipefail.js";
import dockerPkgPinVersions from "./docker-supply-chain/docker-pkg-pin-versions.js";
import dockerPointlessCommands from "./docker-hygiene/docker-pointless-commands.js";
import dockerReservedStageName from "./docker-base-image/docker-reserved-stage-name.js";
import dockerRunCd from "./docker-hygiene/docker-run-cd.js";
import dockerSecretInEnvArg from "./docker-secrets/docker-secret-in-env-arg.js";
import dockerShellInstruction from "./docker-hygiene/docker-shell-instruction.js";
import dockerSudo from "./docker-user/docker-sudo.js";
import dockerTlsVerificationDisabled from "./docker-supply-chain/docker-tls-verification-disabled.js";
import dockerUnsignedPackages from "./docker-supply-chain/docker-unsigned-packages.js";
import dockerUntrustedRegistry from "./docker-base-image/docker-untrusted-registry.js";
import dockerUpdateAlone from "./docker-supply-chain/docker-update-alone.js";
import dockerUserRoot from "./docker-user/docker-user-root.js";
import dockerUseraddWithoutL from "./docker-user/docker-useradd-without-l.js";
import dockerWgetAndCurl from "./docker-supply-chain/docker-wget-and-curl.js";
import dockerWgetProgress from "./docker-supply-chain/docker-wget-progress.js";
import dockerWorkdirRelative from "./docker-hygiene/docker-workdir-relative.js";
import dockerWorkdirSystemDir from "./docker-hygiene/docker-workdir-system-dir.js";
import dropAllCapabilities from "./capabilities/drop-all-capabilities.js";
import dropAnyCapability from "./capabilities/drop-any-capability.js";
import dropNetRaw from "./capabilities/drop-net-raw.js";
import duplicateEnvVar from "./secrets/duplicate-env-var.js";
import envRefMissing from "./secrets/env-ref-missing.js";
import ephemeralStorageLimitsMissing from "./resources/ephemeral-storage-limits-missing.js";
import etcdAutoTls from "./control-plane/etcd-auto-tls.js";
import etcdCertFile from "./control-plane/etcd-cert-file.js";
import etcdClientCertAuth from "./control-plane/etcd-client-cert-auth.js";
import etcdPeerAutoTls from "./control-plane/etcd-peer-auto-tls.js";
import etcdPeerCertFile from "./control-plane/etcd-peer-cert-file.js";
import etcdPeerClientCertAuth from "./control-plane/etcd-peer-client-cert-auth.js";
import etcdUniqueCa from "./control-plane/etcd-unique-ca.js";
import gatekeeperRepoPrefixAmbiguous from "./platform/gatekeeper-repo-prefix-ambiguous.js";
import gitSyncInjection from "./images/git-sync-injection.js";
import hostAliases from "./host-access/host-aliases.js";
import hostIpc from "./host-access/host-ipc.js";
import hostNetwork from "./host-access/host-network.js";
import hostPathVolume from "./host-access/host-path-volume.js";
import hostPid from "./host-access/host-pid.js";
import hostPort from "./host-access/host-port.js";
import hostUsersNotIsolated from "./pod-security/host-users-not-isolated.js";
import hpaMinReplicas from "./availability/hpa-min-replicas.js";
import hpaWithStaticReplicas from "./availability/hpa-with-static-replicas.js";
import imageLatestTag from "./images/image-latest-tag.js";
import imageNotPinnedByDigest from "./images/image-not-pinned-by-digest.js";
import imagePullPolicyNotAlways from "./images/image-pull-policy-not-always.js";
import imageRegistryNotAllowed from "./images/image-registry-not-allowed.js";
import imageRootUserUnguarded from "./images/image-root-user-unguarded.js";
import ingressHostWildcardOrEmpty from "./exposure/ingress-host-wildcard-or-empty.js";
import ingressNginxEol from "./images/ingress-nginx-eol.js";
import ingressNginxSnippetAnnotations from "./exposure/ingress-nginx-snippet-annotations.js";
import ingressTlsMissing from "./exposure/ingress-tls-missing.js";
import invalidPortNames from "./integrity/invalid-port-names.js";
import jobHygiene from "./availability/job-hygiene.js";
import kubeProxyMetricsBindAddress from "./control-plane/kube-proxy-metrics-bind-address.js";
import kubeSystemUserWorkload from "./namespaces/kube-system-user-workload.js";
import kubeletAnonymousAuth from "./control-plane/kubelet-anonymous-auth.js";
import kubeletAuthorizationAlwaysAllow from "./control-plane/kubelet-authorization-always-allow.js";
import kubeletClientCaFile from "./control-plane/kubelet-client-ca-file.js";
import kubeletEventQps from "./control-plane/kubelet-event-qps.js";
import kubeletHostnameOverride from "./control-plane/kubelet-hostname-override.js";
import kubeletMakeIptablesUtilChains from "./control-plane/kubelet-make-iptables-util-chains.js";
import kubeletPodPidsLimit from "./control-plane/kubelet-pod-pids-limit.js";
import kubeletProtectKernelDefaults from "./control-plane/kubelet-protect-kernel-defaults.js";
import kubeletReadOnlyPort from "./control-plane/kubelet-read-only-port.js";
import kubeletRotateCertificates from "./control-plane/kubelet-rotate-certificates.js";
import kubeletRotateServerCertificate from "./control-plane/kubelet-rotate-server-certificate.js";
import kubeletStreamingConnectionIdleTimeout from "./control-plane/kubelet-streaming-connection-idle-timeout.js";
import kubeletTlsCert from "./control-plane/kubelet-tls-cert.js";
import kubeletTlsCipherSuites from "./control-plane/kubelet-tls-cipher-suites.js";
import kubernetesDashboardDeployed from "./exposure/kubernetes-dashboard-deployed.js";
import legacySaTokenSecret from "./service-accounts/legacy-sa-token-secret.js";
import linuxHardeningMissing from "./pod-security/linux-hardening-missing.js";
import livenessProbeMissing from "./probes/liveness-probe-missing.js";
import memoryLimitsMissing from "./resources/memory-limits-missing.js";
import memoryRequestsMissing from "./resources/memory-requests-missing.js";
import mismatchingSelector from "./integrity/mismatching-selector.js";
import mountPropagationBidirectional from "./host-access/mount-propagation-bidirectional.js";
import nakedPod from "./availability/naked-pod.js";
import namespaceLimitrangeMissing from "./resources/namespace-limitrange-missing.js";
import namespacePssLabelMissing from "./namespaces/namespace-pss-label-missing.js";
import namespaceResourcequotaMissing from "./resources/namespace-resourcequota-missing.js";
import namespaceWithoutNetworkpolicy from "./network-policy/namespace-without-networkpolicy.js";
import networkpolicySelectorUsage from "./network-policy/networkpolicy-selector-usage.js";
import networkpolicySelectsNothing from "./network-policy/networkpolicy-selects-nothing.js";
import nodeAffinityMissing from "./availability/node-affinity-missing.js";
import nonExistentServiceAccount from "./service-accounts/non-existent-service-account.js";
import pdbBlocksDisruption from "./availability/pdb-blocks-disruption.js";
import pdbMissing from "./availability/pdb-missing.js";
import pdbUnhealthyEvictionPolicy from "./availability/pdb-unhealthy-eviction-policy.js";
import podNotCoveredByNetworkpolicy from "./network-policy/pod-not-covered-by-networkpolicy.js";
import priorityClassMissing from "./availability/priority-class-missing.js";
import privilegedContainer from "./pod-security/privileged-container.js";
import privilegedPort from "./exposure/privileged-port.js";
import probeOrLifecycleHostField from "./pod-security/probe-or-lifecycle-host-field.js";
import probePortNotExposed from "./probes/probe-port-not-exposed.js";
import probesIdentical from "./probes/probes-identical.js";
import procMountUnmasked from "./pod-security/proc-mount-unmasked.js";
import pspPermissive from "./platform/psp-permissive.js";
import pssNamespaceWouldReject from "./namespaces/pss-namespace-would-reject.js";
import pvWithoutEncryption from "./platform/pv-without-encryption.js";
import pvcTemplateHygiene from "./host-access/pvc-template-hygiene.js";
import rbacAdmissionWebhookConfig from "./rbac/rbac-admission-webhook-config.js";
import rbacCreatePersistentVolumes from "./rbac/rbac-create-persistent-volumes.js";
import rbacCreateSaToken from "./rbac/rbac-create-sa-token.js";
import rbacCreateWorkloads from "./rbac/rbac-create-workloads.js";
import rbacCsrApproval from "./rbac/rbac-csr-approval.js";
import rbacDeleteResources from "./rbac/rbac-delete-resources.js";
import rbacEscalateBindImpersonate from "./rbac/rbac-escalate-bind-impersonate.js";
import rbacManageConfigmaps from "./rbac/rbac-manage-configmaps.js";
import rbacManageNetworking from "./rbac/rbac-manage-networking.js";
import rbacNodesProxy from "./rbac/rbac-nodes-proxy.js";
import rbacPodExecAttach from "./rbac/rbac-pod-exec-attach.js";
import rbacPortForward from "./rbac/rbac-port-forward.js";
import rbacSecretsAccess from "./rbac/rbac-secrets-access.js";
import rbacWildcard from "./rbac/rbac-wildcard.js";
import readOnlyRootFilesystem from "./pod-security/read-only-root-filesystem.js";
import readinessProbeMissing from "./probes/readiness-probe-missing.js";
import requestsEqualLimits from "./resources/requests-equal-limits.js";
import requiredLabelsAnnotations from "./namespaces/required-labels-annotations.js";
import restrictedVolumeTypes from "./host-access/restricted-volume-types.js";
import rollingUpdateStrategy from "./availability/rolling-update-strategy.js";
import runAsHighGid from "./pod-security/run-as-high-gid.js";
import runAsHighUid from "./pod-security/run-as-high-uid.js";
import runAsNonRoot from "./pod-security/run-as-non-root.js";
import runAsRootGroup from "./pod-security/run-as-root-group.js";
import runAsRootUser from "./pod-security/run-as-root-user.js";
import sccAllowsPrivileged from "./platform/scc-allows-privileged.js";
import schedulerBindAddress from "./control-plane/scheduler-bind-address.js";
import schedulerProfiling from "./control-plane/scheduler-profiling.js";
import schemaInvalid from "./integrity/schema-invalid.js";
import seccompProfileMissing from "./pod-security/seccomp-profile-missing.js";
import seccompUnconfined from "./pod-security/seccomp-unconfined.js";
import secretInConfigmap from "./secrets/secret-in-configmap.js";
import secretLiteralInEnv from "./secrets/secret-literal-in-env.js";
import secretViaEnvSecretkeyref from "./secrets/secret-via-env-secretkeyref.js";
import securityContextMissing from "./pod-security/security-context-missing.js";
import selinuxCustomOptions from "./pod-security/selinux-custom-options.js";
import sensitiveHostPath from "./host-access/sensitive-host-path.js";
import sensitiveInterfaceExposed from "./exposure/sensitive-interface-exposed.js";
import serviceExternalIps from "./exposure/service-external-ips.js";
import serviceLoadbalancer from "./exposure/service-loadbalancer.js";
import serviceNodeport from "./exposure/service-nodeport.js";
import singleReplica from "./availability/single-replica.js";
import sshPortExposed from "./exposure/ssh-port-exposed.js";
import statefulsetServiceName from "./integrity/statefulset-service-name.js";
import sudoInCommand from "./images/sudo-in-command.js";
import tillerDeployed from "./exposure/tiller-deployed.js";
import topologySpreadMissing from "./availability/topology-spread-missing.js";
import unsafeSysctls from "./pod-security/unsafe-sysctls.js";
import vulnerableComponentVersion from "./images/vulnerable-component-version.js";
import windowsHostProcess from "./pod-security/windows-host-process.js";
import workloadExternallyExposed from "./exposure/workload-externally-exposed.js";
import workloadMountsSecrets from "./secrets/workload-mounts-secrets.js";
import workloadWithPrivilegedRbac from "./rbac/workload-with-privileged-rbac.js";
import writableHostPath from "./host-access/writable-host-path.js";
import yamlSortedKeys from "./integrity/yaml-sorted-keys.js";

export const RULE_MODULES: readonly RuleModule[] = [
  admissionWebhookInventory,
  agentSandboxHardening,
  allowPrivilegeEscalation,
  antiAffinityMissing,
  apiserverAlwaysAdmit,
  apiserverAlwaysPullImages,
  apiserverAnonymousAuth,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverAuditLogPath,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNode,
  apiserverAuthorizationRbac,
  apiserverBasicAuthFile,
  apiserverClientCaFile,
  apiserverDenyServiceExternalIps,
  apiserverEncryptionProviderConfig,
  apiserverEtcdCafile,
  apiserverEtcdClientCert,
  apiserverEventRateLimit,
  apiserverImagePolicyWebhook,
  apiserverInsecureBindAddress,
  apiserverInsecurePort,
  apiserverKubeletCertificateAuthority,
  apiserverKubeletClientCert,
  apiserverKubeletHttps,
  apiserverNamespaceLifecycle,
  apiserverNodeRestriction,
  apiserverPodSecurityPolicyPlugin,
  apiserverProfiling,
  apiserverRequestTimeout,
  apiserverSecurePort,
  apiserverSecurityContextDeny,
  apiserverServiceAccountExtendTokenExpiration,
  apiserverServiceAccountKeyFile,
  apiserverServiceAccountLookup,
  apiserverServiceAccountPlugin,
  apiserverTlsCert,
  apiserverTlsCipherSuites,
  apiserverTokenAuthFile,
  apparmorUnconfined,
  automountServiceAccountToken,
  bindingToAnonymous,
  bindingToSystemAuthenticated,
  bindingToSystemMasters,
  breakGlassAnnotation,
  capNetRawAdded,
  capSysAdmin,
  capabilitiesAddedBeyondBaseline,
  cloudCredentialsMount,
  clusterAdminBinding,
  containerRuntimeSocketMount,
  controllerManagerBindAddress,
  controllerManagerProfiling,
  controllerManagerRootCaFile,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerServiceAccountPrivateKeyFile,
  controllerManagerTerminatedPodGcThreshold,
  controllerManagerUseServiceAccountCredentials,
  cpuLimitsMissing,
  cpuRequestsMissing,
  dangerousCapabilities,
  danglingHpa,
  danglingIngressBackend,
  danglingService,
  danglingServicemonitor,
  defaultNamespace,
  defaultServiceAccount,
  deprecatedApiVersion,
  deprecatedK8sImageRegistry,
  deprecatedServiceAccountField,
  dnsConfigNdots,
  dockerAddInsteadOfCopy,
  dockerAptPinVersions,
  dockerAptUseAptGet,
  dockerChpasswd,
  dockerConsecutiveRun,
  dockerCopyEntireFs,
  dockerCopyFromSelf,
  dockerCopyFromUndefined,
  dockerCopyMultiArgsSlash,
  dockerCopyRelativeNoWorkdir,
  dockerCurlPipeShell,
  dockerDistUpgrade,
  dockerDuplicateStageAlias,
  dockerEnvSelfReference,
  dockerExposePortRange,
  dockerExposeSsh,
  dockerFromPlatform,
  dockerHealthcheckMissing,
  dockerInlineIgnoreUsed,
  dockerInsecureCmd,
  dockerInstructionOrder,
  dockerJsonCmd,
  dockerLabels,
  dockerLatestTag,
  dockerMaintainerDeprecated,
  dockerMultipleCmd,
  dockerMultipleEntrypoint,
  dockerMultipleHealthcheck,
  dockerNoInstallRecommends,
  dockerNonNumericUser,
  dockerNoninteractiveInstall,
  dockerOnbuildMisuse,
  dockerPackageCacheNotCleaned,
  dockerPipefail,
  dockerPkgPinVersions,
  dockerPointlessCommands,
  dockerReservedStageName,
  dockerRunCd,
  dockerSecretInEnvArg,
  dockerShellInstruction,
  dockerSudo,
  dockerTlsVerificationDisabled,
  dockerUnsignedPackages,
  dockerUntrustedRegistry,
  dockerUpdateAlone,
  dockerUserRoot,
  dockerUseraddWithoutL,
  dockerWgetAndCurl,
  dockerWgetProgress,
  dockerWorkdirRelative,
  dockerWorkdirSystemDir,
  dropAllCapabilities,
  dropAnyCapability,
  dropNetRaw,
  duplicateEnvVar,
  envRefMissing,
  ephemeralStorageLimitsMissing,
  etcdAutoTls,
  etcdCertFile,
  etcdClientCertAuth,
  etcdPeerAutoTls,
  etcdPeerCertFile,
  etcdPeerClientCertAuth,
  etcdUniqueCa,
  gatekeeperRepoPrefixAmbiguous,
  gitSyncInjection,
  hostAliases,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  hostUsersNotIsolated,
  hpaMinReplicas,
  hpaWithStaticReplicas,
  imageLatestTag,
  imageNotPinnedByDigest,
  imagePullPolicyNotAlways,
  imageRegistryNotAllowed,
  imageRootUserUnguarded,
  ingressHostWildcardOrEmpty,
  ingressNginxEol,
  ingressNginxSnippetAnnotations,
  ingressTlsMissing,
  invalidPortNames,
  jobHygiene,
  kubeProxyMetricsBindAddress,
  kubeSystemUserWorkload,
  kubeletAnonymousAuth,
  kubeletAuthorizationAlwaysAllow,
  kubeletClientCaFile,
  kubeletEventQps,
  kubeletHostnameOverride,
  kubeletMakeIptablesUtilChains,
  kubeletPodPidsLimit,
  kubeletProtectKernelDefaults,
  kubeletReadOnlyPort,
  kubeletRotateCertificates,
  kubeletRotateServerCertificate,
  kubeletStreamingConnectionIdleTimeout,
  kubeletTlsCert,
  kubeletTlsCipherSuites,
  kubernetesDashboardDeployed,
  legacySaTokenSecret,
  linuxHardeningMissing,
  livenessProbeMissing,
  memoryLimitsMissing,
  memoryRequestsMissing,
  mismatchingSelector,
  mountPropagationBidirectional,
  nakedPod,
  namespaceLimitrangeMissing,
  namespacePssLabelMissing,
  namespaceResourcequotaMissing,
  namespaceWithoutNetworkpolicy,
  networkpolicySelectorUsage,
  networkpolicySelectsNothing,
  nodeAffinityMissing,
  nonExistentServiceAccount,
  pdbBlocksDisruption,
  pdbMissing,
  pdbUnhealthyEvictionPolicy,
  podNotCoveredByNetworkpolicy,
  priorityClassMissing,
  privilegedContainer,
  privilegedPort,
  probeOrLifecycleHostField,
  probePortNotExposed,
  probesIdentical,
  procMountUnmasked,
  pspPermissive,
  pssNamespaceWouldReject,
  pvWithoutEncryption,
  pvcTemplateHygiene,
  rbacAdmissionWebhookConfig,
  rbacCreatePersistentVolumes,
  rbacCreateSaToken,
  rbacCreateWorkloads,
  rbacCsrApproval,
  rbacDeleteResources,
  rbacEscalateBindImpersonate,
  rbacManageConfigmaps,
  rbacManageNetworking,
  rbacNodesProxy,
  rbacPodExecAttach,
  rbacPortForward,
  rbacSecretsAccess,
  rbacWildcard,
  readOnlyRootFilesystem,
  readinessProbeMissing,
  requestsEqualLimits,
  requiredLabelsAnnotations,
  restrictedVolumeTypes,
  rollingUpdateStrategy,
  runAsHighGid,
  runAsHighUid,
  runAsNonRoot,
  runAsRootGroup,
  runAsRootUser,
  sccAllowsPrivileged,
  schedulerBindAddress,
  schedulerProfiling,
  schemaInvalid,
  seccompProfileMissing,
  seccompUnconfined,
  secretInConfigmap,
  secretLiteralInEnv,
  secretViaEnvSecretkeyref,
  securityContextMissing,
  selinuxCustomOptions,
  sensitiveHostPath,
  sensitiveInterfaceExposed,
  serviceExternalIps,
  serviceLoadbalancer,
  serviceNodeport,
  singleReplica,
  sshPortExposed,
  statefulsetServiceName,
  sudoInCommand,
  tillerDeployed,
  topologySpreadMissing,
  unsafeSysctls,
  vulnerableComponentVersion,
  windowsHostProcess,
  workloadExternallyExposed,
  workloadMountsSecrets,
  workloadWithPrivilegedRbac,
  writableHostPath,
  yamlSortedKeys,
];
