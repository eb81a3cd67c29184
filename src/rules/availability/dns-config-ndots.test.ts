import { container, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./dns-config-ndots.js";

const ndots = (value: unknown) => ({ dnsConfig: { options: [{ name: "ndots", value }] } });

ruleTester(rule, {
  valid: [
    { name: "ndots 2", manifest: pod({ ...ndots("2"), containers: [container()] }) },
    { name: "ndots 1 is below the configured value", manifest: pod({ ...ndots("1"), containers: [container()] }) },
    { name: "dnsPolicy Default uses the node's resolver", manifest: pod({ dnsPolicy: "Default", containers: [container()] }) },
    { name: "dnsPolicy None", manifest: pod({ dnsPolicy: "None", dnsConfig: { nameservers: ["1.1.1.1"] }, containers: [container()] }) },
    { name: "hostNetwork falls back to Default", manifest: pod({ hostNetwork: true, containers: [container()] }) },
    { name: "configured value 3", manifest: pod({ ...ndots("3"), containers: [container()] }), params: { ndots: "3" } },
    { name: "templated value", manifest: pod({ ...ndots("{{ .Values.ndots }}"), containers: [container()] }) },
  ],
  invalid: [
    {
      name: "no dnsConfig",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "missing", path: "spec.dnsConfig.options", line: 6 }],
    },
    {
      name: "dnsConfig without options",
      manifest: deployment({ dnsConfig: { searches: ["foo.bar"] }, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.template.spec.dnsConfig.options" }],
    },
    {
      name: "other options only",
      manifest: pod({ dnsConfig: { options: [{ name: "single-request-reopen" }] }, containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.dnsConfig.options" }],
    },
    { name: "ndots 5", manifest: pod({ ...ndots("5"), containers: [container()] }), errors: [{ messageId: "tooHigh", path: "spec.dnsConfig.options[0].value" }] },
    {
      name: "hostNetwork with ClusterFirstWithHostNet",
      manifest: pod({ hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet", containers: [container()] }),
      errors: [{ messageId: "missing", path: "spec.dnsConfig.options" }],
    },
    { name: "options of the wrong type", manifest: pod({ dnsConfig: { options: "ndots:2" }, containers: [container()] }), errors: [{ messageId: "missing", path: "spec.dnsConfig.options" }] },
  ],
});
