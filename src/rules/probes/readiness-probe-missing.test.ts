import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./readiness-probe-missing.js";

const probe = { httpGet: { path: "/healthz", port: 8080 } };

ruleTester(rule, {
  valid: [
    { name: "probe set", manifest: pod({ containers: [container({ readinessProbe: probe })] }) },
    { name: "init containers are not checked", manifest: deployment({ initContainers: [container({}, "init")], containers: [container({ readinessProbe: probe })] }) },
    {
      name: "sidecar init containers are not checked",
      manifest: deployment({ initContainers: [container({ restartPolicy: "Always" }, "proxy")], containers: [container({ readinessProbe: probe })] }),
    },
    { name: "ephemeral containers are not checked", manifest: pod({ containers: [container({ readinessProbe: probe })], ephemeralContainers: [container({}, "debug")] }) },
    { name: "CronJob", manifest: cronJob({ containers: [container()] }) },
    { name: "Job", manifest: { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: { containers: [container()] } } } } },
    { name: "Pod owned by a Job", manifest: pod({ containers: [container()] }, { ownerReferences: [{ apiVersion: "batch/v1", kind: "Job", name: "j", uid: "1" }] }) },
    { name: "Pod that runs to completion", manifest: pod({ restartPolicy: "Never", containers: [container()] }) },
    { name: "Helm test hook", manifest: pod({ containers: [container()] }, { annotations: { "helm.sh/hook": "test" } }) },
    { name: "excluded kind, case-insensitive", manifest: deployment({ containers: [container()] }), params: { excludeKinds: ["deployment"] } },
  ],
  invalid: [
    {
      name: "no probe in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: x\n",
      errors: [{ messageId: "missing", path: "spec.containers[0].readinessProbe", container: "app", line: 7 }],
    },
    {
      name: "second container without a probe in a Deployment",
      manifest: deployment({ containers: [container({ readinessProbe: probe }), container({}, "worker")] }),
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[1].readinessProbe", container: "worker" }],
    },
    { name: "probe of the wrong type", manifest: pod({ containers: [container({ readinessProbe: "yes" })] }), errors: [{ messageId: "missing", path: "spec.containers[0].readinessProbe" }] },
    {
      name: "a Job is checked once no longer excluded",
      manifest: { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: { template: { spec: { containers: [container()] } } } },
      params: { excludeKinds: [] },
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].readinessProbe" }],
    },
    {
      name: "a Helm install hook Deployment is still a workload",
      manifest: { ...deployment({ containers: [container()] }), metadata: { name: "d", annotations: { "helm.sh/hook": "post-install" } } },
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].readinessProbe" }],
    },
    {
      name: "DaemonSet",
      manifest: { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { template: { spec: { containers: [container()] } } } },
      errors: [{ messageId: "missing", path: "spec.template.spec.containers[0].readinessProbe" }],
    },
  ],
});
