import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { type YamlPath, isObject } from "../../model/types.js";
import { truthy } from "../../model/values.js";
import type { ContainerView } from "../../model/workload.js";

// Pod Security Admission, baseline control `windowsHostProcess` (policy/check_windowsHostProcess.go), all policy
// versions: securityContext.windowsOptions.hostProcess must be unset or false, in the pod-level securityContext and in
// every container, init container and ephemeral container, each checked on its own. It applies whatever spec.os says.

const FIX_NOTE =
  "HostProcess containers exist to manage Windows nodes (CNI, storage and monitoring agents); such a workload stops working " +
  "as an ordinary container. Kubernetes also requires the pod and all its containers to agree on hostProcess and a " +
  "HostProcess pod to use hostNetwork: change them together.";

export default defineRule({
  id: "windows-host-process",
  title: "Windows HostProcess container",
  rationale:
    "A Windows HostProcess container is not isolated from the node at all: it runs as a process directly on the Windows host, " +
    "in the host's network, with access to the host's file system and, usually, as SYSTEM or an administrator account. It is " +
    "the Windows counterpart of a privileged Linux container.",
  attack:
    "Anyone who controls the image or gets code execution in a HostProcess container controls the Windows node: they read the " +
    "kubelet's credentials and other pods' secrets, install persistence and move on to the rest of the cluster.",
  remediation:
    "Remove `windowsOptions.hostProcess: true` from the pod and its containers. Node-management agents that truly need it " +
    "should run in a dedicated, tightly controlled namespace with an explicit exemption.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  os:
    name: windows
  hostNetwork: true
  securityContext:
    windowsOptions:
      hostProcess: true
      runAsUserName: "NT AUTHORITY\\\\SYSTEM"
  containers:
    - name: agent
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  os:
    name: windows
  containers:
    - name: agent
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
  },
  messages: {
    pod: "The pod sets windowsOptions.hostProcess to true, so its containers run directly on the Windows node",
    container: "Container '{{container}}' sets windowsOptions.hostProcess to true and runs directly on the Windows node",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const check = (options: unknown, path: YamlPath, c: ContainerView | undefined): void => {
      if (!isObject(options) || !truthy(options.hostProcess)) return;
      const hp = [...path, "hostProcess"];
      ctx.report({
        messageId: c ? "container" : "pod",
        data: c ? { container: c.name } : {},
        path: hp,
        container: c,
        fix: fixes.set(hp, false, { description: "Set hostProcess to false", safety: "unsafe", note: FIX_NOTE }),
      });
    };
    check(w.podSecurityContext.windowsOptions, [...w.podSecurityContextPath, "windowsOptions"], undefined);
    for (const c of w.containers) {
      const s = c.effective("windowsOptions");
      // A value inherited from the pod was checked once, above.
      if (s.from === "container") check(s.value, s.path, c);
    }
  },
});
