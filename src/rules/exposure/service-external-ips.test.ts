import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./service-external-ips.js";

const svc = (spec: object): object => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec });

ruleTester(rule, {
  valid: [
    { name: "no externalIPs", manifest: svc({ ports: [{ port: 80 }] }) },
    { name: "an empty list", manifest: svc({ externalIPs: [] }) },
    { name: "null", manifest: svc({ externalIPs: null }) },
    { name: "a LoadBalancer ingress status is not externalIPs", manifest: { ...(svc({ type: "LoadBalancer" }) as object), status: { loadBalancer: { ingress: [{ ip: "1.2.3.4" }] } } } },
  ],
  invalid: [
    {
      name: "one external address",
      manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs:\n    - 203.0.113.10\n",
      errors: [{ messageId: "externalIPs", path: "spec.externalIPs", line: 7 }],
    },
    {
      name: "a string where a list belongs",
      manifest: svc({ externalIPs: "203.0.113.10" }),
      errors: [{ messageId: "externalIPs", path: "spec.externalIPs", object: "Service/s" }],
    },
  ],
});
