// The registry of rule modules: an explicit list, sorted by id (scripts/gen-rule-index.mjs writes it).
// A test checks it against the files in these folders and against the catalogue.
import type { RuleModule } from "../engine/rule-types.js";
import allowPrivilegeEscalation from "./pod-security/allow-privilege-escalation.js";
import apparmorUnconfined from "./pod-security/apparmor-unconfined.js";
import capNetRawAdded from "./capabilities/cap-net-raw-added.js";
import capSysAdmin from "./capabilities/cap-sys-admin.js";
import capabilitiesAddedBeyondBaseline from "./capabilities/capabilities-added-beyond-baseline.js";
import containerRuntimeSocketMount from "./host-access/container-runtime-socket-mount.js";
import dangerousCapabilities from "./capabilities/dangerous-capabilities.js";
import dropAllCapabilities from "./capabilities/drop-all-capabilities.js";
import hostIpc from "./host-access/host-ipc.js";
import hostNetwork from "./host-access/host-network.js";
import hostPathVolume from "./host-access/host-path-volume.js";
import hostPid from "./host-access/host-pid.js";
import hostPort from "./host-access/host-port.js";
import privilegedContainer from "./pod-security/privileged-container.js";
import probeOrLifecycleHostField from "./pod-security/probe-or-lifecycle-host-field.js";
import procMountUnmasked from "./pod-security/proc-mount-unmasked.js";
import restrictedVolumeTypes from "./host-access/restricted-volume-types.js";
import runAsNonRoot from "./pod-security/run-as-non-root.js";
import runAsRootUser from "./pod-security/run-as-root-user.js";
import seccompProfileMissing from "./pod-security/seccomp-profile-missing.js";
import seccompUnconfined from "./pod-security/seccomp-unconfined.js";
import selinuxCustomOptions from "./pod-security/selinux-custom-options.js";
import sensitiveHostPath from "./host-access/sensitive-host-path.js";
import unsafeSysctls from "./pod-security/unsafe-sysctls.js";
import windowsHostProcess from "./pod-security/windows-host-process.js";
import writableHostPath from "./host-access/writable-host-path.js";

export const RULE_MODULES: readonly RuleModule[] = [
  allowPrivilegeEscalation,
  apparmorUnconfined,
  capNetRawAdded,
  capSysAdmin,
  capabilitiesAddedBeyondBaseline,
  containerRuntimeSocketMount,
  dangerousCapabilities,
  dropAllCapabilities,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  privilegedContainer,
  probeOrLifecycleHostField,
  procMountUnmasked,
  restrictedVolumeTypes,
  runAsNonRoot,
  runAsRootUser,
  seccompProfileMissing,
  seccompUnconfined,
  selinuxCustomOptions,
  sensitiveHostPath,
  unsafeSysctls,
  windowsHostProcess,
  writableHostPath,
];
