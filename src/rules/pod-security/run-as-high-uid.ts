import { defineRule } from "../../engine/rule-types.js";
import { checkHighId } from "./_high-id.js";

// Opinionated (off by default): the effective runAsUser of every container, init container and ephemeral container
// must be above `minUid` (10000 by default; "above" as the catalogue says, so 10000 itself is reported and 10001,
// a common choice, passes). Pod-level values are inherited and overridden per container.
// - Unset (no runAsUser at either level): the UID comes from the image's USER, which the manifest does not show, so
//   it is reported too (message `unset`); `runAsNonRoot: true` only proves the UID is not 0, not that it is high
//   (message `unsetNonRoot`).
// - UID 0 is reported as well (it is not above the threshold); run-as-root-user reports it as root.
// - Skipped: Windows pods (no numeric UIDs; the API refuses runAsUser there) and pods with `hostUsers: false`, whose
//   UIDs are mapped to an unprivileged range of the node and cannot collide with a node account.
export default defineRule({
  id: "run-as-high-uid",
  title: "User ID not above the host range",
  rationale:
    "Containers share the node's kernel, and a UID inside a container is the same number on the node. A low UID such as " +
    "1000 is often a real account on the node or the owner of files in host directories, so a process that escapes the " +
    "container, or reaches a host path, acts as that account. A UID above the ranges that hosts hand out cannot collide.",
  attack:
    "After a container escape or through a mounted host directory, an attacker whose process runs as UID 1000 reads and " +
    "changes whatever the node's first regular user owns: SSH keys, shell profiles, credentials in a home directory.",
  remediation:
    "Set `runAsUser` to a UID above 10000 (for example 10001) in the pod's `securityContext`, or per container, and build " +
    "the image so its files work for that UID (`USER 10001` in the Dockerfile). Alternatively run the pod in a user " +
    "namespace with `hostUsers: false`.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: web
      image: registry.example/web:1.0
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    podLow: "The pod sets runAsUser to {{value}}, not above {{min}}; the UID may belong to an account on the node",
    containerLow: "Container '{{container}}' sets runAsUser to {{value}}, not above {{min}}; the UID may belong to an account on the node",
    unset: "Neither the pod nor container '{{container}}' sets runAsUser, so the image decides the UID (often root or a low UID)",
    unsetNonRoot:
      "Neither the pod nor container '{{container}}' sets runAsUser; runAsNonRoot only ensures the image's UID is not 0, not that it is above {{min}}",
  },
  check(ctx) {
    checkHighId(ctx, "runAsUser", ctx.params.number("minUid"), "UID");
  },
});
