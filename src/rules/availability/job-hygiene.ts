import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import { ownerKinds } from "./_availability.js";

// Runs on Jobs and CronJobs.
// - Job: `ttlSecondsAfterFinished` unset. Not reported for Jobs a CronJob owns (its history limits clean
//   them up) nor for Helm or Argo CD hooks with a hook delete policy (the tool deletes them).
// - CronJob: `startingDeadlineSeconds` unset.
// - Both: the pod template's `restartPolicy` must be OnFailure or Never; unset means Always, which the API
//   server rejects for Jobs. Never is valid and common for Jobs (unlike kube-linter's restart-policy check).
export default defineRule({
  id: "job-hygiene",
  title: "Job or CronJob settings",
  rationale:
    "Finished Jobs and their pods stay in the cluster until someone deletes them unless `ttlSecondsAfterFinished` is set; " +
    "they pile up, keep their logs and environment readable, and load the API server. A CronJob without " +
    "`startingDeadlineSeconds` may start a burst of missed runs after an outage (or stop scheduling entirely after 100 misses), " +
    "and a Job pod template needs a restart policy of OnFailure or Never.",
  attack:
    "Leftover Job pods keep secrets mounted and their output readable to anyone who can list pods or read logs long after " +
    "the task ended; bursts of catch-up CronJob runs can overload the systems they touch.",
  remediation:
    "Set `spec.ttlSecondsAfterFinished` on Jobs (for example 86400 for one day), `spec.startingDeadlineSeconds` on CronJobs " +
    "(for example 300), and `restartPolicy: OnFailure` or `Never` in the pod template.",
  example: {
    insecure: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example/migrate:1.0
`,
    secure: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  ttlSecondsAfterFinished: 86400
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: registry.example/migrate:1.0
`,
  },
  messages: {
    jobTtl: "Job '{{name}}' sets no ttlSecondsAfterFinished, so it and its pods stay in the cluster after it finishes",
    cronDeadline: "CronJob '{{name}}' sets no startingDeadlineSeconds, so missed schedules can start a burst of runs or stop scheduling",
    restartPolicy: "The pod template's restartPolicy is {{value}}; a Job's pods must use OnFailure or Never",
  },
  check(ctx) {
    const r = ctx.resource;
    const w = ctx.workload;
    const spec = isObject(r.object.spec) ? r.object.spec : {};
    if (r.kind === "Job") {
      const ttl = spec.ttlSecondsAfterFinished;
      if ((ttl === undefined || ttl === null) && !ownerKinds(r).includes("CronJob") && !cleanedUpByTool(r.annotations())) {
        const path = ["spec", "ttlSecondsAfterFinished"];
        ctx.report({
          messageId: "jobTtl",
          data: { name: r.name },
          path,
          fix: fixes.set(path, 86400, {
            description: "Delete the Job one day after it finishes",
            safety: "unsafe",
            note: "The Job, its pods and their logs are deleted a day after it finishes; tools that wait for the Job or read its status later must do so within that time.",
          }),
        });
      }
    } else if (r.kind === "CronJob") {
      const d = spec.startingDeadlineSeconds;
      if (d === undefined || d === null) {
        ctx.report({ messageId: "cronDeadline", data: { name: r.name }, path: ["spec", "startingDeadlineSeconds"] });
      }
    }
    if (!w) return;
    const policy = w.podSpec.restartPolicy;
    if (policy === "OnFailure" || policy === "Never") return;
    const unset = policy === undefined || policy === null || policy === "";
    const path = w.at("restartPolicy");
    ctx.report({
      messageId: "restartPolicy",
      data: { value: unset ? "unset (Always)" : String(policy) },
      path,
      fix: fixes.set(path, "OnFailure", {
        description: "Set restartPolicy to OnFailure",
        safety: "safe",
        note: "The API server rejects Job pod templates with any other policy, so this cannot change a Job that runs today.",
      }),
    });
  },
});

/** Helm and Argo CD delete their hook Jobs themselves when a hook delete policy is set. */
function cleanedUpByTool(annotations: Record<string, string>): boolean {
  return (annotations["helm.sh/hook"] !== undefined && annotations["helm.sh/hook-delete-policy"] !== undefined) ||
    annotations["argocd.argoproj.io/hook-delete-policy"] !== undefined;
}
