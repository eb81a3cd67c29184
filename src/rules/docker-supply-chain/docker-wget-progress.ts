import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { type ShellWord, effectiveCommand } from "../../model/dockerfile.js";
import { execProgram, rootImage } from "../../model/dockerfile-queries.js";
import type { Fix } from "../../model/finding.js";
import { isLookup } from "../docker-hygiene/_run-context.js";

// Runs on every stage: reports each wget run by RUN (shell form with wrappers stripped, or exec form) without an
// option that tames its progress output: --progress=..., -q/--quiet, -nv/--no-verbose, or logging to a file with
// -o/--output-file/-a/--append-output. Short options may be combined (`-qO-`, `-qcO /x`); the letters after one
// that takes a value (O, P, o, a, ...) are that value. `wget --help` / `--version` download nothing.
const VALUE_LETTERS = new Set(["O", "o", "a", "P", "t", "T", "w", "e", "U", "i", "B", "l", "A", "R", "D", "I", "X", "Q"]);

function quietEnough(args: readonly string[]): boolean {
  for (const t of args) {
    if (t === "--") break;
    if (/^--(progress|quiet|no-verbose|output-file|append-output|help|version)(=|$)/.test(t)) return true;
    if (t === "-nv" || t === "-h" || t === "-V") return true;
    if (/^-[A-Za-z]/.test(t) && !t.startsWith("--") && !/^-n[a-zA-Z]$/.test(t)) {
      for (const c of t.slice(1)) {
        if (c === "q" || c === "o" || c === "a") return true;
        if (VALUE_LETTERS.has(c)) break;
      }
    }
  }
  return false;
}

/** `--progress=dot:giga` right after the program word (shell form only). */
function fixFor(word: ShellWord, busybox: boolean): Fix {
  return fixes.ops([{ op: "insertText", path: word.path, text: " --progress=dot:giga", position: "after" }], {
    description: "Add --progress=dot:giga to wget",
    safety: busybox ? "unsafe" : "safe",
    note: busybox
      ? "The base image looks like Alpine or busybox, whose wget does not know --progress and fails: install GNU wget first, or use -q instead."
      : "Only wget's progress output changes (one dot per large chunk). The busybox wget of Alpine images does not know --progress: check GNU wget is the one that runs.",
  });
}

export default defineRule({
  id: "docker-wget-progress",
  title: "wget without --progress",
  rationale:
    "When wget's output is not a terminal, as in a build, it prints a line of dots for every few kilobytes. A large " +
    "download fills the build log with thousands of lines, hiding the messages that matter and sometimes hitting the " +
    "log size limit of the CI system.",
  attack:
    "Not an attack in itself: it is log hygiene. Logs that nobody can read are logs in which a warning about a failed " +
    "checksum or an unexpected redirect goes unnoticed.",
  remediation:
    "Pass `--progress=dot:giga` (one dot per megabyte-sized chunk) or make wget quiet with `-q` or `-nv` " +
    "(`-q` also works with the busybox wget of Alpine images).",
  example: {
    insecure: "FROM debian:12.5\nRUN wget -O /tmp/app.tgz https://example.com/app.tgz\n",
    secure: "FROM debian:12.5\nRUN wget --progress=dot:giga -O /tmp/app.tgz https://example.com/app.tgz\n",
  },
  messages: {
    progress: "wget runs without --progress (or -q / -nv) and fills the build log with progress output",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { stage } = view;
    // busybox wget (Alpine, busybox images) does not know --progress: there the fix breaks the build unless GNU wget is installed
    const busybox = /alpine|busybox/i.test(rootImage(view.dockerfile, stage));
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN") continue;
      if (ins.form === "exec") {
        if (execProgram(ins) === "wget" && !quietEnough(ins.exec!.slice(1))) ctx.report({ messageId: "progress", path: ins.path });
        continue;
      }
      for (const command of ins.shell?.commands ?? []) {
        if (isLookup(command)) continue;
        const e = effectiveCommand(command);
        if (e.program !== "wget" || !e.word) continue;
        if (!quietEnough(e.args.map((a) => a.text))) ctx.report({ messageId: "progress", path: e.word.path, fix: fixFor(e.word, busybox) });
      }
    }
  },
});
