import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Instruction, Stage } from "../../model/dockerfile.js";
import type { Fix } from "../../model/finding.js";
import { baseDefaultsToNonRoot, effectiveUser, isRootUser, rootImage } from "../../model/dockerfile-queries.js";

// Judges the final stage only: the user in force is its last USER, else the last USER of the stage it builds on
// (FROM <alias>), and so on. Variables in USER take ARG/ENV defaults; when a value is unknown nothing is reported.
// Without any USER, the base image's user applies: reported, except for bases whose name says they run as non-root
// (distroless `:nonroot`, `nginx-unprivileged`, rootless builds). Windows images use ContainerAdministrator and
// ContainerUser rather than root: only an explicit `USER ContainerAdministrator` is reported there.
const FIX_USER = "10001";
const FIX_NOTE =
  `The container runs as UID ${FIX_USER}, which owns nothing in the image: check the application can read its files ` +
  "and write where it writes (chown them in the Dockerfile, or use a user the image creates), does not bind a port " +
  "below 1024, and does not need a name for its user (no passwd entry exists for it unless you add one).";

/**
 * \`USER 10001\` for the final stage: the argument of its \`USER root\` is replaced when no RUN follows it (a later RUN
 * may need root); otherwise a USER line is added after the stage's last instruction.
 */
function userFix(stage: Stage, rootUser: Instruction | undefined): Fix | undefined {
  const info = { safety: "unsafe" as const, note: FIX_NOTE };
  if (rootUser) {
    const after = stage.instructions.slice(stage.instructions.indexOf(rootUser) + 1);
    const word = rootUser.words[0];
    if (word && rootUser.words.length === 1 && !after.some((i) => i.keyword === "RUN" || i.keyword === "ONBUILD")) {
      return fixes.ops([{ op: "replaceText", path: word.path, text: FIX_USER }], { ...info, description: `Run as UID ${FIX_USER} instead of root` });
    }
  }
  const last = stage.instructions[stage.instructions.length - 1];
  if (!last) return undefined;
  return fixes.ops([{ op: "insertText", path: last.path, text: `\nUSER ${FIX_USER}`, position: "after" }], { ...info, description: `Add USER ${FIX_USER} at the end of the final stage` });
}

export default defineRule({
  id: "docker-user-root",
  title: "Image runs as root",
  rationale:
    "A container runs as the image's last USER unless Kubernetes or `docker run` overrides it. Without a USER " +
    "instruction (or with `USER root`), the application runs as root inside the container, so any flaw in it hands " +
    "an attacker root: able to modify the image's files, install tools, and use every kernel interface a container " +
    "escape needs.",
  attack:
    "An attacker exploits a remote code execution bug in the application and lands in a root shell; from there they " +
    "overwrite binaries, read mounted secrets owned by other users and try known container-escape techniques that " +
    "require root.",
  remediation:
    "Create an unprivileged user in the image and switch to it at the end of the final stage, preferably by UID " +
    "(`RUN useradd -r -u 10001 app` then `USER 10001`). If some steps need root, put them before the final USER. " +
    "Also set `runAsNonRoot: true` in the pod's securityContext.",
  example: {
    insecure: "FROM node:20.11-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n",
    secure: "FROM node:20.11-alpine\nCOPY . /app\nUSER 1000\nCMD [\"node\", \"/app/server.js\"]\n",
  },
  messages: {
    noUser: "The final stage has no USER instruction, so containers run as the base image's user ({{base}}), root unless it sets another",
    root: "The last USER of the final stage is '{{user}}', so containers from this image run as root",
    inheritedRoot: "The final stage builds on stage '{{stage}}', whose last USER is '{{user}}': containers from this image run as root",
    windowsAdmin: "The image runs as '{{user}}', the Windows container administrator",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal) return;
    const { dockerfile, stage } = view;
    const setting = effectiveUser(dockerfile, stage);
    if (dockerfile.windows) {
      if (setting?.user !== undefined && setting.user.toLowerCase() === "containeradministrator") {
        ctx.report({ messageId: "windowsAdmin", data: { user: setting.user }, path: setting.instruction.words[0]?.path ?? setting.instruction.path });
      }
      return;
    }
    if (setting) {
      if (setting.user === undefined || !isRootUser(setting.user)) return;
      const path = setting.instruction.words[0]?.path ?? setting.instruction.path;
      if (setting.stage === stage) ctx.report({ messageId: "root", data: { user: setting.written }, path, fix: userFix(stage, setting.instruction) });
      else ctx.report({ messageId: "inheritedRoot", data: { user: setting.written, stage: setting.stage.name }, path: stage.from.words[0]?.path ?? stage.from.path, fix: userFix(stage, undefined) });
      return;
    }
    const base = rootImage(dockerfile, stage);
    if (baseDefaultsToNonRoot(base)) return;
    ctx.report({ messageId: "noUser", data: { base }, path: stage.from.path, fix: userFix(stage, undefined) });
  },
});
