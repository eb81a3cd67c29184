import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./yaml-sorted-keys.js";

const sortedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: sorted
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - image: nginx:1.27
          name: nginx
          ports:
            - containerPort: 80
`;

/** A sorted object whose 12 list items are each unsorted. */
const manyUnsorted = {
  apiVersion: "example.com/v1",
  items: Array.from({ length: 12 }, () => ({ b: 1, a: 2 })),
  kind: "Thing",
  metadata: { name: "m" },
};

ruleTester(rule, {
  valid: [
    { name: "sorted Deployment", manifest: sortedDeployment },
    {
      name: "index-like keys written in byte order ('10' before '2')",
      manifest: 'apiVersion: v1\ndata:\n  "10": a\n  "2": b\n  x: c\nkind: ConfigMap\nmetadata:\n  name: n\n',
    },
    { name: "uppercase sorts before lowercase (byte order)", manifest: "apiVersion: v1\ndata:\n  Zeta: a\n  alpha: b\nkind: ConfigMap\nmetadata:\n  name: n\n" },
    { name: "a list of scalars is not a mapping", manifest: "apiVersion: v1\nkind: List2\nmetadata:\n  name: n\nzz:\n  - b\n  - a\n" },
  ],
  invalid: [
    {
      name: "top-level kind after metadata",
      manifest: "apiVersion: apps/v1\nmetadata:\n  name: unsorted-top-level\nspec:\n  replicas: 1\nkind: Deployment\n",
      errors: [{ messageId: "unsorted", path: "kind", line: 6, column: 7 }],
    },
    {
      name: "nested inside a list item (env var value before name)",
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - env:
        - value: production
          name: ENVIRONMENT
      image: x
      name: a
`,
      errors: [{ messageId: "unsorted", path: "spec.containers[0].env[0].name", line: 9 }],
    },
    {
      name: "one finding per mapping, several mappings",
      manifest: "apiVersion: v1\ndata:\n  zebra: z\n  apple: a\nmetadata:\n  name: c\nkind: ConfigMap\n",
      errors: [
        { messageId: "unsorted", path: "kind" },
        { messageId: "unsorted", path: "data.apple" },
      ],
    },
    {
      name: "index-like keys written out of byte order ('2' before '10')",
      manifest: 'apiVersion: v1\ndata:\n  "2": b\n  "10": a\nkind: ConfigMap\nmetadata:\n  name: n\n',
      errors: [{ messageId: "unsorted", path: 'data["10"]', line: 4 }],
    },
    {
      name: "capped per object",
      manifest: manyUnsorted,
      errors: [
        ...Array.from({ length: 10 }, (_, i) => ({ messageId: "unsorted", path: `items[${i}].a` })),
        { messageId: "more", path: "" },
      ],
    },
  ],
});
