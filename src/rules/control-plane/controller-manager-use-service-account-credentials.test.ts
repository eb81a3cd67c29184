import { ruleTester } from "../../testing/rule-tester.js";
import { CMD, KUBEADM_CONTROLLER_MANAGER_FLAGS as K, cmd, flagPath, staticPod, withFlag, without } from "./_pods.js";
import rule from "./controller-manager-use-service-account-credentials.js";

const cm = (flags: readonly string[]) => staticPod("kube-controller-manager", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (sets it to true)", manifest: cm(K) },
    { name: "bare flag", manifest: cm(["--use-service-account-credentials"]) },
    { name: "a value Go cannot parse stops the component from starting: not judged", manifest: cm(["--use-service-account-credentials=no"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "unset", path: CMD, line: 12 }] },
    { name: "kubeadm without the flag", manifest: cm(without(K, "use-service-account-credentials")), errors: [{ messageId: "unset", path: CMD }] },
    { name: "explicit false", manifest: cm(withFlag(K, "use-service-account-credentials", "false")), errors: [{ messageId: "value", path: flagPath(withFlag(K, "use-service-account-credentials", "false"), "use-service-account-credentials") }] },
    { name: "args form", manifest: staticPod("kube-controller-manager", [], { container: { command: ["kube-controller-manager"], args: ["--use-service-account-credentials", "--x=1", "--use-service-account-credentials=false"] } }), errors: [{ messageId: "value", path: "spec.containers[0].args[2]" }] },
    { name: "--use-service-account-credentials=0", manifest: cm(["--use-service-account-credentials=0"]), errors: [{ messageId: "value", path: cmd(0) }] },
  ],
});
