import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.30. --service-account-extend-token-expiration (1.19+) defaults to true.
export default defineRule({
  id: "apiserver-service-account-extend-token-expiration",
  title: "API server extends the lifetime of projected service account tokens",
  rationale:
    "Projected service account tokens mounted into pods are meant to live one hour and be refreshed by the kubelet. " +
    "To ease migration from legacy tokens, the API server by default (--service-account-extend-token-expiration=true) " +
    "issues them with a validity of up to a year, only warning when an old token is used.",
  attack:
    "A token read from a pod (through a file read vulnerability, a leaked log or a backup) remains a valid credential for " +
    "months instead of an hour, long after the pod is gone.",
  remediation:
    "Add `--service-account-extend-token-expiration=false` to the kube-apiserver command, after checking (with the " +
    "`serviceaccount_stale_tokens_total` metric or audit annotations) that no workload still uses tokens older than an hour.",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--service-account-issuer=https://kubernetes.default.svc"]),
    secure: staticPodYaml("kube-apiserver", ["--service-account-issuer=https://kubernetes.default.svc", "--service-account-extend-token-expiration=false"]),
  },
  messages: {
    unset: "kube-apiserver in container '{{container}}' does not set --service-account-extend-token-expiration=false; projected tokens are valid for up to a year by default",
    value: "kube-apiserver in container '{{container}}' sets --service-account-extend-token-expiration={{value}}; projected tokens are valid for up to a year",
  },
  check(ctx) {
    if (!ctx.kubeVersion.atLeast(19)) return;
    boolFlag(ctx, {
      component: "kube-apiserver", flag: "service-account-extend-token-expiration", want: false, defaultValue: true, unset: "unset", value: "value",
      fix: {
        description: "Set --service-account-extend-token-expiration=false",
        safety: "unsafe",
        note: "Workloads whose client libraries do not reload the token file fail after an hour; check the stale-token metric first.",
      },
    });
  },
});
