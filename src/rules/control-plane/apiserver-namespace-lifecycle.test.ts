import { ruleTester } from "../../testing/rule-tester.js";
import { KUBEADM_APISERVER_FLAGS as K, cmd, staticPod } from "./_pods.js";
import rule from "./apiserver-namespace-lifecycle.js";

const api = (flags: readonly string[]) => staticPod("kube-apiserver", flags);

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "kubeadm (on by default)", manifest: api(K) },
    { name: "no flags", manifest: api([]) },
    { name: "other plugins disabled", manifest: api(["--disable-admission-plugins=DefaultStorageClass"]) },
    { name: "legacy --admission-control list with it", manifest: api(["--admission-control=NamespaceLifecycle,ServiceAccount"]) },
  ],
  invalid: [
    { name: "example insecure", manifest: rule.example!.insecure, errors: [{ messageId: "off", path: cmd(1), container: "kube-apiserver", line: 14 }] },
    { name: "disabled in a list", manifest: api(["--disable-admission-plugins", "DefaultStorageClass,NamespaceLifecycle"]), errors: [{ messageId: "off", path: cmd(0) }] },
    { name: "enabled and disabled: disable wins", manifest: api(["--enable-admission-plugins=NamespaceLifecycle", "--disable-admission-plugins=NamespaceLifecycle"]), errors: [{ messageId: "off", path: cmd(1) }] },
    { name: "legacy --admission-control list without it", manifest: api(["--admission-control=LimitRanger"]), errors: [{ messageId: "off", path: cmd(0) }] },
  ],
});
