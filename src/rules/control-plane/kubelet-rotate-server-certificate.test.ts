import { ruleTester } from "../../testing/rule-tester.js";
import { cmd, kubeletConfig, staticPod } from "./_pods.js";
import rule from "./kubelet-rotate-server-certificate.js";

const kubelet = (flags: readonly string[]) => staticPod("kubelet", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "not set", manifest: kubeletConfig() },
    { name: "gate on", manifest: kubeletConfig({ featureGates: { RotateKubeletServerCertificate: true }, serverTLSBootstrap: true }) },
    { name: "flags only, not set", manifest: kubelet([]) },
    { name: "--config with a gate flag on", manifest: kubelet(["--config=/c.yaml", "--feature-gates=RotateKubeletServerCertificate=true"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: "serverTLSBootstrap", line: 3 }] },
    { name: "gate off", manifest: kubeletConfig({ featureGates: { RotateKubeletServerCertificate: false } }), errors: [{ messageId: "gate", path: "featureGates.RotateKubeletServerCertificate" }] },
    { name: "gate off by flag", manifest: kubelet(["--feature-gates=RotateKubeletServerCertificate=false"]), errors: [{ messageId: "gate", path: cmd(0), container: "kubelet" }] },
    { name: "flag false", manifest: kubelet(["--rotate-server-certificates=false"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
