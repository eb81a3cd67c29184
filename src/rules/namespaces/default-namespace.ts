import { defineRule } from "../../engine/rule-types.js";
import { knownNamespaced } from "./_scope.js";

// A namespaced object that lands in the `default` namespace (kube-linter use-namespace, CIS 5.7.1/5.7.4):
// - `metadata.namespace: default` is always reported (`explicitDefault`);
// - an object without metadata.namespace lands where it is deployed: `kubectl apply -n X`, `helm install -n X` or a
//   Kustomize `namespace:` put it in X, and only a bare `kubectl apply` puts it in default. It is reported
//   (`unset`) only when `flagUnsetNamespace` is true (the default) and the scan's default namespace (--namespace /
//   `defaultNamespace` in .shipshape.yaml, which says where unset objects go) is `default`; a scan told that the files
//   are deployed to another namespace does not report them.
// - `unset` is reported only for kinds known to be namespaced (built-in kinds, objects with a pod template, well-known
//   custom resource groups, and custom kinds whose CustomResourceDefinition in the scan says `scope: Namespaced`): a
//   custom kind of unknown scope may be cluster-scoped, and then it has no namespace at all.
export default defineRule({
  id: "default-namespace",
  title: "Object in the default namespace",
  rationale:
    "Namespaces are the unit that Kubernetes security is configured by: RBAC roles, NetworkPolicies, resource quotas and " +
    "Pod Security levels are set per namespace. The `default` namespace is where everything lands when nobody chose, so it " +
    "rarely has any of them, and unrelated applications end up sharing it.",
  attack:
    "An attacker who compromises one application in the default namespace can usually reach every other pod there (no " +
    "NetworkPolicy), read the Secrets that broad RoleBindings in default expose, and start privileged pods if the " +
    "namespace enforces no Pod Security level.",
  remediation:
    "Give each application its own namespace: set `metadata.namespace` in the manifests, or deploy them with " +
    "`kubectl apply -n`, `helm install --namespace` or a Kustomize `namespace:`, and set up RBAC, NetworkPolicies and a Pod " +
    "Security label for that namespace. When the namespace is always given at deploy time, tell shipshape with " +
    "`defaultNamespace` in .shipshape.yaml.",
  example: {
    insecure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
data:
  mode: production
`,
    secure: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  mode: production
`,
  },
  messages: {
    explicitDefault: "{{kind}} '{{name}}' is placed in the default namespace",
    unset: "{{kind}} '{{name}}' sets no namespace, so it lands in the default namespace unless one is given at deploy time (kubectl -n, helm --namespace, Kustomize namespace)",
  },
  check(ctx) {
    const r = ctx.resource;
    if (r.clusterScoped) return;
    const path = ["metadata", "namespace"];
    const data = { kind: r.kind, name: r.name };
    if (r.namespace !== undefined) {
      if (r.namespace === "default") ctx.report({ messageId: "explicitDefault", data, path });
      return;
    }
    if (!ctx.params.boolean("flagUnsetNamespace") || ctx.defaultNamespace !== "default") return;
    if (!knownNamespaced(r, ctx.inventory, ctx.workload !== undefined)) return;
    ctx.report({ messageId: "unset", data, path });
  },
});
