import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { asArray, truthy } from "../../model/values.js";

// OpenShift SecurityContextConstraints (security.openshift.io/v1): `allowPrivilegedContainer: true` lets any
// pod admitted under the SCC set `privileged: true`. Who may use it is `users`/`groups` (and RBAC `use` on it).
export default defineRule({
  id: "scc-allows-privileged",
  title: "OpenShift SCC allows privileged containers",
  rationale:
    "On OpenShift, SecurityContextConstraints (SCCs) decide what pods may ask for. An SCC with `allowPrivilegedContainer: true` " +
    "admits privileged containers, which run with every device and kernel capability of the node: whoever can create pods " +
    "under it effectively has root on the node.",
  attack:
    "An attacker who controls a service account or user that this SCC applies to starts a pod with `privileged: true`, mounts " +
    "the node's disk or loads a kernel module, and from there reads the secrets of every pod on the node.",
  remediation:
    "Set `allowPrivilegedContainer: false`. Keep privileged SCCs (such as the built-in `privileged` SCC) for the few " +
    "infrastructure service accounts that need them, and give everything else `restricted-v2` or a custom SCC without it.",
  example: {
    insecure: `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: app
allowPrivilegedContainer: true
runAsUser:
  type: MustRunAsRange
seLinuxContext:
  type: MustRunAs
users:
  - system:serviceaccount:shop:app
`,
    secure: `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: app
allowPrivilegedContainer: false
runAsUser:
  type: MustRunAsRange
seLinuxContext:
  type: MustRunAs
users:
  - system:serviceaccount:shop:app
`,
  },
  messages: {
    privileged: "SecurityContextConstraints '{{name}}' allows privileged containers{{who}}",
  },
  check(ctx) {
    const obj = ctx.resource.object;
    if (!truthy(obj.allowPrivilegedContainer)) return;
    const subjects = [...asArray(obj.users), ...asArray(obj.groups)].filter((s): s is string => typeof s === "string");
    const who =
      subjects.length === 0
        ? ""
        : ` to ${subjects.slice(0, 3).map((s) => `'${s}'`).join(", ")}${subjects.length > 3 ? ` and ${subjects.length - 3} more` : ""}`;
    const path = ["allowPrivilegedContainer"];
    ctx.report({
      messageId: "privileged",
      data: { name: ctx.resource.name, who },
      path,
      fix: fixes.set(path, false, {
        description: "Set allowPrivilegedContainer to false",
        safety: "unsafe",
        note: "Pods that run privileged under this SCC (node agents, CNI or storage drivers) are no longer admitted; move them to a dedicated SCC first.",
      }),
    });
  },
});
