import { defineRule } from "../../engine/rule-types.js";
import { flag, forbidFlag, isLoopback, parseIntValue } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// No CIS number in v1.12 (the insecure port is gone). --insecure-bind-address chose where the unauthenticated HTTP
// port (--insecure-port, 8080 by default until 1.20) listened; the default 127.0.0.1 kept it on the node. Reported:
// a non-loopback address while --insecure-port is not 0. Loopback addresses equal the default and are not reported.
export default defineRule({
  id: "apiserver-insecure-bind-address",
  title: "API server's insecure port listens on the network",
  rationale:
    "Old API servers (before Kubernetes 1.20) had an HTTP port without authentication or authorization: every request on " +
    "it acted as a cluster administrator. --insecure-bind-address moves it from the node's loopback interface to a network address.",
  attack: "Anyone who can reach the address takes over the cluster with plain curl requests: read every Secret, create privileged pods, add themselves as administrator.",
  remediation: "Remove `--insecure-bind-address` from the kube-apiserver command and set `--insecure-port=0` (Kubernetes 1.20+ has no insecure port at all).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--insecure-bind-address=0.0.0.0"]),
    secure: staticPodYaml("kube-apiserver", ["--insecure-port=0"]),
  },
  messages: {
    set: "kube-apiserver in container '{{container}}' sets --insecure-bind-address={{value}}, exposing its unauthenticated HTTP port to the network",
  },
  check(ctx) {
    forbidFlag(ctx, {
      component: "kube-apiserver", flag: "insecure-bind-address", messageId: "set",
      bad: (f, inv) => {
        const port = flag(inv, "insecure-port");
        return !isLoopback(f.value) && !(port !== undefined && port.known && parseIntValue(port.value) === 0);
      },
      fix: { description: "Remove --insecure-bind-address", safety: "unsafe", note: "Clients that use the insecure port from other hosts stop working; move them to the secure port with credentials." },
    });
  },
});
