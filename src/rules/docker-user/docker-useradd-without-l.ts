import { defineRule } from "../../engine/rule-types.js";
import { effectiveCommand, findOption, optionValue } from "../../model/dockerfile.js";
import { expandVariables, stageCommands, variableScopes } from "../../model/dockerfile-queries.js";

// Every stage. useradd with -u/--uid above 99999 (six digits or more, as hadolint DL3046 counts) and without
// -l/--no-log-init. A UID given by a variable takes the ARG/ENV default in scope; unknown UIDs are not judged.
const HIGH_UID = 99999;

export default defineRule({
  id: "docker-useradd-without-l",
  title: "useradd with a high UID without --no-log-init",
  rationale:
    "useradd records every new user in /var/log/lastlog and /var/log/faillog, files indexed by UID. For a large UID " +
    "they become huge sparse files; Docker's layer archiving does not keep them sparse, so the build can write " +
    "gigabytes of zeros, fill the disk and produce an enormous image.",
  attack:
    "This is a reliability problem more than an attack: builds fail or images balloon, which slows patching; a build " +
    "argument that controls the UID can be used to exhaust a shared build host's disk.",
  remediation:
    "Pass `-l` (`--no-log-init`) to useradd when giving a large UID: `useradd -l -u 1000001 app`. Or pick a UID " +
    "below 100000.",
  example: {
    insecure: "FROM debian:12.5\nRUN useradd -u 1000001 app\nUSER 1000001\n",
    secure: "FROM debian:12.5\nRUN useradd -l -u 1000001 app\nUSER 1000001\n",
  },
  messages: {
    highUid: "useradd creates UID {{uid}} without -l (--no-log-init); the lastlog/faillog files can grow to gigabytes",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    let vars: ReturnType<typeof variableScopes> | undefined;
    for (const { instruction, command } of stageCommands(view.stage)) {
      const e = effectiveCommand(command);
      if (e.program !== "useradd" || !e.word) continue;
      if (findOption(e.args, "-l", "--no-log-init")) continue;
      const uidWord = optionValue(e.args, "-u", "--uid");
      if (!uidWord) continue;
      let uid = uidWord.value;
      if (uid === undefined) {
        vars ??= variableScopes(view.dockerfile, view.stage);
        uid = expandVariables(uidWord.text, vars.get(instruction.index) ?? new Map());
      }
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) <= HIGH_UID) continue;
      ctx.report({ messageId: "highUid", data: { uid }, path: e.word.path });
    }
  },
});
