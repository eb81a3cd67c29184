import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_CONTROLLER_MANAGER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./controller-manager-rotate-kubelet-server-certificate.js";

const cm = (flags: readonly string[]) => staticPod("kube-controller-manager", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (gate on by default)", manifest: cm(K) },
    { name: "other gates off", manifest: cm(["--feature-gates=SomethingElse=false"]) },
    { name: "off, then on again", manifest: cm(["--feature-gates=RotateKubeletServerCertificate=false", "--feature-gates=RotateKubeletServerCertificate=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: cmd(0), container: "kube-controller-manager", line: 13 }] },
    { name: "in a list, --flag value form", manifest: cm(["--feature-gates", "A=true, RotateKubeletServerCertificate=false"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
