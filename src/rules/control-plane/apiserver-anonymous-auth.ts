import { defineRule } from "../../engine/rule-types.js";
import { boolFlag, flag, isSet } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.1. --anonymous-auth defaults to true. With --authentication-config (structured authentication, 1.30+)
// the file may configure anonymous access instead; when it is used and the flag is not given, the manifest does not
// show the answer, so nothing is reported.
export default defineRule({
  id: "apiserver-anonymous-auth",
  title: "API server accepts anonymous requests",
  rationale:
    "Unless --anonymous-auth=false is set, the API server treats a request without credentials as the user " +
    "system:anonymous in the group system:unauthenticated instead of rejecting it. Every permission that a RoleBinding " +
    "or ClusterRoleBinding grants to those subjects, by mistake or by a forgotten default, is then open to anyone who can reach the API port.",
  attack:
    "An attacker who reaches the API server (an exposed load balancer, a pod on the cluster network) sends requests without " +
    "a token and probes what anonymous users may do: read version and discovery data to target known vulnerabilities, or use " +
    "a careless binding to list Secrets or create pods.",
  remediation:
    "Add `--anonymous-auth=false` to the kube-apiserver command. Health checks of load balancers that call /healthz, /livez " +
    "or /readyz without credentials then need credentials, or (Kubernetes 1.32+) an AuthenticationConfiguration that allows " +
    "anonymous access to those paths only.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--authorization-mode=Node,RBAC"]),
    secure: staticPodYaml("kube-apiserver", ["--anonymous-auth=false", "--authorization-mode=Node,RBAC"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --anonymous-auth=false; anonymous requests are accepted by default",
    value: "kube-apiserver in container '{{container}}' sets --anonymous-auth={{value}}, so requests without credentials are accepted",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-apiserver", flag: "anonymous-auth", want: false, defaultValue: true, unset: "unset", value: "value",
      skip: (inv) => isSet(inv, "authentication-config") && !flag(inv, "anonymous-auth"),
      fix: {
        description: "Set --anonymous-auth=false",
        safety: "unsafe",
        note: "Clients that call the API server without credentials (load balancer health checks of /healthz, /livez, /readyz) start failing; give them credentials first.",
      },
    });
  },
});
