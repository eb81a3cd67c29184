import { defineRule } from "../../engine/rule-types.js";
import { forbidFlag, parseIntValue } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// No CIS number in v1.12. --secure-port defaults to 6443; 0 turned off HTTPS serving. Since Kubernetes 1.20 the API
// server refuses 0; an explicit 0 is still reported, as the manifest was written for a version where it worked.
export default defineRule({
  id: "apiserver-secure-port",
  title: "API server's HTTPS port is turned off",
  rationale:
    "--secure-port=0 turns off the API server's authenticated, encrypted endpoint. The only way left to reach the API is " +
    "the old insecure HTTP port (before Kubernetes 1.20), which has no authentication or authorization at all.",
  attack: "Clients and components talk to the API over plain HTTP without credentials; anyone who reaches that port, or watches the traffic, controls the cluster.",
  remediation: "Remove `--secure-port=0` from the kube-apiserver command (the default port is 6443), give it a serving certificate and move clients to HTTPS.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--secure-port=0"]),
    secure: staticPodYaml("kube-apiserver", ["--secure-port=6443"]),
  },
  messages: {
    off: "kube-apiserver in container '{{container}}' sets --secure-port={{value}}, turning off its authenticated HTTPS endpoint",
  },
  check(ctx) {
    forbidFlag(ctx, { component: "kube-apiserver", flag: "secure-port", messageId: "off", bad: (f) => parseIntValue(f.value) === 0 });
  },
});
