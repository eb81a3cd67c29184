import { defineRule } from "../../engine/rule-types.js";
import { isObject } from "../../model/types.js";
import type { YamlPath } from "../../model/types.js";

// sudo as a command word: at the start, after a shell separator or quote, or as a path ending in /sudo. Words that
// merely contain it (pseudo, sudoers, visudo, --no-sudo) do not count.
const SUDO = /(?:^|[\s;&|(`'"=])(?:\/[\w./-]*\/)?sudo(?=$|[\s;&|)`'"])/;

export default defineRule({
  id: "sudo-in-command",
  title: "sudo in container command",
  rationale:
    "A container that calls sudo starts as an unprivileged user and then switches to root. That only works when the " +
    "image ships sudo with a permissive sudoers file and the container is allowed to gain privileges, which means any " +
    "code running in the container can become root the same way.",
  attack:
    "An attacker who gets a shell in the container as the application user runs `sudo` (often without a password in " +
    "container images) and is root inside the container, one step closer to escaping to the node.",
  remediation:
    "Do the privileged setup at image build time (in the Dockerfile, before `USER`), or in an init container with only " +
    "the capability it needs, and remove sudo from the image. Set `allowPrivilegeEscalation: false` so that setuid " +
    "binaries like sudo cannot raise privileges.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: registry.example/app:1.0
      command: ["sh", "-c", "sudo chown app /data && exec /app/server"]
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    fsGroup: 1000
  containers:
    - name: app
      image: registry.example/app:1.0
      command: ["/app/server"]
`,
  },
  messages: {
    sudo: "Container '{{container}}' calls sudo in its {{field}}",
  },
  check(ctx) {
    for (const c of ctx.workload?.containers ?? []) {
      const places: [string, unknown, YamlPath][] = [
        ["command", c.spec.command, [...c.path, "command"]],
        ["args", c.spec.args, [...c.path, "args"]],
      ];
      const lifecycle = c.spec.lifecycle;
      if (isObject(lifecycle)) {
        for (const hook of ["postStart", "preStop"]) {
          const h = lifecycle[hook];
          const exec = isObject(h) ? h.exec : undefined;
          if (isObject(exec)) places.push([`${hook} hook`, exec.command, [...c.path, "lifecycle", hook, "exec", "command"]]);
        }
      }
      for (const [field, value, path] of places) {
        if (typeof value === "string") {
          if (SUDO.test(value)) ctx.report({ messageId: "sudo", data: { container: c.name, field }, path, container: c });
          continue;
        }
        if (!Array.isArray(value)) continue;
        value.forEach((v, i) => {
          if (typeof v === "string" && SUDO.test(v)) ctx.report({ messageId: "sudo", data: { container: c.name, field }, path: [...path, i], container: c });
        });
      }
    }
  },
});
