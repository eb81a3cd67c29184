import { container, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./rolling-update-strategy.js";

type Obj = Record<string, unknown>;
const dep = (strategy: unknown, podSpec: Obj = {}) => {
  const d = deployment({ containers: [container()], ...podSpec }) as { spec: Obj };
  if (strategy !== undefined) d.spec.strategy = strategy;
  return d;
};
const ds = (kind: string, updateStrategy: unknown) => ({
  apiVersion: "apps/v1", kind, metadata: { name: "x" }, spec: { updateStrategy, template: { spec: { containers: [container()] } } },
});

ruleTester(rule, {
  valid: [
    { name: "default strategy", manifest: dep(undefined) },
    { name: "RollingUpdate", manifest: dep({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } }) },
    { name: "strategy without a type", manifest: dep({ rollingUpdate: { maxSurge: 1 } }) },
    { name: "Recreate for a pod with a PersistentVolumeClaim", manifest: dep({ type: "Recreate" }, { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }) },
    { name: "DaemonSet RollingUpdate", manifest: ds("DaemonSet", { type: "RollingUpdate" }) },
    { name: "strategy of the wrong type", manifest: dep("Recreate") },
  ],
  invalid: [
    {
      name: "Recreate",
      manifest: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: Recreate\n  template:\n    spec:\n      containers: []\n",
      errors: [{ messageId: "notRolling", path: "spec.strategy.type", line: 7 }],
    },
    { name: "unknown type", manifest: dep({ type: "Other" }), errors: [{ messageId: "notRolling", path: "spec.strategy.type" }] },
    { name: "DaemonSet OnDelete", manifest: ds("DaemonSet", { type: "OnDelete" }), errors: [{ messageId: "notRolling", path: "spec.updateStrategy.type" }] },
    { name: "StatefulSet OnDelete", manifest: ds("StatefulSet", { type: "OnDelete" }), errors: [{ messageId: "notRolling", path: "spec.updateStrategy.type" }] },
    {
      name: "Recreate with only an emptyDir volume",
      manifest: dep({ type: "Recreate" }, { volumes: [{ name: "tmp", emptyDir: {} }] }),
      errors: [{ messageId: "notRolling", path: "spec.strategy.type" }],
    },
  ],
});
