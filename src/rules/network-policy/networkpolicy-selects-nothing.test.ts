import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./networkpolicy-selects-nothing.js";

const netpol = (spec: object, metadata: object = {}): object => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "np", ...metadata },
  spec,
});
const app = (v: string) => ({ matchLabels: { app: v } });

ruleTester(rule, {
  valid: [
    { name: "selects a Deployment's pods", manifest: [deployment({ containers: [container()] }), netpol({ podSelector: app("d") })] },
    { name: "an empty podSelector is meant for every pod", manifest: netpol({ podSelector: {}, policyTypes: ["Ingress"] }) },
    { name: "a missing podSelector reads as {}", manifest: netpol({}) },
    {
      name: "peers select pods of the namespace (a CronJob's and a Pod's)",
      manifest: [
        pod({ containers: [container()] }, { labels: { app: "web" } }),
        { ...(cronJob({ containers: [container()] }) as object), spec: { schedule: "@daily", jobTemplate: { spec: { template: { metadata: { labels: { app: "job" } }, spec: { containers: [container()] } } } } } },
        netpol({ podSelector: app("web"), ingress: [{ from: [{ podSelector: app("job") }] }], egress: [{ to: [{ podSelector: app("web") }] }] }),
      ],
    },
    {
      name: "peers with a namespaceSelector, ipBlock or empty podSelector are not judged",
      manifest: [
        pod({ containers: [container()] }, { labels: { app: "web" } }),
        netpol({
          podSelector: app("web"),
          ingress: [{ from: [{ namespaceSelector: {}, podSelector: app("prometheus") }, { ipBlock: { cidr: "10.0.0.0/8" } }, { podSelector: {} }] }],
        }),
      ],
    },
    {
      name: "selects the pods of an Alertmanager resource, and a peer the pods of a Prometheus resource",
      manifest: [
        { apiVersion: "monitoring.coreos.com/v1", kind: "Alertmanager", metadata: { name: "main" }, spec: {} },
        { apiVersion: "monitoring.coreos.com/v1", kind: "Prometheus", metadata: { name: "k8s" }, spec: {} },
        netpol({
          podSelector: { matchLabels: { alertmanager: "main", "app.kubernetes.io/name": "alertmanager" } },
          ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: "prometheus", operator: "In", values: ["k8s"] }] } }] }],
        }),
      ],
    },
    { name: "Calico's NetworkPolicy kind is not judged", manifest: { apiVersion: "projectcalico.org/v3", kind: "NetworkPolicy", metadata: { name: "c" }, spec: { selector: "app == 'x'" } } },
    { name: "wrong types do not throw", manifest: netpol({ podSelector: {}, ingress: [{ from: "everyone" }, "x"] }) },
  ],
  invalid: [
    {
      name: "selects labels no pod has",
      manifest: "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: app\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: app1\n",
      errors: [{ messageId: "podSelector", path: "spec.podSelector", line: 7 }],
    },
    {
      name: "pods of another namespace do not count",
      manifest: [deployment({ containers: [container()] }), netpol({ podSelector: app("d") }, { namespace: "other" })],
      errors: [{ messageId: "podSelector", path: "spec.podSelector", object: "NetworkPolicy/np" }],
    },
    {
      name: "matchExpressions that match nothing",
      manifest: [deployment({ containers: [container()] }), netpol({ podSelector: { matchExpressions: [{ key: "app", operator: "NotIn", values: ["d"] }] } })],
      errors: [{ messageId: "podSelector", path: "spec.podSelector" }],
    },
    {
      name: "an ingress peer and an egress peer that match nothing",
      manifest: [
        pod({ containers: [container()] }, { labels: { app: "web" } }),
        netpol({ podSelector: app("web"), ingress: [{ from: [{ podSelector: app("web") }, { podSelector: app("app2") }] }], egress: [{ to: [{ podSelector: app("gone") }] }] }),
      ],
      errors: [
        { messageId: "peer", path: "spec.ingress[0].from[1].podSelector" },
        { messageId: "peer", path: "spec.egress[0].to[0].podSelector" },
      ],
    },
  ],
});
