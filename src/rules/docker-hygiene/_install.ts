// Package-manager command recognition for the docker-* hygiene and supply-chain rules written alongside it
// (docker-noninteractive-install, docker-no-install-recommends, docker-package-cache-not-cleaned).
// Works on the parsed shell of RUN: wrappers (sudo, env, ...) are stripped by effectiveCommand, `python -m pip` is
// recognised as pip, and the subcommand is the first argument that is not an option (skipping option values).
import { type ShellCommand, type ShellWord, effectiveCommand } from "../../model/dockerfile.js";

export type PackageFamily = "apt" | "yum" | "zypper" | "apk" | "pip" | "yarn" | "pacman";

export interface PackageCommand {
  /** The program as written (`apt-get`, `dnf`, `pip3`, `yarn`; `pip` for `python -m pip`). */
  manager: string;
  family: PackageFamily;
  /** The subcommand (`install`, `add`, ...), lower-cased; for pacman the operation flag (`-Syu`). */
  subcommand: string | undefined;
  subcommandWord: ShellWord | undefined;
  /** Arguments after the program (for `python -m pip`, after `pip`). */
  args: ShellWord[];
  /** The word to report at: the program. */
  word: ShellWord;
  command: ShellCommand;
}

const FAMILY: Record<string, PackageFamily> = {
  "apt-get": "apt",
  apt: "apt",
  aptitude: "apt",
  yum: "yum",
  dnf: "yum",
  microdnf: "yum",
  tdnf: "yum",
  zypper: "zypper",
  apk: "apk",
  pip: "pip",
  pip3: "pip",
  pip2: "pip",
  yarn: "yarn",
  yarnpkg: "yarn",
  pacman: "pacman",
};

/** Options that take a separate value, per family (the value is not the subcommand). */
const WITH_VALUE: Record<PackageFamily, Set<string>> = {
  apt: new Set(["-o", "-c", "-t", "-a", "--option", "--config-file", "--target-release", "--default-release", "--host-architecture"]),
  yum: new Set(["-c", "-d", "-e", "-x", "-R", "--config", "--releasever", "--installroot", "--enablerepo", "--disablerepo", "--repo", "--repoid", "--exclude", "--setopt", "--repofrompath", "--forcearch", "--debuglevel", "--errorlevel", "--rpmverbosity"]),
  zypper: new Set(["-R", "--root", "-c", "--config", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir"]),
  apk: new Set(["-X", "--repository", "-p", "--root", "--keys-dir", "--repositories-file", "--cache-dir", "--arch", "--wait", "--timeout"]),
  pip: new Set(["--proxy", "--log", "--cache-dir", "--timeout", "--retries", "--exists-action", "--trusted-host", "--cert", "--client-cert", "--python", "-i", "--index-url"]),
  yarn: new Set(["--cwd", "--cache-folder", "--modules-folder", "--mutex", "--network-timeout", "--global-folder", "--link-folder", "--preferred-cache-folder", "--use-yarnrc"]),
  pacman: new Set(["-r", "--root", "-b", "--dbpath", "--cachedir", "--config", "--arch"]),
};

/** The package-manager command a shell command runs, or undefined. */
export function packageCommand(command: ShellCommand): PackageCommand | undefined {
  const e = effectiveCommand(command);
  if (!e.program || !e.word) return undefined;
  let manager = e.program;
  let args = e.args;
  let word = e.word;
  if (/^python(\d+(\.\d+)?)?$/.test(manager)) {
    // python -m pip install ..., python3 -mpip install ...
    const m = args.findIndex((a) => a.text === "-m" || a.text === "-mpip" || a.text === "-mpip3");
    if (m < 0) return undefined;
    const mod = args[m]!.text === "-m" ? args[m + 1]?.text : args[m]!.text.slice(2);
    if (mod !== "pip" && mod !== "pip3") return undefined;
    manager = "pip";
    word = args[m]!;
    args = args.slice(args[m]!.text === "-m" ? m + 2 : m + 1);
  } else if (/^pip\d(\.\d+)?$/.test(manager)) {
    manager = "pip3";
  }
  const family = FAMILY[manager];
  if (!family) return undefined;
  const sub = family === "pacman" ? pacmanOperation(args) : firstPositional(args, WITH_VALUE[family]);
  return { manager: e.program, family, subcommand: sub?.text.toLowerCase(), subcommandWord: sub, args, word, command };
}

function firstPositional(args: readonly ShellWord[], withValue: ReadonlySet<string>): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t === "--") return args[i + 1];
    if (t.startsWith("-")) {
      if (withValue.has(t)) i++;
      continue;
    }
    return args[i];
  }
  return undefined;
}

function pacmanOperation(args: readonly ShellWord[]): ShellWord | undefined {
  return args.find((a) => /^-[A-Z][A-Za-z]*$/.test(a.text) || /^--(sync|remove|upgrade)$/.test(a.text));
}

/** Arguments after the subcommand. */
export function argsAfterSubcommand(p: PackageCommand): ShellWord[] {
  if (!p.subcommandWord) return [];
  const i = p.args.indexOf(p.subcommandWord);
  return i < 0 ? [] : p.args.slice(i + 1);
}

/** Does any argument (anywhere) equal one of these, or, for `--long`, start with `--long=`? Stops at `--`. */
export function hasArg(args: readonly ShellWord[], ...options: string[]): ShellWord | undefined {
  for (const a of args) {
    const t = a.text;
    if (t === "--") return undefined;
    for (const o of options) {
      if (t === o) return a;
      if (o.startsWith("--") && t.startsWith(`${o}=`)) return a;
    }
  }
  return undefined;
}

/** A single-letter short option, alone or in a combined group (`-yq` holds `y`); `--` ends options. */
export function hasShortFlag(args: readonly ShellWord[], letter: string): ShellWord | undefined {
  for (const a of args) {
    const t = a.text;
    if (t === "--") return undefined;
    if (/^-[A-Za-z0-9]+$/.test(t) && t.slice(1).includes(letter)) return a;
  }
  return undefined;
}

/** A dry run that changes nothing and asks nothing: `apt-get install -s`, `dnf --assumeno`, `zypper --dry-run`. */
export function isDryRun(p: PackageCommand): boolean {
  switch (p.family) {
    case "apt":
      return hasShortFlag(p.args, "s") !== undefined || hasArg(p.args, "--simulate", "--just-print", "--dry-run", "--recon", "--no-act") !== undefined;
    case "yum":
      return hasArg(p.args, "--assumeno") !== undefined;
    case "zypper":
      return hasArg(p.args, "--dry-run", "-D") !== undefined && p.subcommandWord !== undefined && p.args.indexOf(p.subcommandWord) < p.args.findIndex((a) => a.text === "--dry-run" || a.text === "-D");
    case "pacman":
      return hasArg(p.args, "-p", "--print") !== undefined;
    default:
      return false;
  }
}
