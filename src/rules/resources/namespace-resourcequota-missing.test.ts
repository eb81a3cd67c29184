import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./namespace-resourcequota-missing.js";

const ns = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
const quota = (namespace: string | undefined, hard: unknown = { pods: "10" }) => ({
  apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "q", ...(namespace ? { namespace } : {}) }, spec: { hard },
});

ruleTester(rule, {
  valid: [
    { name: "quota in the namespace", manifest: [ns("team-a"), quota("team-a")] },
    { name: "quota without a namespace lands in the default namespace", manifest: [ns("default"), quota(undefined)] },
    { name: "not a Namespace", manifest: quota("x") },
  ],
  invalid: [
    {
      name: "no quota",
      manifest: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n",
      errors: [{ messageId: "missing", path: "metadata.name", line: 4 }],
    },
    {
      name: "quota in another namespace",
      manifest: [ns("team-a"), quota("team-b")],
      errors: [{ messageId: "missing", path: "metadata.name", object: "Namespace/team-a" }],
    },
    {
      name: "quota without hard limits",
      manifest: [ns("team-a"), quota("team-a", {})],
      errors: [{ messageId: "missing", path: "metadata.name" }],
    },
  ],
});
