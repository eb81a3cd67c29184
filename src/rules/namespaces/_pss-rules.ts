// The Pod Security Standards rules that pss-namespace-would-reject evaluates, one per Pod Security Admission control
// (a control split over several rules, such as hostNamespaces, lists each part). The finer, higher-severity variants
// of a control (sensitive-host-path, cap-sys-admin, …) report subsets of their base rule's findings and are left out:
// they would add nothing to "is this control violated?". A test checks this list against the catalogue.
import type { RuleModule } from "../../engine/rule-types.js";
import capabilitiesAddedBeyondBaseline from "../capabilities/capabilities-added-beyond-baseline.js";
import dropAllCapabilities from "../capabilities/drop-all-capabilities.js";
import hostIpc from "../host-access/host-ipc.js";
import hostNetwork from "../host-access/host-network.js";
import hostPathVolume from "../host-access/host-path-volume.js";
import hostPid from "../host-access/host-pid.js";
import hostPort from "../host-access/host-port.js";
import restrictedVolumeTypes from "../host-access/restricted-volume-types.js";
import allowPrivilegeEscalation from "../pod-security/allow-privilege-escalation.js";
import apparmorUnconfined from "../pod-security/apparmor-unconfined.js";
import privilegedContainer from "../pod-security/privileged-container.js";
import probeOrLifecycleHostField from "../pod-security/probe-or-lifecycle-host-field.js";
import procMountUnmasked from "../pod-security/proc-mount-unmasked.js";
import runAsNonRoot from "../pod-security/run-as-non-root.js";
import runAsRootUser from "../pod-security/run-as-root-user.js";
import seccompProfileMissing from "../pod-security/seccomp-profile-missing.js";
import seccompUnconfined from "../pod-security/seccomp-unconfined.js";
import selinuxCustomOptions from "../pod-security/selinux-custom-options.js";
import unsafeSysctls from "../pod-security/unsafe-sysctls.js";
import windowsHostProcess from "../pod-security/windows-host-process.js";

/** In the order Pod Security Admission lists its checks: baseline first, then restricted. */
export const PSS_RULE_MODULES: readonly RuleModule[] = [
  hostNetwork,
  hostPid,
  hostIpc,
  privilegedContainer,
  capabilitiesAddedBeyondBaseline,
  hostPathVolume,
  hostPort,
  apparmorUnconfined,
  selinuxCustomOptions,
  procMountUnmasked,
  seccompUnconfined,
  unsafeSysctls,
  windowsHostProcess,
  probeOrLifecycleHostField,
  restrictedVolumeTypes,
  allowPrivilegeEscalation,
  runAsNonRoot,
  runAsRootUser,
  seccompProfileMissing,
  dropAllCapabilities,
];

/** Finer variants of a control, left out on purpose (see above). */
export const PSS_FINER_VARIANTS: readonly string[] = [
  "sensitive-host-path", "container-runtime-socket-mount", "writable-host-path",
  "cap-sys-admin", "dangerous-capabilities", "cap-net-raw-added",
];
