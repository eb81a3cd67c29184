// The registry of rule modules: an explicit list, sorted by id (scripts/gen-rule-index.mjs writes it).
// A test checks it against the files in these folders and against the catalogue.
import type { RuleModule } from "../engine/rule-types.js";
import allowPrivilegeEscalation from "./pod-security/allow-privilege-escalation.js";
import apparmorUnconfined from "./pod-security/apparmor-unconfined.js";
import breakGlassAnnotation from "./namespaces/break-glass-annotation.js";
import capNetRawAdded from "./capabilities/cap-net-raw-added.js";
import capSysAdmin from "./capabilities/cap-sys-admin.js";
import capabilitiesAddedBeyondBaseline from "./capabilities/capabilities-added-beyond-baseline.js";
import cloudCredentialsMount from "./host-access/cloud-credentials-mount.js";
import containerRuntimeSocketMount from "./host-access/container-runtime-socket-mount.js";
import dangerousCapabilities from "./capabilities/dangerous-capabilities.js";
import defaultNamespace from "./namespaces/default-namespace.js";
import dropAllCapabilities from "./capabilities/drop-all-capabilities.js";
import dropAnyCapability from "./capabilities/drop-any-capability.js";
import dropNetRaw from "./capabilities/drop-net-raw.js";
import hostAliases from "./host-access/host-aliases.js";
import hostIpc from "./host-access/host-ipc.js";
import hostNetwork from "./host-access/host-network.js";
import hostPathVolume from "./host-access/host-path-volume.js";
import hostPid from "./host-access/host-pid.js";
import hostPort from "./host-access/host-port.js";
import hostUsersNotIsolated from "./pod-security/host-users-not-isolated.js";
import kubeSystemUserWorkload from "./namespaces/kube-system-user-workload.js";
import linuxHardeningMissing from "./pod-security/linux-hardening-missing.js";
import mountPropagationBidirectional from "./host-access/mount-propagation-bidirectional.js";
import namespacePssLabelMissing from "./namespaces/namespace-pss-label-missing.js";
import privilegedContainer from "./pod-security/privileged-container.js";
import probeOrLifecycleHostField from "./pod-security/probe-or-lifecycle-host-field.js";
import procMountUnmasked from "./pod-security/proc-mount-unmasked.js";
import pssNamespaceWouldReject from "./namespaces/pss-namespace-would-reject.js";
import pvcTemplateHygiene from "./host-access/pvc-template-hygiene.js";
import readOnlyRootFilesystem from "./pod-security/read-only-root-filesystem.js";
import requiredLabelsAnnotations from "./namespaces/required-labels-annotations.js";
import restrictedVolumeTypes from "./host-access/restricted-volume-types.js";
import runAsHighGid from "./pod-security/run-as-high-gid.js";
import runAsHighUid from "./pod-security/run-as-high-uid.js";
import runAsNonRoot from "./pod-security/run-as-non-root.js";
import runAsRootGroup from "./pod-security/run-as-root-group.js";
import runAsRootUser from "./pod-security/run-as-root-user.js";
import seccompProfileMissing from "./pod-security/seccomp-profile-missing.js";
import seccompUnconfined from "./pod-security/seccomp-unconfined.js";
import securityContextMissing from "./pod-security/security-context-missing.js";
import selinuxCustomOptions from "./pod-security/selinux-custom-options.js";
import sensitiveHostPath from "./host-access/sensitive-host-path.js";
import unsafeSysctls from "./pod-security/unsafe-sysctls.js";
import windowsHostProcess from "./pod-security/windows-host-process.js";
import writableHostPath from "./host-access/writable-host-path.js";

export const RULE_MODULES: readonly RuleModule[] = [
  allowPrivilegeEscalation,
  apparmorUnconfined,
  breakGlassAnnotation,
  capNetRawAdded,
  capSysAdmin,
  capabilitiesAddedBeyondBaseline,
  cloudCredentialsMount,
  containerRuntimeSocketMount,
  dangerousCapabilities,
  defaultNamespace,
  dropAllCapabilities,
  dropAnyCapability,
  dropNetRaw,
  hostAliases,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  hostUsersNotIsolated,
  kubeSystemUserWorkload,
  linuxHardeningMissing,
  mountPropagationBidirectional,
  namespacePssLabelMissing,
  privilegedContainer,
  probeOrLifecycleHostField,
  procMountUnmasked,
  pssNamespaceWouldReject,
  pvcTemplateHygiene,
  readOnlyRootFilesystem,
  requiredLabelsAnnotations,
  restrictedVolumeTypes,
  runAsHighGid,
  runAsHighUid,
  runAsNonRoot,
  runAsRootGroup,
  runAsRootUser,
  seccompProfileMissing,
  seccompUnconfined,
  securityContextMissing,
  selinuxCustomOptions,
  sensitiveHostPath,
  unsafeSysctls,
  windowsHostProcess,
  writableHostPath,
];
