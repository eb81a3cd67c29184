import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_CONTROLLER_MANAGER_FLAGS as K, cmd, staticPod, without } from "./_pods.js";
import rule from "./controller-manager-root-ca-file.js";

const cm = (flags: readonly string[]) => staticPod("kube-controller-manager", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm", manifest: cm(K) },
    { name: "--flag value form", manifest: cm(["--root-ca-file", "/etc/kubernetes/pki/x"]) },
    { name: "the API server is not judged", manifest: staticPod("kube-apiserver", []) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: CMD, container: "kube-controller-manager", line: 12 }] },
    { name: "kubeadm without the flag", manifest: cm(without(K, "root-ca-file")), errors: [{ messageId: "missing", path: CMD }] },
    { name: "empty value", manifest: cm(["--root-ca-file="]), errors: [{ messageId: "missing", path: cmd(0) }] },
  ],
});
