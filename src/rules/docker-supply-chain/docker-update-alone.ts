import { defineRule } from "../../engine/rule-types.js";
import { SHELLS, type ShellCommand, effectiveCommand } from "../../model/dockerfile.js";
import { type PackageCommand, type PackageFamily, instructionCommands, packageCommand } from "./_packages.js";

// Runs on every stage, per RUN. A RUN refreshes a package index (apt-get/apt/aptitude update, apk update, yum/dnf
// makecache, zypper refresh, pacman -Sy) and none of its commands uses it: no install or upgrade by a manager of the
// same family (apt-get update && apt install is one family), no apt-get download/source. Not reported either:
// - installs hidden in a `sh -c '…'` string of the same RUN (recognised by their text);
// - a RUN that also runs a script file of its own (`./install-deps.sh`, `bash /tmp/setup.sh`, `. ./env.sh`), which
//   may install.
// `yum update`/`dnf update` upgrade packages and are not index refreshes. One finding per family and RUN, at the update.
const OPAQUE_INSTALL: Partial<Record<PackageFamily, RegExp>> = {
  apt: /\b(apt-get|apt|aptitude)\b[^;&|]*\b(install|upgrade|dist-upgrade|full-upgrade)\b/,
  apk: /\bapk\b[^;&|]*\b(add|upgrade)\b/,
  rpm: /\b(yum|dnf|microdnf)\b[^;&|]*\b(install|update|upgrade)\b/,
  zypper: /\bzypper\b[^;&|]*\b(install|in|update|up|dup|dist-upgrade|patch)\b/,
  pacman: /\bpacman\b[^;&|]*\s-S/,
};

export default defineRule({
  id: "docker-update-alone",
  title: "Package index refreshed in a RUN that installs nothing",
  rationale:
    "Docker caches every instruction as a layer. A `RUN apt-get update` on its own is built once and then reused for " +
    "months, so a later `RUN apt-get install` reads that old index: it installs outdated, possibly vulnerable " +
    "versions, or fails when the mirror no longer has them. The refresh only helps in the same RUN as the install.",
  attack:
    "No attacker is needed: a stale cached index quietly keeps known-vulnerable package versions in every rebuilt " +
    "image, long after the distribution shipped the fixes, which gives attackers published exploits to use.",
  remediation:
    "Refresh the index and install in one RUN, and remove the index afterwards: " +
    "`RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*` " +
    "(`apk add --no-cache curl` refreshes and installs in one step).",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
    secure:
      "FROM debian:12.5\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n" +
      " && rm -rf /var/lib/apt/lists/*\n",
  },
  messages: {
    alone: "'{{command}}' refreshes the package index in a RUN that installs nothing with it; the stale index stays cached in that layer",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN") continue;
      const commands = instructionCommands(instruction);
      const pkgs = commands.map(packageCommand).filter((p): p is PackageCommand => p !== undefined);
      const reported = new Set<PackageFamily>();
      for (const pkg of pkgs) {
        if (pkg.action !== "update" || reported.has(pkg.family)) continue;
        const family = pkg.family;
        const uses = pkgs.some((p) => p.family === family && usesIndex(p));
        if (uses || installsInShellString(commands, family) || runsLocalScript(commands)) continue;
        reported.add(family);
        ctx.report({
          messageId: "alone",
          data: { command: [pkg.word.text, pkg.subcommand].filter(Boolean).join(" ") },
          path: (pkg.subcommandWord ?? pkg.word).path,
        });
      }
    }
  },
});

/** Installs, upgrades, or fetches packages or sources by name (apt-get download/source, dnf download). */
function usesIndex(p: PackageCommand): boolean {
  if (p.action === "install" || p.action === "upgrade" || p.action === "dist-upgrade") return true;
  return p.action === "other" && (p.subcommand === "download" || p.subcommand === "source" || p.subcommand === "fetch");
}

/** A `sh -c '…'` (or eval) among the commands whose script text installs with the family's manager. */
function installsInShellString(commands: readonly ShellCommand[], family: PackageFamily): boolean {
  const re = OPAQUE_INSTALL[family];
  if (!re) return false;
  for (const c of commands) {
    const e = effectiveCommand(c);
    if (!e.program) continue;
    let script: string | undefined;
    if (SHELLS.has(e.program)) {
      const i = e.args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text));
      script = i >= 0 ? e.args[i + 1]?.text : undefined;
    }
    else if (e.program === "eval") script = e.args.map((a) => a.text).join(" ");
    if (script && re.test(script)) return true;
  }
  return false;
}

/** A command that runs a script file we cannot see: `./x.sh`, `/tmp/setup`, `sh x.sh`, `bash -e /x`, `. ./x`, `source x`. */
function runsLocalScript(commands: readonly ShellCommand[]): boolean {
  for (const c of commands) {
    const e = effectiveCommand(c);
    const name = e.word?.text;
    if (!name || !e.program) continue;
    if (name.includes("/") && !/^\/(usr\/)?(local\/)?s?bin\//.test(name)) return true;
    if (SHELLS.has(e.program) || e.program === "." || e.program === "source") {
      if (e.args.some((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text))) continue;
      if (e.args.some((a) => !a.text.startsWith("-"))) return true;
    }
  }
  return false;
}
