import { container, cronJob, deployment } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./job-hygiene.js";

type Obj = Record<string, unknown>;
const job = (spec: Obj, podSpec: Obj = { restartPolicy: "Never" }, metadata: Obj = {}) => ({
  apiVersion: "batch/v1", kind: "Job", metadata: { name: "j", ...metadata }, spec: { ...spec, template: { spec: { containers: [container()], ...podSpec } } },
});
const cron = (spec: Obj, podSpec: Obj = { restartPolicy: "OnFailure" }) => {
  const c = cronJob({ containers: [container()], ...podSpec }) as { spec: Obj };
  Object.assign(c.spec, spec);
  return c;
};

ruleTester(rule, {
  valid: [
    { name: "Job with a TTL", manifest: job({ ttlSecondsAfterFinished: 100 }) },
    { name: "Job with OnFailure", manifest: job({ ttlSecondsAfterFinished: 0 }, { restartPolicy: "OnFailure" }) },
    { name: "CronJob with a deadline", manifest: cron({ startingDeadlineSeconds: 200 }) },
    { name: "CronJob with Never", manifest: cron({ startingDeadlineSeconds: 200 }, { restartPolicy: "Never" }) },
    { name: "Job owned by a CronJob", manifest: job({}, undefined, { ownerReferences: [{ kind: "CronJob", name: "c", apiVersion: "batch/v1", uid: "1" }] }) },
    { name: "Helm hook Job with a delete policy", manifest: job({}, undefined, { annotations: { "helm.sh/hook": "pre-upgrade", "helm.sh/hook-delete-policy": "hook-succeeded" } }) },
    { name: "Argo CD hook Job with a delete policy", manifest: job({}, undefined, { annotations: { "argocd.argoproj.io/hook": "PreSync", "argocd.argoproj.io/hook-delete-policy": "HookSucceeded" } }) },
    { name: "Deployments are not checked", manifest: deployment({ containers: [container()] }) },
  ],
  invalid: [
    {
      name: "Job without a TTL",
      manifest: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: []\n",
      errors: [{ messageId: "jobTtl", path: "spec.ttlSecondsAfterFinished", line: 6 }],
    },
    {
      name: "Helm hook Job without a delete policy",
      manifest: job({}, undefined, { annotations: { "helm.sh/hook": "pre-upgrade" } }),
      errors: [{ messageId: "jobTtl", path: "spec.ttlSecondsAfterFinished" }],
    },
    {
      name: "Job without a restartPolicy",
      manifest: job({ ttlSecondsAfterFinished: 60 }, {}),
      errors: [{ messageId: "restartPolicy", path: "spec.template.spec.restartPolicy" }],
    },
    {
      name: "Job with Always",
      manifest: job({ ttlSecondsAfterFinished: 60 }, { restartPolicy: "Always" }),
      errors: [{ messageId: "restartPolicy", path: "spec.template.spec.restartPolicy" }],
    },
    { name: "CronJob without a deadline", manifest: cron({}), errors: [{ messageId: "cronDeadline", path: "spec.startingDeadlineSeconds" }] },
    {
      name: "CronJob without a deadline nor a restartPolicy",
      manifest: cron({ concurrencyPolicy: "Forbid" }, {}),
      errors: [
        { messageId: "cronDeadline", path: "spec.startingDeadlineSeconds" },
        { messageId: "restartPolicy", path: "spec.jobTemplate.spec.template.spec.restartPolicy" },
      ],
    },
    {
      name: "spec of the wrong type",
      manifest: { apiVersion: "batch/v1", kind: "Job", metadata: { name: "j" }, spec: "run" },
      errors: [{ messageId: "jobTtl", path: "spec.ttlSecondsAfterFinished" }],
    },
  ],
});
