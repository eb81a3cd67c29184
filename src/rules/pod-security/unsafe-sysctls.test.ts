import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./unsafe-sysctls.js";

const sysctls = (...names: string[]) => ({ securityContext: { sysctls: names.map((name) => ({ name, value: "1" })) } });

ruleTester(rule, {
  valid: [
    { name: "no sysctls", manifest: pod({ containers: [container()] }) },
    { name: "the 1.0 safe set", manifest: pod({ ...sysctls("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range"), containers: [container()] }), kubeVersion: "1.22" },
    { name: "1.32 additions on 1.32", manifest: pod({ ...sysctls("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem", "net.ipv4.tcp_keepalive_time"), containers: [container()] }), kubeVersion: "1.32" },
    { name: "1.37 additions on 1.37", manifest: pod({ ...sysctls("net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"), containers: [container()] }), kubeVersion: "1.37" },
    { name: "a user-added safe sysctl", manifest: pod({ ...sysctls("net.core.somaxconn"), containers: [container()] }), params: { safeSysctls: ["net.core.somaxconn"] } },
    { name: "empty safeSysctls means not configured", manifest: pod({ ...sysctls("kernel.msgmax"), containers: [container()] }), params: { safeSysctls: [] } },
  ],
  invalid: [
    {
      name: "an unsafe sysctl, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: 1024 65535\n    - name: kernel.msgmax\n      value: \"65536\"\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "unsafe", path: "spec.securityContext.sysctls[1].name", line: 10, column: 13 }],
    },
    {
      name: "one finding per unsafe sysctl",
      manifest: pod({ ...sysctls("net.core.somaxconn", "kernel.shm_rmid_forced", "vm.swappiness"), containers: [container()] }),
      errors: [
        { messageId: "unsafe", path: "spec.securityContext.sysctls[0].name" },
        { messageId: "unsafe", path: "spec.securityContext.sysctls[2].name" },
      ],
    },
    {
      name: "names are compared exactly (slash form)",
      manifest: pod({ ...sysctls("net/ipv4/ip_local_port_range"), containers: [container()] }),
      errors: [{ messageId: "unsafe", path: "spec.securityContext.sysctls[0].name" }],
    },
    {
      name: "1.37 additions are not yet safe on the default version (1.35)",
      manifest: pod({ ...sysctls("net.ipv4.tcp_slow_start_after_idle"), containers: [container()] }),
      errors: [{ messageId: "notYetSafe", path: "spec.securityContext.sysctls[0].name" }],
    },
    {
      name: "version-dependent list on an older cluster",
      manifest: pod({ ...sysctls("net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_rmem"), containers: [container()] }),
      kubeVersion: "1.28",
      errors: [
        { messageId: "notYetSafe", path: "spec.securityContext.sysctls[1].name" },
        { messageId: "notYetSafe", path: "spec.securityContext.sysctls[2].name" },
      ],
    },
    {
      name: "an entry without a name",
      manifest: pod({ securityContext: { sysctls: [{ value: "1" }] }, containers: [container()] }),
      errors: [{ messageId: "unsafe", path: "spec.securityContext.sysctls[0]" }],
    },
    {
      name: "Deployment",
      manifest: deployment({ ...sysctls("kernel.msgmax"), containers: [container()] }),
      errors: [{ messageId: "unsafe", path: "spec.template.spec.securityContext.sysctls[0].name" }],
    },
    {
      name: "CronJob",
      manifest: cronJob({ ...sysctls("kernel.sem"), containers: [container()] }),
      errors: [{ messageId: "unsafe", path: "spec.jobTemplate.spec.template.spec.securityContext.sysctls[0].name" }],
    },
  ],
});
