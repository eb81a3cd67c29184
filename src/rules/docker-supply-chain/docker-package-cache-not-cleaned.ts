import { fixes } from "../../engine/fixes.js";
import { defineRule } from "../../engine/rule-types.js";
import type { Fix, FixOp } from "../../model/finding.js";
import { type Dockerfile, type Instruction, type ShellCommand, type Stage, effectiveCommand, findExactOption, positionalArgs } from "../../model/dockerfile.js";
import { stageChain } from "../../model/dockerfile-queries.js";
import { type PackageCommand, argsAfterSubcommand, packageCommand } from "./_packages.js";
import { cacheMountTargets } from "../docker-hygiene/_run-context.js";

// Judges the stages that end up in the image: the final stage and the stages it builds on (FROM <stage>). A cache
// left in a build stage that is only copied from never ships, so it is not reported.
// Per RUN (shell form under a POSIX shell), a command is reported unless the same RUN cleans up after it:
// - apt-get/apt update: /var/lib/apt/lists removed later (rm, find -delete, or apt-get dist-clean);
// - apk add/upgrade without --no-cache (or --no-network), apk update: /var/cache/apk removed later;
// - pip install without --no-cache-dir: PIP_NO_CACHE_DIR set (ENV/ARG of the stage or a stage it builds on, an
//   assignment on the command, export earlier in the RUN), or pip's cache removed / `pip cache purge` later;
// - yum/dnf/microdnf/tdnf install, update, upgrade, ...: `<tool> clean all` or rm of /var/cache/{yum,dnf,tdnf} later;
// - zypper install/update/patch/dup: `zypper clean` / `zypper cc` or rm of /var/cache/zypp later;
// - yarn install/add (bare `yarn` installs): `yarn cache clean` or rm of the yarn cache later.
// A BuildKit cache mount (`RUN --mount=type=cache,target=...`) on the tool's cache directory counts as clean: the
// cache then lives outside the layer. One finding per cache and RUN (`apk update && apk upgrade` is one finding).
type Family = "apt" | "apk" | "pip" | "yum" | "zypper" | "yarn";

const YUM_SUBS = new Set(["install", "update", "upgrade", "reinstall", "downgrade", "groupinstall", "groupupdate", "localinstall", "distro-sync", "makecache", "group", "module", "swap"]);
const ZYPPER_SUBS = new Set(["install", "in", "update", "up", "patch", "dist-upgrade", "dup", "source-install", "si"]);

export default defineRule({
  id: "docker-package-cache-not-cleaned",
  title: "Package cache left in the image",
  rationale:
    "Package managers keep downloaded indexes and packages in cache directories (/var/lib/apt/lists, /var/cache/apk, " +
    "/var/cache/dnf, ~/.cache/pip, the yarn cache). If the RUN that created them does not also delete them, they are " +
    "frozen into that layer: tens or hundreds of megabytes that every pull downloads and nobody uses.",
  attack:
    "Leftover package indexes tell an intruder exactly which repositories and versions the image was built from, " +
    "which speeds up finding a vulnerable package; a larger image is also slower to patch and redeploy.",
  remediation:
    "Clean up in the same RUN as the install: `apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`, " +
    "`apk add --no-cache …`, `pip install --no-cache-dir …`, `dnf install -y … && dnf clean all`, " +
    "`zypper -n install … && zypper clean -a`, `yarn install && yarn cache clean`, or keep the cache outside the " +
    "image with a BuildKit cache mount (`RUN --mount=type=cache,target=/var/cache/apt …`).",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n",
  },
  messages: {
    apt: "`{{command}}` leaves the package lists in the layer; remove /var/lib/apt/lists/* in the same RUN",
    apk: "`{{command}}` keeps the package index in /var/cache/apk; use --no-cache",
    pip: "`{{command}}` keeps pip's download cache in the layer; use --no-cache-dir or set PIP_NO_CACHE_DIR=1",
    yum: "`{{command}}` leaves its cache in the layer; run `{{tool}} clean all` in the same RUN",
    zypper: "`{{command}}` leaves its cache in the layer; run `zypper clean -a` in the same RUN",
    yarn: "`{{command}}` leaves the yarn cache in the layer; run `yarn cache clean` in the same RUN",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { dockerfile, stage } = view;
    if (!shipped(dockerfile, stage)) return;
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== "RUN" || !instruction.shell) continue;
      const commands = instruction.shell.commands;
      const mounts = cacheMountTargets(instruction);
      const reported = new Set<Family>();
      commands.forEach((command, i) => {
        if (command.substituted) return;
        const p = packageCommand(command);
        if (!p) return;
        const family = leavesCache(p, command, instruction, dockerfile, stage);
        if (!family || reported.has(family)) return;
        if (mounts.some((m) => mountCovers(family, m))) return;
        const later = commands.slice(i + 1);
        if (later.some((c) => cleans(family, c))) return;
        reported.add(family);
        const shown = `${p.program} ${verb(p) ?? ""}`.trim();
        ctx.report({ messageId: family, data: { command: shown, tool: p.program }, path: p.word.path, fix: fixFor(family, i, instruction, dockerfile, stage) });
      });
    }
  },
});

const FIX_NOTE =
  "Only the cache is removed, in the same RUN that filled it, after the last command of that package manager. A later " +
  "RUN that installs packages with the same tool must refresh its index again (apt-get update in that RUN).";

/** What is appended after the last command of the tool, per cache; `tool` is the program as written there. */
const CLEANUP: Partial<Record<Family, (tool: string) => string>> = {
  apt: () => "rm -rf /var/lib/apt/lists/*",
  apk: () => "rm -rf /var/cache/apk/*",
  yum: (tool) => `${tool} clean all`,
  zypper: () => "zypper clean -a",
  yarn: (tool) => `${tool} cache clean`,
};

/** Loops and conditionals: a cleanup appended inside one could run too early, too often or not at all. */
const CONTROL = /(^|[\s;&|(){}])(for|while|until|if|case|select|function)(?=[\s;&|(){}]|$)|\(\s*\)\s*\{/;

/**
 * The fix of the finding on `commands[at]` of this RUN: apk and pip get their no-cache option on every command that
 * would still fill the cache (apk: only when the RUN does not refresh the index with `apk update`); otherwise the
 * cleanup is appended with ` && ` after the last command of the same tool in the RUN, when that is unambiguous: a
 * plain command (not in a pipeline, without redirections, not wrapped except by sudo) in a script without loops
 * or conditionals. apt's lists (and an `apk update`'s index) are only removed when a later command of the RUN uses
 * them: a RUN that only refreshes the index is left alone (the next RUN relies on it).
 */
function fixFor(family: Family, at: number, instruction: Instruction, dockerfile: Dockerfile, stage: Stage): Fix | undefined {
  if (instruction.form === "exec" || !instruction.shell) return undefined;
  const commands = instruction.shell.commands;
  const offending = commands.filter((c, i) => {
    if (i < at || c.substituted) return false;
    const p = packageCommand(c);
    return p !== undefined && leavesCache(p, c, instruction, dockerfile, stage) === family && !commands.slice(i + 1).some((l) => cleans(family, l));
  });
  const refreshes = family === "apk" && offending.some((c) => verb(packageCommand(c)!) === "update");
  if (family === "pip" || (family === "apk" && !refreshes)) {
    const option = family === "pip" ? "--no-cache-dir" : "--no-cache";
    const ops: FixOp[] = [];
    for (const c of offending) {
      const w = packageCommand(c)?.subcommandWord;
      if (!w) return undefined;
      ops.push({ op: "insertText", path: w.path, text: ` ${option}`, position: "after" });
    }
    return ops.length === 0 ? undefined : fixes.ops(ops, { description: `Add ${option} to ${family === "pip" ? "pip install" : "apk"} in this RUN`, safety: "safe", note: FIX_NOTE });
  }
  const cleanup = CLEANUP[family];
  if (!cleanup || CONTROL.test(instruction.shell.text)) return undefined;
  let last = -1;
  commands.forEach((c, i) => {
    if (c.substituted) return;
    const p = packageCommand(c);
    const mine = p ? cacheFamily(p) === family : family === "apt" && effectiveCommand(c).program === "apt-cache";
    if (mine) last = i;
  });
  const anchor = commands[last];
  // apt update (and apk update) must be followed by the command that uses the index
  if (!anchor || last < at || ((family === "apt" || refreshes) && last === at)) return undefined;
  if ((anchor.pipeline && anchor.pipeline.size > 1) || anchor.redirects.length > 0) return undefined;
  const e = effectiveCommand(anchor);
  if (e.wrappers.some((w) => w !== "sudo") || !e.word) return undefined;
  const p = packageCommand(anchor);
  const text = `${e.wrappers.includes("sudo") ? "sudo " : ""}${cleanup(p?.program ?? "")}`;
  const after = p ? `${p.program} ${p.subcommand ?? ""}`.trim() : e.word.text;
  return fixes.ops([{ op: "insertText", path: anchor.path, text: ` && ${text}`, position: "after" }], {
    description: `Append \`${text}\` after \`${after}\` in the same RUN`,
    safety: "safe",
    note: FIX_NOTE,
  });
}

/** The cache a package manager fills: rpm managers share "yum"; of the npm-like managers only yarn is judged. */
function cacheFamily(p: PackageCommand): Family | undefined {
  switch (p.family) {
    case "apt":
    case "apk":
    case "pip":
    case "zypper":
      return p.family;
    case "rpm":
      return "yum";
    case "npm":
      return p.manager === "yarn" ? "yarn" : undefined;
    default:
      return undefined;
  }
}

/** The subcommand word as written, lower-cased (`global` of `yarn global add`, `group` of `dnf group install`). */
function verb(p: PackageCommand): string | undefined {
  return p.subcommandWord?.text.toLowerCase();
}

/** The final stage and every stage it builds on. */
function shipped(dockerfile: Dockerfile, stage: Stage): boolean {
  const final = dockerfile.stages[dockerfile.stages.length - 1];
  return final !== undefined && stageChain(dockerfile, final).includes(stage);
}

/** The cache family the command fills, or undefined when it leaves no cache behind. */
function leavesCache(p: PackageCommand, command: ShellCommand, instruction: Instruction, dockerfile: Dockerfile, stage: Stage): Family | undefined {
  const sub = verb(p);
  switch (cacheFamily(p)) {
    case "apt":
      return sub === "update" && p.manager !== "aptitude" ? "apt" : undefined;
    case "apk":
      if (sub === "update") return "apk";
      // --no-network installs from what is already on disk and downloads no index.
      return (sub === "add" || sub === "upgrade") && !findExactOption(p.args, "--no-cache", "--no-network") ? "apk" : undefined;
    case "pip":
      if (sub !== "install") return undefined;
      if (findExactOption(p.args, "--no-cache-dir", "--no-cache")) return undefined;
      if (pipCacheDisabled(command, instruction, dockerfile, stage)) return undefined;
      return "pip";
    case "yum":
      if (!sub || !YUM_SUBS.has(sub)) return undefined;
      if (sub === "group" || sub === "module") {
        const next = argsAfterSubcommand(p).find((a) => !a.text.startsWith("-"))?.text;
        if (next !== "install" && next !== "update" && next !== "upgrade") return undefined;
      }
      return "yum";
    case "zypper":
      return sub && ZYPPER_SUBS.has(sub) ? "zypper" : undefined;
    case "yarn": {
      if (sub === undefined) return findExactOption(p.args, "--version", "-v", "--help", "-h") ? undefined : "yarn";
      if (sub === "install") return "yarn";
      if (sub === "add") return "yarn";
      if (sub === "global") return argsAfterSubcommand(p).find((a) => !a.text.startsWith("-"))?.text === "add" ? "yarn" : undefined;
      return undefined;
    }
    default:
      return undefined;
  }
}

const TRUTHY_UNSET = new Set(["", "0"]);

/** PIP_NO_CACHE_DIR set for this pip: on the command, exported earlier in the RUN, or by ENV/ARG before it. */
function pipCacheDisabled(command: ShellCommand, instruction: Instruction, dockerfile: Dockerfile, stage: Stage): boolean {
  const set = (v: string | undefined) => v !== undefined && !TRUTHY_UNSET.has(v.trim());
  if (command.assignments.some((a) => a.name === "PIP_NO_CACHE_DIR" && set(a.value?.text))) return true;
  // `env PIP_NO_CACHE_DIR=1 pip install`
  const words = [command.name, ...command.args].filter((w) => w !== undefined);
  if (words.some((w) => /^PIP_NO_CACHE_DIR=./.test(w.text) && !/^PIP_NO_CACHE_DIR=0$/.test(w.text))) return true;
  const cmds = instruction.shell?.commands ?? [];
  for (const c of cmds) {
    if (c === command) break;
    if (c.name?.value === "export" && c.assignments.some((a) => a.name === "PIP_NO_CACHE_DIR" && set(a.value?.text))) return true;
    const e = effectiveCommand(c);
    if (e.program && /^pip/.test(e.program) && e.args.some((a) => /^(global|install)\.no-cache-dir$/.test(a.text))) return true;
  }
  // ENV/ARG in this stage before the RUN, or anywhere in the stages it builds on; pip config written earlier.
  for (const s of stageChain(dockerfile, stage).reverse()) {
    for (const ins of s.instructions) {
      if (ins === instruction) break;
      if ((ins.keyword === "ENV" || ins.keyword === "ARG") && ins.properties.some((pr) => pr.name === "PIP_NO_CACHE_DIR" && set(pr.value))) return true;
      if (ins.keyword === "RUN" && /no-cache-dir\s*=?\s*(true|1|yes|on|false|off)?/i.test(ins.args) && /pip(3)?\s+config\s+set|pip\.conf/.test(ins.args)) return true;
    }
  }
  return false;
}

const CACHE_PATHS: Record<Family, RegExp> = {
  apt: /^\/var\/lib\/apt\/lists(\/.*)?$|^\/var\/lib\/apt\/?\*?$/,
  apk: /^\/var\/cache\/apk(\/.*)?$|^\/etc\/apk\/cache(\/.*)?$/,
  pip: /(^|\/)\.cache(\/pip(\/.*)?|\/?\*?)?$/,
  yum: /^\/var\/cache\/(yum|dnf|tdnf|microdnf)(\/.*)?$|^\/var\/cache\/?\*?$/,
  zypper: /^\/var\/cache\/zypp(\/.*)?$|^\/var\/cache\/?\*?$/,
  yarn: /yarn.*cache|cache.*yarn/i,
};

/** A later command that removes the family's cache. */
function cleans(family: Family, command: ShellCommand): boolean {
  if (command.substituted) return false;
  const e = effectiveCommand(command);
  if (!e.program) return false;
  if (e.program === "rm" || (e.program === "find" && e.args.some((a) => a.text === "-delete" || a.text === "-exec"))) {
    const paths = e.program === "rm" ? positionalArgs(e.args) : e.args.filter((a) => a.text.startsWith("/") || a.text.startsWith("~") || a.text.startsWith("$"));
    return paths.some((a) => CACHE_PATHS[family].test(a.text.replace(/^(~|\$HOME|\$\{HOME\}|\/root)(?=\/)/, "/root")));
  }
  const p = packageCommand(command);
  if (!p) return false;
  switch (family) {
    case "apt":
      // apt 2.9+: dist-clean removes the lists as well as the package cache.
      return cacheFamily(p) === "apt" && verb(p) === "dist-clean";
    case "yum":
      return cacheFamily(p) === "yum" && verb(p) === "clean" && argsAfterSubcommand(p).some((a) => a.text === "all");
    case "zypper":
      return cacheFamily(p) === "zypper" && (verb(p) === "clean" || verb(p) === "cc");
    case "yarn":
      return cacheFamily(p) === "yarn" && verb(p) === "cache" && argsAfterSubcommand(p).some((a) => a.text === "clean");
    case "pip":
      return cacheFamily(p) === "pip" && verb(p) === "cache" && argsAfterSubcommand(p).some((a) => a.text === "purge" || a.text === "remove");
    case "apk":
      return cacheFamily(p) === "apk" && verb(p) === "cache" && argsAfterSubcommand(p).some((a) => a.text === "clean" || a.text === "purge");
    default:
      return false;
  }
}

function mountCovers(family: Family, target: string): boolean {
  const t = target.replace(/\/+$/, "");
  switch (family) {
    case "apt":
      return /^\/var\/(lib|cache)\/apt(\/|$)/.test(t);
    case "apk":
      return /^\/var\/cache\/apk(\/|$)|^\/etc\/apk\/cache(\/|$)/.test(t);
    case "pip":
      return /(^|\/)\.cache(\/pip)?$/.test(t) || /pip/.test(t);
    case "yum":
      return /^\/var\/cache\/(yum|dnf|tdnf|libdnf5)(\/|$)|^\/var\/cache$/.test(t);
    case "zypper":
      return /^\/var\/cache\/zypp(\/|$)|^\/var\/cache$/.test(t);
    case "yarn":
      return /yarn/i.test(t);
  }
}
