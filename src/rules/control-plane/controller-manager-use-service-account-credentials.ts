import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.3.3. --use-service-account-credentials defaults to false.
export default defineRule({
  id: "controller-manager-use-service-account-credentials",
  title: "Controllers share the controller manager's credentials",
  rationale:
    "Unless --use-service-account-credentials=true is set, every controller inside kube-controller-manager (deployment, " +
    "namespace, service account token, garbage collector, …) calls the API server with the controller manager's own, very " +
    "broad identity. With it, each controller uses its own ServiceAccount in kube-system, bound to a role with only what it needs.",
  attack:
    "A bug or compromise in one controller acts with the combined permissions of all of them, and the audit log cannot tell " +
    "which controller made a change.",
  remediation:
    "Add `--use-service-account-credentials=true` to the kube-controller-manager command. The default RBAC policy already " +
    "has the system:controller:* roles and bindings it needs.",
  example: {
    insecure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf"]),
    secure: staticPodYaml("kube-controller-manager", ["--kubeconfig=/etc/kubernetes/controller-manager.conf", "--use-service-account-credentials=true"]),
  },
  messages: {
    unset: "kube-controller-manager in container '{{container}}' does not set --use-service-account-credentials=true; all controllers share its credentials",
    value: "kube-controller-manager in container '{{container}}' sets --use-service-account-credentials={{value}}; all controllers share its credentials",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-controller-manager", flag: "use-service-account-credentials", want: true, defaultValue: false, unset: "unset", value: "value",
      fix: {
        description: "Set --use-service-account-credentials=true",
        safety: "unsafe",
        note: "Controllers then act as their own ServiceAccounts; clusters with a customised RBAC policy must keep the system:controller:* roles and bindings.",
      },
    });
  },
});
