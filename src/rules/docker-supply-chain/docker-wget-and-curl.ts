import { defineRule } from "../../engine/rule-types.js";
import type { YamlPath } from "../../model/types.js";
import { effectiveCommand } from "../../model/dockerfile.js";
import { execProgram } from "../../model/dockerfile-queries.js";
import { isLookup } from "../docker-hygiene/_run-context.js";

// Runs on every stage: reports a stage whose RUN instructions run both curl and wget (shell form, wrappers such as
// sudo stripped, inside $(...) too; exec form by its program). Installing a package named curl, or looking a program
// up (`command -v wget`, `which curl`), is not running it. The finding is on the first use of whichever tool the
// stage starts using second; one finding per stage.
export default defineRule({
  id: "docker-wget-and-curl",
  title: "Both wget and curl used",
  rationale:
    "curl and wget do the same job. Using both means both have to be installed, usually both stay in the image, and " +
    "their options, TLS settings and proxy handling have to be kept right in two places.",
  attack:
    "A download tool left in an image is exactly what an intruder needs to fetch a second-stage payload; every extra " +
    "one (and its libraries' vulnerabilities) widens what they can do after getting a shell.",
  remediation:
    "Pick one tool per stage (curl is the more common choice on Debian-based images, busybox wget is already there " +
    "on Alpine) and rewrite the other downloads with it, e.g. `wget -O file URL` becomes `curl -fsSLo file URL`.",
  example: {
    insecure: "FROM debian:12.5\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && wget -q -O /tmp/b.tgz https://example.com/b.tgz\n",
    secure: "FROM debian:12.5\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz\n",
  },
  messages: {
    both: "This stage uses both {{first}} (line {{firstLine}}) and {{second}}; one download tool is enough",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const firstUse = new Map<string, { line: number; path: YamlPath }>();
    const note = (tool: string | undefined, line: number, path: YamlPath): boolean => {
      if (tool !== "curl" && tool !== "wget") return false;
      if (firstUse.has(tool)) return false;
      firstUse.set(tool, { line, path });
      return firstUse.size === 2;
    };
    for (const ins of stage.instructions) {
      if (ins.keyword !== "RUN") continue;
      if (ins.form === "exec") {
        if (note(execProgram(ins), ins.line, ins.path)) break;
        continue;
      }
      if (!ins.shell) continue;
      let done = false;
      for (const command of ins.shell.commands) {
        if (isLookup(command)) continue;
        const e = effectiveCommand(command);
        if (e.word && note(e.program, ins.line, e.word.path)) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    if (firstUse.size < 2) return;
    const [first, second] = [...firstUse.entries()];
    ctx.report({ messageId: "both", data: { first: first![0], firstLine: first![1].line, second: second![0] }, path: second![1].path });
  },
});
