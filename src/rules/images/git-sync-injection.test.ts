import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./git-sync-injection.js";

const gitSync = "registry.k8s.io/git-sync/git-sync:v4.4.0";

ruleTester(rule, {
  valid: [
    { name: "other git-sync settings", manifest: pod({ containers: [container({ image: gitSync, env: [{ name: "GITSYNC_REPO", value: "https://x" }, { name: "GITSYNC_GIT_CONFIG", value: "a:b" }] })] }) },
    { name: "lowercase name is another variable", manifest: pod({ containers: [container({ env: [{ name: "gitsync_git", value: "/x" }] })] }) },
    { name: "--git-config flag", manifest: pod({ containers: [container({ image: gitSync, args: ["--git-config=a:b", "--repo=https://x"] })] }) },
    { name: "--git flag on another image", manifest: pod({ containers: [container({ image: "alpine/git:2.45", args: ["--git", "x"] })] }) },
    { name: "env of the wrong type", manifest: pod({ containers: [container({ env: "GITSYNC_GIT=/x" }), container({ env: [null, 3, { name: 5 }] }, "b")] }) },
  ],
  invalid: [
    {
      name: "GITSYNC_GIT",
      manifest: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: sync
      image: ${gitSync}
      env:
        - name: GITSYNC_GIT
          value: /tmp/evil
`,
      errors: [{ messageId: "env", path: "spec.containers[0].env[0].name", container: "sync", line: 10 }],
    },
    {
      name: "legacy name in an init container, valueFrom counts too",
      manifest: deployment({
        initContainers: [container({ env: [{ name: "GIT_SYNC_GIT", valueFrom: { configMapKeyRef: { name: "c", key: "k" } } }] }, "init")],
        containers: [container()],
        ephemeralContainers: [container({ env: [{ name: "GITSYNC_GIT", value: "git" }] }, "debug")],
      }),
      errors: [
        { messageId: "env", path: "spec.template.spec.initContainers[0].env[0].name", container: "init" },
        { messageId: "env", path: "spec.template.spec.ephemeralContainers[0].env[0].name", container: "debug" },
      ],
    },
    {
      name: "--git flag on git-sync in a CronJob",
      manifest: cronJob({ containers: [container({ image: "k8s.gcr.io/git-sync/git-sync:v3.6.9", args: ["--repo=https://x", "--git=/tmp/git"] })] }),
      errors: [{ messageId: "flag", path: "spec.jobTemplate.spec.template.spec.containers[0].args[1]", container: "app" }],
    },
  ],
});
