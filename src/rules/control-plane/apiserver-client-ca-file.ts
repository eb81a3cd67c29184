import { defineRule } from "../../engine/rule-types.js";
import { requireFlags } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.25.
export default defineRule({
  id: "apiserver-client-ca-file",
  title: "API server does not authenticate client certificates",
  rationale:
    "--client-ca-file is the CA the API server uses to authenticate clients that present certificates (kubelets, the controller manager, the scheduler, administrators). Without it, certificate authentication is off and components fall back to other, often weaker or static, credentials.",
  attack:
    "Clusters without client certificate authentication tend to rely on static token files or long-lived tokens shared between components; one leaked file then gives an attacker the identity of a control-plane component.",
  remediation:
    "Add `--client-ca-file=<cluster CA certificate>` to the kube-apiserver command and issue client certificates from that CA.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt"]),
  },
  messages: {
    missing: "kube-apiserver in container '{{container}}' does not set {{flags}}, so client certificate authentication is off",
  },
  check(ctx) {
    requireFlags(ctx, { component: "kube-apiserver", flags: ["client-ca-file"], missing: "missing" });
  },
});
