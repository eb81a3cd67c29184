import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// Runs on Deployments (`spec.strategy.type`), DaemonSets and StatefulSets (`spec.updateStrategy.type`). An
// unset type is RollingUpdate, the API default. Not reported: a Deployment using Recreate whose pods mount a
// PersistentVolumeClaim, since a ReadWriteOnce volume cannot be attached to the old and the new pod at once
// and Recreate is the documented way to update such a workload.
export default defineRule({
  id: "rolling-update-strategy",
  title: "Not a rolling update strategy",
  rationale:
    "A rolling update replaces pods a few at a time and keeps the service up while it does. `Recreate` stops every pod before " +
    "starting new ones (an outage on every deploy), and `OnDelete` never updates running pods until someone deletes them by " +
    "hand, so fixes, security patches included, silently never roll out.",
  attack:
    "With OnDelete, a patched image is deployed but the vulnerable pods keep running; with Recreate, every emergency patch " +
    "is itself an outage, which pushes teams to delay patching.",
  remediation:
    "Use `strategy.type: RollingUpdate` (Deployments) or `updateStrategy.type: RollingUpdate` (DaemonSets, StatefulSets), " +
    "tuning `maxUnavailable` / `maxSurge` as needed, or remove the field to get the default.",
  example: {
    insecure: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  updateStrategy:
    type: OnDelete
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: registry.example/agent:1.0
`,
    secure: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  updateStrategy:
    type: RollingUpdate
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
        - name: agent
          image: registry.example/agent:1.0
`,
  },
  messages: {
    notRolling: "{{kind}} '{{name}}' uses the {{type}} update strategy instead of RollingUpdate",
  },
  check(ctx) {
    const r = ctx.resource;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    const field = r.kind === "Deployment" ? "strategy" : "updateStrategy";
    const strategy = spec[field];
    if (!isObject(strategy)) return;
    const type = strategy.type;
    if (type === undefined || type === null || type === "RollingUpdate") return;
    if (r.kind === "Deployment" && type === "Recreate" && mountsClaim(ctx.workload?.podSpec.volumes)) return;
    const path = ["spec", field, "type"];
    ctx.report({
      messageId: "notRolling",
      data: { kind: r.kind, name: r.name, type: String(type) },
      path,
      fix: fixes.set(path, "RollingUpdate", {
        description: "Use the RollingUpdate strategy",
        safety: "unsafe",
        note: "Old and new pods then run side by side during an update: check that the application tolerates it " +
          "(volumes that only one pod can mount, schema migrations) before switching.",
      }),
    });
  },
});

function mountsClaim(volumes: unknown): boolean {
  return asArray(volumes).some((v) => isObject(v) && isObject(v.persistentVolumeClaim));
}
