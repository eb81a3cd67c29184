import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// --kubelet-https (default true) was removed in Kubernetes 1.22 (later API servers refuse to start with it); an
// explicit false is reported whatever the target version, as the manifest was written for a cluster that runs it.
export default defineRule({
  id: "apiserver-kubelet-https",
  title: "API server talks to kubelets over plain HTTP",
  rationale:
    "The API server connects to every kubelet to stream logs, run `kubectl exec` and port-forward. With --kubelet-https=false " +
    "(possible up to Kubernetes 1.21) those connections are unencrypted HTTP.",
  attack:
    "Anyone on the network path between the control plane and the nodes reads the logs and exec sessions that go through " +
    "it, or injects commands into them.",
  remediation: "Remove `--kubelet-https=false` from the kube-apiserver command (the flag no longer exists from Kubernetes 1.22).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--kubelet-https=false"]),
    secure: staticPodYaml("kube-apiserver", ["--kubelet-https=true"]),
  },
  messages: {
    value: "kube-apiserver in container '{{container}}' sets --kubelet-https={{value}}, so connections to kubelets are not encrypted",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-apiserver", flag: "kubelet-https", want: true, defaultValue: true, value: "value",
      fix: { description: "Set --kubelet-https=true", safety: "safe", note: "Kubelets always serve HTTPS; only the plain connection goes away." },
    });
  },
});
