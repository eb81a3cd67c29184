import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./namespace-limitrange-missing.js";

const ns = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const lr = (namespace: string | undefined, limits: unknown = [{ type: "Container", default: { cpu: "1" } }]) => ({
  apiVersion: "v1", kind: "LimitRange", metadata: { name: "l", ...(namespace ? { namespace } : {}) }, spec: { limits },
});

ruleTester(rule, {
  valid: [
    { name: "LimitRange in the namespace", manifest: [ns("team-a"), lr("team-a")] },
    { name: "LimitRange without a namespace lands in the default namespace", manifest: [ns("default"), lr(undefined)] },
    { name: "not a Namespace", manifest: lr("x") },
  ],
  invalid: [
    {
      name: "no LimitRange",
      manifest: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n",
      errors: [{ messageId: "missing", path: "metadata.name", line: 4 }],
    },
    {
      name: "LimitRange in another namespace",
      manifest: [ns("team-a"), lr("team-b")],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Namespace/team-a" }],
    },
    {
      name: "LimitRange with no limits",
      manifest: [ns("team-a"), lr("team-a", "oops")],
      errors: [{ messageId: "missing", path: "metadata.name" }],
    },
  ],
});
