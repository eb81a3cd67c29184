import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// Pod Security Admission, baseline control `sysctls` (policy/check_sysctls.go): every entry of the pod-level
// spec.securityContext.sysctls (the only place sysctls can be set) must name a sysctl of the safe list, compared
// exactly. The list grew with the policy version:
//   1.0  kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start,
//        net.ipv4.tcp_syncookies, net.ipv4.ping_group_range
//   1.27 + net.ipv4.ip_local_reserved_ports
//   1.29 + net.ipv4.tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl, tcp_keepalive_probes
//   1.32 + net.ipv4.tcp_rmem, net.ipv4.tcp_wmem
//   1.37 + net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat
// The `safeSysctls` parameter holds the newest list; the names PSA added after the target cluster's version are taken
// out of it (names a user adds are kept). An empty `safeSysctls` means "not configured": the rule reports nothing.
// No fix is offered: removing a sysctl changes the workload's behaviour in ways only its owner can judge.

const SAFE_SINCE: Readonly<Record<string, number>> = {
  "net.ipv4.ip_local_reserved_ports": 27,
  "net.ipv4.tcp_keepalive_time": 29,
  "net.ipv4.tcp_fin_timeout": 29,
  "net.ipv4.tcp_keepalive_intvl": 29,
  "net.ipv4.tcp_keepalive_probes": 29,
  "net.ipv4.tcp_rmem": 32,
  "net.ipv4.tcp_wmem": 32,
  "net.ipv4.tcp_slow_start_after_idle": 37,
  "net.ipv4.tcp_notsent_lowat": 37,
};

export default defineRule({
  id: "unsafe-sysctls",
  title: "Unsafe sysctls",
  rationale:
    "Sysctls are kernel settings. A few of them are namespaced, so that a pod changing them affects only itself; Kubernetes " +
    "lists those as safe. Any other sysctl is either shared by the whole node or can exhaust resources that other pods depend " +
    "on, so setting it from a pod changes the kernel behaviour for every workload on the node (and the kubelet refuses it " +
    "unless an administrator allowed it with --allowed-unsafe-sysctls).",
  attack:
    "A pod that may set arbitrary sysctls can weaken kernel protections (for example `kernel.*` or `net.*` settings that are " +
    "not isolated per pod), exhaust shared kernel resources to starve other pods, or prepare the ground for a node compromise.",
  remediation:
    "Remove the sysctl from `spec.securityContext.sysctls`, or use only the safe ones (e.g. `net.ipv4.ip_local_port_range`, " +
    "`net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_keepalive_time`). If a node-wide setting is really needed, set it on " +
    "the nodes (node configuration or a reviewed node-tuning DaemonSet) instead of in application pods.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: "65536"
  containers:
    - name: web
      image: nginx:1.27
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_unprivileged_port_start
        value: "80"
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  messages: {
    unsafe: "The pod sets sysctl {{name}}, which is not in the safe set; it can affect the whole node",
    notYetSafe: "The pod sets sysctl {{name}}, which Pod Security Admission treats as safe only from Kubernetes 1.{{since}} (target: {{version}})",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    const configured = ctx.params.strings("safeSysctls");
    if (configured.length === 0) return;
    const safe = new Set(configured.filter((n) => ctx.kubeVersion.atLeast(SAFE_SINCE[n] ?? 0)));
    asArray(w.podSecurityContext.sysctls).forEach((entry, i) => {
      if (!isObject(entry)) return;
      const name = entry.name === undefined || entry.name === null ? "" : String(entry.name);
      if (safe.has(name)) return;
      const since = SAFE_SINCE[name];
      const tooNew = since !== undefined && configured.includes(name);
      ctx.report({
        messageId: tooNew ? "notYetSafe" : "unsafe",
        data: { name: JSON.stringify(name), since: since ?? "", version: ctx.kubeVersion.toString() },
        path: [...w.podSecurityContextPath, "sysctls", i, ...(name === "" ? [] : ["name"])],
      });
    });
  },
});
