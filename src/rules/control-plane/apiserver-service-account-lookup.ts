import { defineRule } from "../../engine/rule-types.js";
import { boolFlag } from "./_flags.js";
import { staticPodYaml } from "./_pods.js";

// CIS 1.2.21. --service-account-lookup defaults to true: only an explicit false is reported.
export default defineRule({
  id: "apiserver-service-account-lookup",
  title: "API server does not check that service account tokens still exist",
  rationale:
    "A service account token is a signed JWT. With --service-account-lookup=false the API server only checks the signature " +
    "and expiry, not whether the ServiceAccount (and, for legacy tokens, the Secret) still exists. Deleting a ServiceAccount " +
    "or its token Secret then no longer revokes the token.",
  attack:
    "An attacker who stole a token keeps using it after the administrators deleted the compromised ServiceAccount or token " +
    "Secret, believing access was revoked; legacy Secret-based tokens never expire.",
  remediation: "Remove `--service-account-lookup=false` from the kube-apiserver command, or set it to true (the default).",
  example: {
    insecure: staticPodYaml("kube-apiserver", ["--service-account-lookup=false"]),
    secure: staticPodYaml("kube-apiserver", ["--service-account-lookup=true"]),
  },
  messages: {
    value: "kube-apiserver in container '{{container}}' sets --service-account-lookup={{value}}, so tokens of deleted service accounts stay valid",
  },
  check(ctx) {
    boolFlag(ctx, {
      component: "kube-apiserver", flag: "service-account-lookup", want: true, defaultValue: true, value: "value",
      fix: {
        description: "Set --service-account-lookup=true",
        safety: "safe",
        note: "Only tokens whose ServiceAccount or Secret was deleted stop working, which is the intent; each token check reads the ServiceAccount from the cache.",
      },
    });
  },
});
