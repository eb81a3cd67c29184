import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_INIT, cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-client-ca-file.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm sets it by default", manifest: [KUBEADM_INIT, kubeletConfig()] },
    { name: "flag", manifest: kubelet(["--client-ca-file", "/etc/kubernetes/pki/ca.crt"]) },
    { name: "--config decides", manifest: kubelet(["--config=/var/lib/kubelet/config.yaml"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "missing", path: "authentication.x509.clientCAFile", line: 4 }] },
    { name: "empty KubeletConfiguration", manifest: kubeletConfig(), errors: [{ messageId: "missing", path: "authentication.x509.clientCAFile" }] },
    { name: "empty string", manifest: kubeletConfig({ authentication: { x509: { clientCAFile: "" } } }), errors: [{ messageId: "missing", path: "authentication.x509.clientCAFile" }] },
    { name: "kubeadm objects in another file do not count", manifest: kubeletConfig(), errors: [{ messageId: "missing", path: "authentication.x509.clientCAFile" }] },
    { name: "flags only", manifest: kubelet(["--anonymous-auth=false"]), errors: [{ messageId: "missing", path: CMD, container: "kubelet" }] },
    { name: "empty flag", manifest: kubelet(["--client-ca-file="]), errors: [{ messageId: "missing", path: cmd(0) }] },
  ],
});
