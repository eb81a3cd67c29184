import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./non-existent-service-account.js";

const sa = (name: string, namespace?: string) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, ...(namespace ? { namespace } : {}) } });

ruleTester(rule, {
  valid: [
    { name: "the account is in the scan", manifest: [sa("web"), pod({ serviceAccountName: "web", containers: [container()] })] },
    { name: "no ServiceAccount in the namespace: managed elsewhere", manifest: pod({ serviceAccountName: "web", containers: [container()] }) },
    { name: "accounts only in another namespace", manifest: [sa("other", "tools"), pod({ serviceAccountName: "web", containers: [container()] })] },
    { name: "default is ignored", manifest: [sa("web"), pod({ containers: [container()] })] },
    { name: "configured ignore list", manifest: [sa("web"), pod({ serviceAccountName: "builder", containers: [container()] })], params: { ignoreAccounts: ["default", "builder"] } },
    { name: "the deprecated field names an account in the scan", manifest: [sa("dont-fire"), deployment({ serviceAccount: "dont-fire", containers: [container()] })] },
  ],
  invalid: [
    {
      name: "missing account (kube-linter)",
      manifest: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: dont-fire\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      serviceAccount: missing\n",
      errors: [{ messageId: "missing", path: "spec.template.spec.serviceAccount", line: 13, object: "Deployment/app" }],
    },
    {
      name: "a typo next to the right account, in a namespace",
      manifest: [sa("web", "shop"), { ...pod({ serviceAccountName: "wbe", containers: [container()] }, { namespace: "shop" }) }],
      errors: [{ messageId: "missing", path: "spec.serviceAccountName" }],
    },
  ],
});
