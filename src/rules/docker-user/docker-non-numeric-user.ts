import { defineRule } from "../../engine/rule-types.js";
import { effectiveUser, isRootUser } from "../../model/dockerfile-queries.js";

// Judges the user the image runs as: the last USER of the final stage, or of the stage it builds on (FROM <alias>).
// USERs of build stages and earlier USERs of the final stage do not reach the running container. Variables take their
// ARG/ENV defaults; unknown values are not judged. The group part (`1000:app`) does not matter: Kubernetes checks
// only the UID. Root is left to docker-user-root; Windows images (ContainerUser) are out of scope.
export default defineRule({
  id: "docker-non-numeric-user",
  title: "Image user given by name, not numeric UID",
  rationale:
    "Kubernetes' `runAsNonRoot: true` must prove, before starting the container, that its user is not root. It can " +
    "only read a numeric UID from the image; for a user name such as `app` it cannot tell whether that account is " +
    "UID 0, so the kubelet refuses to start the pod (CreateContainerConfigError) unless runAsUser is set.",
  attack:
    "Teams that hit the error often remove runAsNonRoot instead of fixing the image, and then nothing stops a later " +
    "image (or a tampered /etc/passwd mapping the name to UID 0) from running as root.",
  remediation:
    "Refer to the user by number: `USER 10001` (or `USER 10001:10001`), matching the UID given to useradd/adduser. " +
    "Alternatively set `runAsUser` in the pod's securityContext.",
  example: {
    insecure: "FROM debian:12.5\nRUN useradd -r -u 10001 app\nUSER app\n",
    secure: "FROM debian:12.5\nRUN useradd -r -u 10001 app\nUSER 10001\n",
  },
  messages: {
    named: "USER '{{user}}' names an account instead of a numeric UID, so Kubernetes cannot verify runAsNonRoot",
    inherited: "The final stage runs as '{{user}}' (USER of stage '{{stage}}'), a name instead of a numeric UID, so Kubernetes cannot verify runAsNonRoot",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal || view.dockerfile.windows) return;
    const setting = effectiveUser(view.dockerfile, view.stage);
    if (!setting || setting.user === undefined || setting.user === "") return;
    if (/^\d+$/.test(setting.user) || isRootUser(setting.user)) return;
    const path = setting.instruction.words[0]?.path ?? setting.instruction.path;
    if (setting.stage === view.stage) ctx.report({ messageId: "named", data: { user: setting.user }, path });
    else ctx.report({ messageId: "inherited", data: { user: setting.user, stage: setting.stage.name }, path: view.stage.from.words[0]?.path ?? view.stage.from.path });
  },
});
