import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./service-nodeport.js";

const svc = (spec: object, name = "s"): object => ({ apiVersion: "v1", kind: "Service", metadata: { name }, spec });

ruleTester(rule, {
  valid: [
    { name: "ClusterIP by default", manifest: svc({ selector: { app: "a" }, ports: [{ port: 80, targetPort: 8080 }] }) },
    { name: "LoadBalancer is another rule's", manifest: svc({ type: "LoadBalancer", ports: [{ port: 80 }] }) },
    { name: "headless", manifest: svc({ clusterIP: "None", ports: [{ port: 80 }] }) },
    { name: "no spec", manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "s" } } },
    { name: "a custom resource named Service", manifest: { apiVersion: "example.com/v1", kind: "Service", metadata: { name: "s" }, spec: { type: "NodePort" } } },
  ],
  invalid: [
    {
      name: "type NodePort without ports",
      manifest: "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  type: NodePort\n",
      errors: [{ messageId: "nodePort", path: "spec.type", line: 7 }],
    },
    {
      name: "NodePort with explicit nodePorts, in a namespace",
      manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "prod" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort: 30080 }, { port: 443 }] } },
      errors: [{ messageId: "nodePort", path: "spec.type", object: "Service/web" }],
    },
  ],
});
