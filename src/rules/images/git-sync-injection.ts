import { defineRule } from "../../engine/rule-types.js";
import { parseImage } from "../../model/image.js";
import { isObject } from "../../model/types.js";
import { asArray } from "../../model/values.js";

// git-sync's --git flag names the git binary it executes. It can be set through the GITSYNC_GIT environment variable
// (v4) or its legacy spelling GIT_SYNC_GIT (v3, still read by v4), or, on a git-sync image, as a --git argument.
const ENV_NAMES = new Set(["GITSYNC_GIT", "GIT_SYNC_GIT"]);
const FLAG = /^--?git(?:=|$)/;

function isGitSyncImage(image: unknown): boolean {
  return typeof image === "string" && /(^|\/)git-sync$/.test(parseImage(image).repository);
}

export default defineRule({
  id: "git-sync-injection",
  title: "git-sync configured through GITSYNC_GIT",
  rationale:
    "git-sync runs whatever program its `--git` setting names, in place of git. When that setting comes from an " +
    "environment variable, anyone who can influence the pod's environment (a Helm value, an operator's custom " +
    "resource, a shared ConfigMap) can make git-sync execute a program of their choice, with the pod's credentials and " +
    "access to the synced repository.",
  attack:
    "An attacker who can set GITSYNC_GIT, for example through the values a platform team exposes for a DAG or config " +
    "repository, points it at a shell script in the synced repository or a writable volume and gets code execution in " +
    "the pod on the next sync.",
  remediation:
    "Remove GITSYNC_GIT (and GIT_SYNC_GIT) and the `--git` flag: the git binary shipped in the official git-sync image " +
    "is the one it should run. Keep git-sync's settings out of the hands of users who should not run code in the pod.",
  example: {
    insecure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: docs
spec:
  selector:
    matchLabels: {app: docs}
  template:
    metadata:
      labels: {app: docs}
    spec:
      containers:
        - name: git-sync
          image: registry.k8s.io/git-sync/git-sync:v4.4.0
          env:
            - name: GITSYNC_REPO
              value: https://github.com/example/docs
            - name: GITSYNC_GIT
              value: /tmp/git
`,
    secure: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: docs
spec:
  selector:
    matchLabels: {app: docs}
  template:
    metadata:
      labels: {app: docs}
    spec:
      containers:
        - name: git-sync
          image: registry.k8s.io/git-sync/git-sync:v4.4.0
          env:
            - name: GITSYNC_REPO
              value: https://github.com/example/docs
`,
  },
  messages: {
    env: "Container '{{container}}' sets {{name}}, which tells git-sync which program to execute as git",
    flag: "Container '{{container}}' passes --git to git-sync, which tells it which program to execute as git",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      asArray(c.spec.env).forEach((e, i) => {
        if (isObject(e) && typeof e.name === "string" && ENV_NAMES.has(e.name)) {
          ctx.report({ messageId: "env", data: { container: c.name, name: e.name }, path: [...c.path, "env", i, "name"], container: c });
        }
      });
      if (!isGitSyncImage(c.spec.image)) continue;
      for (const field of ["command", "args"] as const) {
        asArray(c.spec[field]).forEach((a, i) => {
          if (typeof a === "string" && FLAG.test(a.trim())) {
            ctx.report({ messageId: "flag", data: { container: c.name }, path: [...c.path, field, i], container: c });
          }
        });
      }
    }
  },
});
