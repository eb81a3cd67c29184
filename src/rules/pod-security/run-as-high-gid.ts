import { defineRule } from "../../engine/rule-types.js";
import { checkHighId } from "./_high-id.js";

// Opinionated (off by default): the effective runAsGroup of every container, init container and ephemeral container
// must be above `minGid` (10000 by default; 10000 itself is reported). Pod-level values are inherited and overridden.
// - Unset: the primary group then comes from the image (the user's group in /etc/passwd, or 0 when the UID has no
//   entry), which the manifest does not show: reported (`unset`, `unsetNonRoot`).
// - Only runAsGroup, as the catalogue and the peers (kube-score, kubesec, Trivy KSV021) define it; fsGroup and
//   supplementalGroups are not checked against the threshold (group 0 there is run-as-root-group's business).
// - Skipped: Windows pods and pods with `hostUsers: false` (see run-as-high-uid).
export default defineRule({
  id: "run-as-high-gid",
  title: "Group ID not above the host range",
  rationale:
    "A GID inside a container is the same number on the node. Low GIDs are the node's system and user groups (adm, " +
    "docker, wheel, the first user's group), which own log files, sockets and home directories. A process that escapes " +
    "the container, or reaches a host path, keeps the access of its group.",
  attack:
    "An attacker whose process runs with a low GID that happens to be the node's `docker` or `adm` group reaches the " +
    "container runtime socket or the node's logs through a mounted host path, or after an escape.",
  remediation:
    "Set `runAsGroup` to a GID above 10000 (for example 10001) in the pod's `securityContext` or per container, and make " +
    "the image's files readable by that group. Alternatively run the pod in a user namespace with `hostUsers: false`.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 10001
    runAsGroup: 1000
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
    runAsGroup: 10001
  containers:
    - name: web
      image: registry.example/web:1.0
`,
  },
  messages: {
    podLow: "The pod sets runAsGroup to {{value}}, not above {{min}}; the GID may belong to a group on the node",
    containerLow: "Container '{{container}}' sets runAsGroup to {{value}}, not above {{min}}; the GID may belong to a group on the node",
    unset: "Neither the pod nor container '{{container}}' sets runAsGroup, so the image decides the primary GID (often 0)",
    unsetNonRoot:
      "Neither the pod nor container '{{container}}' sets runAsGroup, so the image decides the primary GID (often 0); runAsNonRoot does not check groups",
  },
  check(ctx) {
    checkHighId(ctx, "runAsGroup", ctx.params.number("minGid"), "GID");
  },
});
