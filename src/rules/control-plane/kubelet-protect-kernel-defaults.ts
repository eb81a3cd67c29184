import { defineRule } from "../../engine/rule-types.js";
import { KUBELET, boolOf, kubeletCheck, kubeletConfigYaml } from "./_kubelet.js";

// No CIS number in v1.12 (it was 4.2.6 in older versions). protectKernelDefaults defaults to false everywhere.
export default defineRule({
  id: "kubelet-protect-kernel-defaults",
  title: "Kubelet changes kernel settings silently",
  rationale:
    "The kubelet expects some kernel parameters (vm.overcommit_memory, kernel.panic, …) to have given values. By default " +
    "it changes them itself when they differ; with protectKernelDefaults: true it refuses to start instead, so that the " +
    "node's kernel tuning stays under the administrators' control and drift is noticed.",
  attack: "Kernel settings hardened by the node's configuration management are quietly changed at every kubelet start, weakening the node without anyone noticing.",
  remediation: "Set the required kernel parameters in the node's sysctl configuration, then set `protectKernelDefaults: true` in the kubelet's configuration file (or `--protect-kernel-defaults=true`).",
  example: {
    insecure: kubeletConfigYaml({ protectKernelDefaults: false }),
    secure: kubeletConfigYaml({ protectKernelDefaults: true }),
  },
  messages: {
    default: "The kubelet ({{where}}) does not set {{setting}} to true (default false), so it changes kernel settings instead of failing",
    off: "The kubelet ({{where}}) sets {{setting}} to {{value}}, so it changes kernel settings instead of failing",
  },
  check(ctx) {
    kubeletCheck(ctx, KUBELET.protectKernelDefaults, (v) => (boolOf(v.value) === true ? undefined : v.explicit ? "off" : "default"));
  },
});
