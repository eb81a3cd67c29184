import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./sudo-in-command.js";

ruleTester(rule, {
  valid: [
    { name: "no command", manifest: pod({ containers: [container()] }) },
    { name: "words containing sudo", manifest: pod({ containers: [container({ command: ["sh", "-c", "echo pseudo; cat /etc/sudoers.d/x; visudo -c; run --no-sudo"] })] }) },
    { name: "sudo as part of a file name", manifest: pod({ containers: [container({ args: ["--config=/etc/sudo.conf.d", "sudo_user"] })] }) },
    { name: "numbers and objects in the list", manifest: pod({ containers: [container({ command: [1, { a: "sudo" }, null] })] }) },
    { name: "command of the wrong type", manifest: pod({ containers: [container({ command: { run: "sudo x" } })] }) },
  ],
  invalid: [
    {
      name: "sudo as the command",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: x:1\n      command:\n        - sudo\n        - -E\n        - /app/run\n",
      errors: [{ messageId: "sudo", path: "spec.containers[0].command[0]", container: "web", line: 10 }],
    },
    {
      name: "sudo inside a shell script, and an absolute path",
      manifest: deployment({
        initContainers: [container({ command: ["sh", "-c", "mkdir -p /data && sudo chown 1000 /data"] }, "init")],
        containers: [container({ args: ["/usr/bin/sudo -u app /run"] })],
        ephemeralContainers: [container({ command: ["bash", "-c", "echo hi;sudo ls"] }, "debug")],
      }),
      errors: [
        { messageId: "sudo", path: "spec.template.spec.initContainers[0].command[2]", container: "init" },
        { messageId: "sudo", path: "spec.template.spec.containers[0].args[0]", container: "app" },
        { messageId: "sudo", path: "spec.template.spec.ephemeralContainers[0].command[2]", container: "debug" },
      ],
    },
    {
      name: "lifecycle hook in a CronJob",
      manifest: cronJob({ containers: [container({ lifecycle: { preStop: { exec: { command: ["sudo", "kill", "1"] } } } })] }),
      errors: [{ messageId: "sudo", path: "spec.jobTemplate.spec.template.spec.containers[0].lifecycle.preStop.exec.command[0]", container: "app" }],
    },
    {
      name: "command written as a string",
      manifest: pod({ containers: [container({ command: "sudo /run" })] }),
      errors: [{ messageId: "sudo", path: "spec.containers[0].command", container: "app" }],
    },
  ],
});
