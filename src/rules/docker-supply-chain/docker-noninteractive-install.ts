import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Fix } from "../../model/finding.js";
import { type Dockerfile, type Instruction, type ShellCommand, type Stage, effectiveCommand, findExactOption, findOption, runCommands } from "../../model/dockerfile.js";
import { stageChain } from "../../model/dockerfile-queries.js";
import { type PackageCommand, argsAfterSubcommand, isDryRun, packageCommand } from "./_packages.js";

// Runs on every stage. Reports a package-manager command that asks for confirmation unless told not to:
// - apt-get / apt / aptitude install, upgrade, dist-upgrade, full-upgrade, remove, purge, autoremove, reinstall
//   without -y / --yes / --assume-yes / -qq (apt-get's -qq implies -y) / -o APT::Get::Assume-Yes=true;
// - yum / dnf / tdnf install, update, upgrade, remove, erase, reinstall, downgrade, groupinstall, ... without
//   -y / --assumeyes (microdnf never prompts);
// - zypper install/update/remove/patch/dist-upgrade (and short forms) without the global -n / --non-interactive
//   or the subcommand's -y / --no-confirm;
// - pacman -S / -R / -U without --noconfirm.
// Not reported: dry runs (`apt-get install -s`, `dnf --assumeno`), commands fed by `yes |`, and stages where a RUN (in the stage or a stage it builds on)
// writes an apt `Assume-Yes` setting or a yum/dnf `assumeyes` setting.
const APT_SUBS = new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "autoremove", "reinstall", "build-dep", "safe-upgrade"]);
const YUM_SUBS = new Set(["install", "update", "upgrade", "remove", "erase", "reinstall", "downgrade", "groupinstall", "groupupdate", "groupremove", "localinstall", "autoremove", "distro-sync", "swap", "update-minimal", "upgrade-minimal", "group", "module"]);
const ZYPPER_SUBS = new Set(["install", "in", "update", "up", "remove", "rm", "patch", "dist-upgrade", "dup", "source-install", "si"]);

export default defineRule({
  id: "docker-noninteractive-install",
  title: "Package install may prompt",
  rationale:
    "`apt-get install`, `yum install` and their relatives stop to ask \"Do you want to continue?\". A build has no one " +
    "to answer, so the command aborts or the build depends on whatever default the tool picks. Builds should say " +
    "explicitly that they accept the change.",
  attack:
    "This is a reliability issue more than an attack path: a build that fails or changes behaviour depending on how " +
    "the tool handles a missing answer tends to be \"fixed\" in a hurry, for example by disabling checks, and that " +
    "makes the image less predictable.",
  remediation:
    "Pass the non-interactive flag of the package manager: `apt-get install -y`, `yum install -y`, `dnf install -y`, " +
    "`zypper --non-interactive install`, `pacman -S --noconfirm`.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
  },
  messages: {
    prompt: "`{{manager}} {{subcommand}}` runs without {{flag}} and may stop to ask for confirmation",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    const configured = configuredYes(dockerfile, stage);
    for (const { instruction, command } of runCommands(stage)) {
      const p = packageCommand(command);
      // The subcommand word as written (`group` of `dnf group install`; pacman's operation flag), lower-cased.
      const sub = p?.subcommandWord?.text.toLowerCase();
      if (!p || !sub || isDryRun(p)) continue;
      if (fedByYes(command)) continue;
      const flag = missingFlag(p, sub, configured);
      if (flag) ctx.report({ messageId: "prompt", data: { manager: p.program, subcommand: sub, flag }, path: p.word.path, fix: fixFor(p, sub, flag, instruction) });
    }
  },
});

/** The flag that is missing, or undefined when the command cannot prompt. */
function missingFlag(p: PackageCommand, sub: string, configured: { apt: boolean; yum: boolean }): string | undefined {
  switch (p.family) {
    case "apt": {
      if (!APT_SUBS.has(sub) || configured.apt) return undefined;
      if (findOption(p.args, "-y") || findExactOption(p.args, "--yes", "--assume-yes")) return undefined;
      if (p.manager === "aptitude" && findExactOption(p.args, "--assume-yes")) return undefined;
      if (p.manager !== "aptitude" && quietLevel(p) >= 2) return undefined;
      if (p.args.some((a, i) => /^(-o|--option)$/.test(p.args[i - 1]?.text ?? "") && /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(a.text))) return undefined;
      if (p.args.some((a) => /^-oAPT::Get::Assume-Yes=(1|true|yes)$/i.test(a.text) || /^--option=APT::Get::Assume-Yes=(1|true|yes)$/i.test(a.text))) return undefined;
      return "-y";
    }
    case "rpm": {
      if (p.manager === "microdnf" || !YUM_SUBS.has(sub) || configured.yum) return undefined;
      if (sub === "group" || sub === "module") {
        const next = argsAfterSubcommand(p).find((a) => !a.text.startsWith("-"))?.text;
        if (!next || !/^(install|remove|upgrade|update|enable|disable|reset)$/.test(next)) return undefined;
      }
      if (findOption(p.args, "-y") || findExactOption(p.args, "--assumeyes")) return undefined;
      if (p.args.some((a) => /^(--setopt=)?assumeyes=(1|true|yes)$/i.test(a.text))) return undefined;
      return "-y";
    }
    case "zypper": {
      if (!ZYPPER_SUBS.has(sub)) return undefined;
      if (findExactOption(p.args, "--non-interactive", "--no-confirm", "--yes")) return undefined;
      const before = p.args.slice(0, p.args.indexOf(p.subcommandWord!));
      if (findOption(before, "-n")) return undefined;
      if (findOption(argsAfterSubcommand(p), "-y")) return undefined;
      return "--non-interactive";
    }
    case "pacman": {
      const op = p.subcommandWord!.text;
      if (!/^-[SRU]/.test(op) && !/^--(sync|remove|upgrade)$/.test(op)) return undefined;
      // -Sy alone (refresh the database) and queries (-Ss, -Si, -Sl, -Sg) do not prompt.
      if (/^-S[yc]*$/.test(op) && argsAfterSubcommand(p).every((a) => a.text.startsWith("-"))) return undefined;
      if (/^-S[A-Za-z]*[sigl]/.test(op) && !/u/.test(op)) return undefined;
      if (findExactOption(p.args, "--noconfirm")) return undefined;
      return "--noconfirm";
    }
    default:
      return undefined;
  }
}

const FIX_NOTE =
  "Only the confirmation prompt goes away: a build has no one to answer it, so the command either aborts or goes " +
  "ahead. Check the packages it installs, upgrades or removes are the ones you mean.";

/**
 * The flag, where the tool reads it: apt `install -y` after the subcommand; yum/dnf `install -y` (`dnf -y group
 * install`: before a two-word subcommand); zypper's global `--non-interactive` before the subcommand; pacman's
 * `--noconfirm` after the operation. Exec-form scripts are not edited (their positions may point into JSON escapes).
 */
function fixFor(p: PackageCommand, sub: string, flag: string, instruction: Instruction): Fix | undefined {
  if (instruction.form === "exec" || !p.subcommandWord) return undefined;
  const twoWords = p.family === "rpm" && (sub === "group" || sub === "module");
  const after = p.family === "zypper" || twoWords ? p.word : p.subcommandWord;
  return fixes.ops([{ op: "insertText", path: after.path, text: ` ${flag}`, position: "after" }], {
    description: `Add ${flag} to \`${p.program} ${sub}\``,
    safety: "safe",
    note: FIX_NOTE,
  });
}

/** apt-get's quiet level: -q counts 1, -qq 2, -q=2 2, --quiet=2 2. */
function quietLevel(p: PackageCommand): number {
  let n = 0;
  for (const a of p.args) {
    const t = a.text;
    if (t === "--") break;
    const m = /^(?:-q|--quiet)=(\d)$/.exec(t);
    if (m) n = Math.max(n, Number(m[1]));
    else if (t === "--quiet") n++;
    else if (/^-[A-Za-z]+$/.test(t)) n += [...t.slice(1)].filter((c) => c === "q").length;
  }
  return n;
}

/** `yes | apt-get install x`: the answers come from yes. */
function fedByYes(command: ShellCommand): boolean {
  if (!command.pipeline || command.pipeline.index === 0) return false;
  const before = command.pipeline.of[command.pipeline.index - 1];
  return before !== undefined && effectiveCommand(before).program === "yes";
}

/** apt/yum configured to assume yes by an earlier RUN of this stage or of a stage it builds on (text match). */
function configuredYes(dockerfile: Dockerfile, stage: Stage): { apt: boolean; yum: boolean } {
  const out = { apt: false, yum: false };
  for (const s of stageChain(dockerfile, stage)) {
    for (const ins of s.instructions) {
      if (ins.keyword !== "RUN") continue;
      const text = ins.args + ins.heredocs.map((h) => h.content).join("\n");
      if (/APT::Get::Assume-Yes\s*"?(1|true|yes)/i.test(text)) out.apt = true;
      if (/assumeyes\s*=\s*(1|true|yes)/i.test(text)) out.yum = true;
    }
  }
  return out;
}
