import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./service-loadbalancer.js";

const svc = (spec: object, annotations?: object): object => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s", ...(annotations ? { annotations } : {}) }, spec });

ruleTester(rule, {
  valid: [
    { name: "ClusterIP", manifest: svc({ ports: [{ port: 80 }] }) },
    { name: "NodePort is another rule's", manifest: svc({ type: "NodePort" }) },
    { name: "AWS internal scheme", manifest: svc({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-scheme": "internal" }) },
    { name: "GKE internal, value case ignored", manifest: svc({ type: "LoadBalancer" }, { "networking.gke.io/load-balancer-type": "internal" }) },
    { name: "Azure internal with a YAML boolean", manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations:\n    service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"\nspec:\n  type: LoadBalancer\n" },
    {
      name: "a configured annotation without value",
      manifest: svc({ type: "LoadBalancer" }, { "example.com/private": "yes" }),
      params: { internalAnnotations: ["example.com/private"] },
    },
  ],
  invalid: [
    {
      name: "a public load balancer",
      manifest: "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 443\n",
      errors: [{ messageId: "loadBalancer", path: "spec.type", line: 6 }],
    },
    {
      name: "internal annotation set to false",
      manifest: svc({ type: "LoadBalancer" }, { "service.beta.kubernetes.io/aws-load-balancer-internal": "false" }),
      errors: [{ messageId: "loadBalancer", path: "spec.type" }],
    },
    {
      name: "source ranges still leave it outside the cluster",
      manifest: svc({ type: "LoadBalancer", loadBalancerSourceRanges: ["203.0.113.0/24"] }),
      errors: [{ messageId: "loadBalancer", path: "spec.type", object: "Service/s" }],
    },
  ],
});
