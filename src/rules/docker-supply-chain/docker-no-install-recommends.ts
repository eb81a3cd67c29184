import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import { type Dockerfile, type Instruction, type Stage, findExactOption, runCommands } from "../../model/dockerfile.js";
import { stageChain } from "../../model/dockerfile-queries.js";
import type { Fix } from "../../model/finding.js";
import { type PackageCommand, isDryRun, packageCommand } from "./_packages.js";

// Runs on every stage. Reports `apt-get install` / `apt install` (wrappers such as sudo stripped) without
// --no-install-recommends or `-o APT::Install-Recommends=false|0`, and `aptitude install` without
// -R / --without-recommends. Dry runs (`apt-get install -s`) install nothing. Not reported when a RUN of the stage, or of a stage it builds on, writes
// `APT::Install-Recommends "false"` (or "0") into the apt configuration.
export default defineRule({
  id: "docker-no-install-recommends",
  title: "Recommended packages installed",
  rationale:
    "By default apt also installs every package the requested ones merely recommend. That often doubles the number " +
    "of packages in the image: more disk, slower pulls, and more software that needs patching and shows up in " +
    "vulnerability scans without being used.",
  attack:
    "Each extra package is more code an attacker can use after getting into the container (compilers, network " +
    "tools, interpreters) and more known vulnerabilities to pick from.",
  remediation:
    "Add `--no-install-recommends` to `apt-get install` and list explicitly the packages you really need, or set " +
    "`APT::Install-Recommends \"false\";` in a file under /etc/apt/apt.conf.d/ early in the build.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
  },
  messages: {
    recommends: "`{{manager}} install` runs without {{flag}} and installs recommended packages too",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    if (configured(view.dockerfile, view.stage)) return;
    for (const { instruction, command } of runCommands(view.stage)) {
      const p = packageCommand(command);
      if (!p || p.family !== "apt" || p.subcommand !== "install" || isDryRun(p)) continue;
      if (p.manager === "aptitude") {
        if (findExactOption(p.args, "-R", "--without-recommends")) continue;
        ctx.report({ messageId: "recommends", data: { manager: p.program, flag: "--without-recommends" }, path: p.word.path, fix: fixFor(p, "--without-recommends", instruction) });
        continue;
      }
      if (findExactOption(p.args, "--no-install-recommends")) continue;
      if (p.args.some((a, i) => /^-o(APT::Install-Recommends=)?/i.test(a.text) && /APT::Install-Recommends=("?)(0|false|no)\1$/i.test(a.text === "-o" ? p.args[i + 1]?.text ?? "" : a.text))) continue;
      ctx.report({ messageId: "recommends", data: { manager: p.program, flag: "--no-install-recommends" }, path: p.word.path, fix: fixFor(p, "--no-install-recommends", instruction) });
    }
  },
});

/** The flag right after `install` (exec-form scripts are not edited: their positions may point into JSON escapes). */
function fixFor(p: PackageCommand, flag: string, instruction: Instruction): Fix | undefined {
  if (instruction.form === "exec" || !p.subcommandWord) return undefined;
  return fixes.ops([{ op: "insertText", path: p.subcommandWord.path, text: ` ${flag}`, position: "after" }], {
    description: `Add ${flag} to \`${p.program} install\``,
    safety: "unsafe",
    note:
      "Packages that were only recommended are no longer installed, and the image may rely on some of them: " +
      "ca-certificates (HTTPS downloads fail), locales, gnupg, curl's or git's helpers. Build and run the image, and " +
      "add the packages it needs to the install list.",
  });
}

/** apt configured not to install recommends by a RUN of this stage or of a stage it builds on. */
function configured(dockerfile: Dockerfile, stage: Stage): boolean {
  for (const s of stageChain(dockerfile, stage)) {
    for (const ins of s.instructions) {
      if (ins.keyword !== "RUN") continue;
      const text = ins.args + ins.heredocs.map((h) => h.content).join("\n");
      if (/APT::Install-Recommends\s*\\?"?\s*(0|false|no)\b/i.test(text)) return true;
    }
  }
  return false;
}
