import { defineRule } from "../../engine/rule-types.js";
import { addFlagFix, flag, invocations, parseIntValue, replaceFlagFix } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// No CIS number in v1.12. Until Kubernetes 1.19 --insecure-port defaulted to 8080 (on 127.0.0.1); from 1.20 it can
// only be 0 and from 1.24 the flag is gone. So: a missing flag is reported only for target versions before 1.20; an
// explicit non-zero port is reported for any version (the manifest was written for a cluster that has the port).
export default defineRule({
  id: "apiserver-insecure-port",
  title: "API server's unauthenticated port is open",
  rationale:
    "Before Kubernetes 1.20 the API server also served plain HTTP on --insecure-port (8080 unless set to 0). Requests on " +
    "that port skip authentication and authorization: each of them acts as a cluster administrator.",
  attack:
    "A process on the node (any pod with host networking, or any local user) or, with a non-loopback bind address, anyone " +
    "on the network sends requests to port 8080 and controls the whole cluster.",
  remediation: "Add `--insecure-port=0` to the kube-apiserver command (clusters on Kubernetes 1.20 or later have no insecure port).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--insecure-port=8080"]),
    secure: staticPodYaml("kube-apiserver", ["--insecure-port=0"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --insecure-port=0; Kubernetes {{version}} opens an unauthenticated port 8080 by default",
    value: "kube-apiserver in container '{{container}}' sets --insecure-port={{value}}, an HTTP port without authentication or authorization",
  },
  check(ctx) {
    const info = { description: "Set --insecure-port=0", safety: "unsafe" as const, note: "Clients that use the insecure port (old scripts, health checks on :8080) stop working; move them to the secure port." };
    for (const inv of invocations(ctx, "kube-apiserver")) {
      const f = flag(inv, "insecure-port");
      const data = { container: inv.container.name, version: ctx.kubeVersion.toString() };
      if (!f) {
        if (ctx.kubeVersion.atLeast(20) || inv.opaque) continue;
        const fix = addFlagFix(inv, "insecure-port", "0", info);
        ctx.report({ messageId: "unset", data: { ...data, value: "" }, path: inv.listPath, container: inv.container, ...(fix ? { fix } : {}) });
        continue;
      }
      const port = f.known ? parseIntValue(f.value) : undefined;
      if (port === undefined || port === 0) continue;
      const fix = replaceFlagFix(f, "0", info);
      ctx.report({ messageId: "value", data: { ...data, value: port }, path: f.path, container: inv.container, ...(fix ? { fix } : {}) });
    }
  },
});
