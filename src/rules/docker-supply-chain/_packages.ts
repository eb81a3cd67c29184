// A shared recogniser of package-manager commands in RUN instructions: which manager runs, what it is asked to do
// (install, refresh the index, upgrade, ...) and which package operands it was given. Read from the parsed shell
// (after sudo/env/xargs wrappers are removed), never from the raw text, so `echo "apt-get update"` is no command.
//
// Stable exports (other rules import them):
//   packageCommand(command)      -> PackageCommand | undefined   one simple command
//   packageCommands(stage)       -> { instruction, pkg }[]        every package command of every RUN of a stage
//   instructionCommands(ins)     -> ShellCommand[]                the commands of one RUN (shell form, or exec form
//                                                                 as one synthetic command)
//   runAndExecCommands(stage)    -> { instruction, command }[]    instructionCommands of every RUN of a stage
//   PackageManager, PackageFamily, PackageAction, PackageCommand  types
//   listWords(words)             -> string                        `a, b, c` (five at most, the rest counted)
//   hasUnknownValue(word)        -> boolean                       word only known at run time (`$PKGS`, `$(cat x)`)
//   argsAfterSubcommand(pkg)     -> ShellWord[]                   the arguments after the subcommand word
//   isDryRun(pkg)                -> boolean                       a simulation that changes nothing
import { type Instruction, type ShellCommand, type ShellWord, type Stage, effectiveCommand, findExactOption, findOption, positionalArgs } from "../../model/dockerfile.js";

/** The program, normalised: pip2/pip3/pip3.11/`python -m pip` are all "pip", dnf5 is "dnf", yarnpkg is "yarn". */
export type PackageManager =
  | "apt-get" | "apt" | "aptitude" | "apk" | "yum" | "dnf" | "microdnf" | "tdnf" | "zypper" | "pacman"
  | "pip" | "npm" | "yarn" | "pnpm" | "gem" | "go" | "cargo";

/** Managers that share one package index: apt-get, apt and aptitude are "apt"; yum, dnf, microdnf and tdnf are "rpm". */
export type PackageFamily = "apt" | "apk" | "rpm" | "zypper" | "pacman" | "pip" | "npm" | "gem" | "go" | "cargo";

/**
 * What the command does:
 * - install: adds packages (apt-get install, apk add, pip install, npm ci, go get, ...);
 * - update: refreshes the package index only (apt-get update, apk update, yum/dnf makecache, zypper refresh, pacman -Sy);
 * - upgrade: upgrades installed packages (apt-get upgrade, yum update, zypper update, pacman -Syu, npm update, ...);
 * - dist-upgrade: an upgrade that may add, remove or switch packages across releases (apt-get dist-upgrade/full-upgrade,
 *   zypper dist-upgrade, dnf distro-sync/system-upgrade, apk upgrade --available);
 * - remove: removes packages;
 * - other: anything else (clean, search, show, config, ...), or no subcommand.
 */
export type PackageAction = "install" | "update" | "upgrade" | "dist-upgrade" | "remove" | "other";

export interface PackageCommand {
  manager: PackageManager;
  /** The program as invoked, for messages: `apt-get`, `dnf5`, `pip3.11`, `yarnpkg`; `python3` for `python3 -m pip`. */
  program: string;
  family: PackageFamily;
  /**
   * The subcommand as written (`install`, `in`, `add`, `-Syu` for pacman); two words for dnf/yum `group install` and
   * `module install`; `add` for `yarn global add`. Undefined when there is none.
   */
  subcommand: string | undefined;
  subcommandWord: ShellWord | undefined;
  action: PackageAction;
  /** The word naming the program (`apt-get`; `python3` for `python3 -m pip`). */
  word: ShellWord;
  /** The manager's arguments (for `python -m pip`, those after `pip`). */
  args: ShellWord[];
  /**
   * For install: the package operands, i.e. the words that are not options or option values, after the subcommand
   * (for gem, up to `--`). Package files, paths and URLs are included; callers decide what to make of them. Empty for
   * other actions.
   */
  packages: ShellWord[];
  /** The simple command (with wrappers such as sudo still in it). */
  command: ShellCommand;
}

/** The word's value is only known when the build runs (it holds `$VAR`, `${VAR}` or a command substitution). */
export function hasUnknownValue(word: ShellWord): boolean {
  return word.value === undefined;
}

/** `a, b, c` for a message: at most five words as written (quotes removed), the rest counted. */
export function listWords(words: readonly ShellWord[]): string {
  const names = words.map((w) => w.text);
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

/** Every package command of every RUN of the stage, in source order (substituted commands included). */
export function* packageCommands(stage: Stage): Generator<{ instruction: Instruction; pkg: PackageCommand }> {
  for (const { instruction, command } of runAndExecCommands(stage)) {
    const pkg = packageCommand(command);
    if (pkg) yield { instruction, pkg };
  }
}

/** Every simple command of every RUN of the stage (see instructionCommands: the exec form counts as one command). */
export function* runAndExecCommands(stage: Stage): Generator<{ instruction: Instruction; command: ShellCommand }> {
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== "RUN") continue;
    for (const command of instructionCommands(instruction)) yield { instruction, command };
  }
}

/**
 * The simple commands of a RUN: those of the parsed shell (shell form under a POSIX shell, heredoc scripts), or, for the
 * exec form `RUN ["apt-get", "update"]`, one command built from the JSON strings (no shell is involved, so there is
 * nothing more to parse). Empty for PowerShell/cmd stages and for exec forms whose words cannot be placed.
 */
export function instructionCommands(instruction: Instruction): ShellCommand[] {
  if (instruction.shell) return instruction.shell.commands;
  if (instruction.form !== "exec" || !instruction.exec || instruction.exec.length === 0) return [];
  // The loader splits the JSON array into one word per string; without that match there is no path to report at.
  if (instruction.words.length !== instruction.exec.length) return [];
  const words: ShellWord[] = instruction.exec.map((s, i) => ({
    raw: JSON.stringify(s),
    value: s,
    text: s,
    substitutions: [],
    path: instruction.words[i]!.path,
  }));
  return [
    {
      name: words[0],
      args: words.slice(1),
      assignments: [],
      pipeline: undefined,
      redirects: [],
      substituted: false,
      path: instruction.path,
    },
  ];
}

interface Spec {
  family: PackageFamily;
  /** Options that take the next word as their value (also matched glued to a short option: `-oFoo`). */
  valued: ReadonlySet<string>;
  /** Subcommand (lower-case) -> action. */
  actions: Record<string, PackageAction>;
}

const set = (...s: string[]) => new Set(s);

const APT: Spec = {
  family: "apt",
  valued: set("-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release", "-a", "--host-architecture"),
  actions: {
    install: "install", reinstall: "install", "build-dep": "install", "satisfy": "install",
    update: "update",
    upgrade: "upgrade", "safe-upgrade": "upgrade",
    "dist-upgrade": "dist-upgrade", "full-upgrade": "dist-upgrade",
    remove: "remove", purge: "remove", autoremove: "remove", "auto-remove": "remove",
  },
};

const APK: Spec = {
  family: "apk",
  valued: set("-X", "--repository", "-p", "--root", "--keys-dir", "--repositories-file", "--cache-dir", "--arch",
    "-t", "--virtual", "--cache-max-age", "--timeout"),
  actions: { add: "install", update: "update", upgrade: "upgrade", del: "remove", fix: "other" },
};

const RPM_VALUED = set("-c", "--config", "-R", "--randomwait", "--installroot", "--releasever", "--setopt", "-x", "--exclude", "--excludepkgs",
  "--enablerepo", "--disablerepo", "--repo", "--repoid", "--repofrompath", "-d", "--debuglevel", "-e", "--errorlevel",
  "--downloaddir", "--destdir", "--forcearch", "--rpmverbosity", "--color", "--disableplugin", "--enableplugin",
  "--comment", "--advisory", "--advisories", "--bz", "--cve", "--sec-severity", "--secseverity", "--use-host-config");
const RPM: Spec = {
  family: "rpm",
  valued: RPM_VALUED,
  actions: {
    install: "install", in: "install", localinstall: "install", reinstall: "install", groupinstall: "install",
    makecache: "update", mc: "update",
    update: "upgrade", upgrade: "upgrade", up: "upgrade", "update-minimal": "upgrade", "upgrade-minimal": "upgrade",
    "distro-sync": "dist-upgrade", distrosync: "dist-upgrade", dsync: "dist-upgrade", "system-upgrade": "dist-upgrade",
    remove: "remove", erase: "remove", rm: "remove", autoremove: "remove", groupremove: "remove",
  },
};

const ZYPPER: Spec = {
  family: "zypper",
  valued: set("-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir",
    "--pkg-cache-dir", "-c", "--config", "-t", "--type", "-r", "--repo", "--from", "--installroot"),
  actions: {
    install: "install", in: "install",
    refresh: "update", ref: "update",
    update: "upgrade", up: "upgrade", patch: "upgrade",
    "dist-upgrade": "dist-upgrade", dup: "dist-upgrade",
    remove: "remove", rm: "remove",
  },
};

const PIP: Spec = {
  family: "pip",
  valued: set("-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
    "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src", "--platform", "--python-version",
    "--implementation", "--abi", "--upgrade-strategy", "--progress-bar", "--no-binary", "--only-binary",
    "--global-option", "--install-option", "-C", "--config-settings", "--report", "--proxy", "--log", "--timeout",
    "--retries", "--cache-dir", "--cert", "--client-cert", "--exists-action", "--trusted-host", "--python",
    "--root-user-action", "--use-feature", "--use-deprecated", "--keyring-provider"),
  actions: { install: "install", uninstall: "remove" },
};

const NPM_VALUED = set("--prefix", "--registry", "--cache", "--tag", "-w", "--workspace", "--omit", "--include",
  "--userconfig", "--globalconfig", "--loglevel", "--install-strategy", "--location", "--before", "--fetch-retries",
  "--fetch-timeout", "--maxsockets", "--cwd", "--modules-folder", "--cache-folder", "--network-timeout", "--mutex",
  "--global-folder", "--link-folder", "--preferred-cache-folder", "--use-yarnrc", "--dir", "--filter", "-F", "--store-dir", "--reporter", "--network-concurrency");
const NPM_ACTIONS: Record<string, PackageAction> = {
  install: "install", i: "install", in: "install", ins: "install", inst: "install", insta: "install",
  instal: "install", isnt: "install", isnta: "install", isntal: "install", isntall: "install", add: "install",
  ci: "install", "clean-install": "install", "install-clean": "install",
  update: "upgrade", up: "upgrade", upgrade: "upgrade", udpate: "upgrade",
  uninstall: "remove", remove: "remove", rm: "remove", un: "remove", r: "remove", unlink: "remove",
};
const NPM: Spec = { family: "npm", valued: NPM_VALUED, actions: NPM_ACTIONS };

const GEM: Spec = {
  family: "gem",
  valued: set("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--source", "-s", "-P", "--trust-policy",
    "--platform", "-g", "--file", "--document", "-p", "--http-proxy", "--build-root", "--target-rbconfig"),
  actions: { install: "install", i: "install", update: "upgrade", uninstall: "remove" },
};

const GO: Spec = {
  family: "go",
  valued: set("-o", "-ldflags", "-gcflags", "-tags", "-mod", "-modfile", "-C", "-p", "-pkgdir", "-toolexec",
    "-buildmode", "-asmflags", "-compiler", "-installsuffix", "-overlay", "-pgo", "-exec", "-gccgoflags",
    "--ldflags", "--tags", "--gcflags"),
  actions: { install: "install", get: "install" },
};

const CARGO: Spec = {
  family: "cargo",
  valued: set("--version", "--vers", "--git", "--branch", "--tag", "--rev", "--path", "--root", "--index",
    "--registry", "--bin", "--example", "--features", "-F", "--target", "--target-dir", "--profile", "-j", "--jobs",
    "--config", "-Z", "--color"),
  actions: { install: "install", uninstall: "remove" },
};

const SPECS: Record<Exclude<PackageManager, "pacman">, Spec> = {
  "apt-get": APT, apt: APT, aptitude: APT, apk: APK, yum: RPM, dnf: RPM, microdnf: RPM, tdnf: RPM, zypper: ZYPPER,
  pip: PIP, npm: NPM, yarn: NPM, pnpm: NPM, gem: GEM, go: GO, cargo: CARGO,
};

/** The package-manager command a simple command runs, or undefined when it runs none. */
/** Computed once per command and shared by every package rule. */
const packageCache = new WeakMap<ShellCommand, PackageCommand | null>();

export function packageCommand(command: ShellCommand): PackageCommand | undefined {
  let p = packageCache.get(command);
  if (p === undefined) packageCache.set(command, (p = recognise(command) ?? null));
  return p ?? undefined;
}

function recognise(command: ShellCommand): PackageCommand | undefined {
  const e = effectiveCommand(command);
  if (!e.program || !e.word) return undefined;
  const program = e.program;
  let args = e.args;
  let manager: PackageManager | undefined;
  if (/^pip\d*(\.\d+)*$/.test(program)) manager = "pip";
  else if (/^python\d*(\.\d+)*$/.test(program)) {
    const m = pythonModuleArgs(args);
    if (!m) return undefined;
    manager = "pip";
    args = m;
  } else if (program === "uv" && args[0]?.value === "pip") {
    manager = "pip";
    args = args.slice(1);
  } else if (program === "dnf5" || program === "dnf4" || program === "microdnf") manager = program === "microdnf" ? "microdnf" : "dnf";
  else if (program === "yarnpkg") manager = "yarn";
  else if (program in SPECS || program === "pacman") manager = program as PackageManager;
  if (!manager) return undefined;
  if (manager === "pacman") return pacman(program, e.word, args, command);

  const spec = SPECS[manager];
  // For gem, `--` ends the gems (build arguments follow).
  const positional = positionalArgs(args, spec.valued, manager === "gem");
  let sub = positional[0];
  let rest = positional.slice(1);
  // `yarn global add x`, `pnpm -g add`, `dnf group install`, `dnf module install`, `go mod download`.
  if ((manager === "yarn" || manager === "pnpm") && sub?.value === "global") {
    sub = rest[0];
    rest = rest.slice(1);
  }
  let subText = sub?.value?.toLowerCase();
  let action: PackageAction = subText === undefined ? "other" : (spec.actions[subText] ?? "other");
  if ((manager === "yum" || manager === "dnf") && (subText === "group" || subText === "groups" || subText === "module")) {
    const verb = rest[0]?.value?.toLowerCase();
    action = verb === "install" ? "install" : verb === "remove" ? "remove" : verb === "update" || verb === "upgrade" ? "upgrade" : "other";
    subText = `${subText} ${verb ?? ""}`.trim();
    rest = rest.slice(1);
  }
  if (manager === "yarn" && sub === undefined) action = "install"; // bare `yarn` installs from package.json
  if (manager === "yarn" && subText === "install") action = "install";
  if (manager === "yarn" && (subText === "upgrade" || subText === "up")) action = "upgrade";
  if (manager === "apk" && subText === "upgrade" && args.some((a) => a.text === "-a" || a.text === "--available")) action = "dist-upgrade";
  return {
    manager,
    program,
    family: spec.family,
    subcommand: subText === undefined ? sub?.text : subText.includes(" ") ? subText : (sub?.value ?? sub?.text),
    subcommandWord: sub,
    action,
    word: e.word,
    args,
    packages: action === "install" ? rest : [],
    command,
  };
}

/** Arguments after `-m pip` (`python3 -m pip install x`, `python -mpip ...`); undefined for other modules. */
function pythonModuleArgs(args: readonly ShellWord[]): ShellWord[] | undefined {
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!.text;
    if (t === "-m") return /^pip\d*$/.test(args[i + 1]?.value ?? "") ? args.slice(i + 2) : undefined;
    if (t.startsWith("-m")) return /^pip\d*$/.test(t.slice(2)) ? args.slice(i + 1) : undefined;
    if (t === "-c" || !t.startsWith("-")) return undefined; // a script runs, not a module
  }
  return undefined;
}

/** pacman's operation is an option: `-S pkg` installs, `-Sy` refreshes, `-Syu` upgrades, `-R` removes. */
function pacman(program: string, word: ShellWord, args: ShellWord[], command: ShellCommand): PackageCommand {
  const op = args.find((a) => /^-[A-Za-z]+$/.test(a.text) && /[A-Z]/.test(a.text)) ??
    args.find((a) => /^--(sync|remove|upgrade|query)$/.test(a.text));
  const operands = args.filter((a) => !a.text.startsWith("-"));
  let action: PackageAction = "other";
  const t = op?.text ?? "";
  if (t === "--sync" || /^-[a-z]*S/.test(t)) {
    const flags = t === "--sync" ? "" : t.slice(1);
    const refresh = flags.includes("y") || args.some((a) => a.text === "--refresh");
    const upgrade = flags.includes("u") || args.some((a) => a.text === "--sysupgrade");
    const query = /[sicgpl]/.test(flags.replace("S", ""));
    if (query) action = "other";
    else if (operands.length > 0) action = "install";
    else if (upgrade) action = "upgrade";
    else if (refresh) action = "update";
  } else if (t === "--remove" || /^-[a-z]*R/.test(t)) action = "remove";
  else if (t === "--upgrade" || /^-[a-z]*U/.test(t)) action = "install";
  return {
    manager: "pacman",
    program,
    family: "pacman",
    subcommand: op?.text,
    subcommandWord: op,
    action,
    word,
    args,
    packages: action === "install" ? operands : [],
    command,
  };
}

/** The arguments after the subcommand word (for pacman, after the operation). */
export function argsAfterSubcommand(p: PackageCommand): ShellWord[] {
  if (!p.subcommandWord) return [];
  const i = p.args.indexOf(p.subcommandWord);
  return i < 0 ? [] : p.args.slice(i + 1);
}

/**
 * A dry run that changes nothing and asks nothing: `apt-get install -s` (--simulate, --dry-run, ...), `dnf
 * --assumeno`, `zypper install --dry-run` (after the subcommand), `pacman -S --print`.
 */
export function isDryRun(p: PackageCommand): boolean {
  switch (p.family) {
    case "apt":
      return findOption(p.args, "-s") !== undefined || findExactOption(p.args, "--simulate", "--just-print", "--dry-run", "--recon", "--no-act") !== undefined;
    case "rpm":
      return findExactOption(p.args, "--assumeno") !== undefined;
    case "zypper": {
      const dry = p.args.findIndex((a) => a.text === "--dry-run" || a.text === "-D");
      return dry >= 0 && p.subcommandWord !== undefined && p.args.indexOf(p.subcommandWord) < dry;
    }
    case "pacman":
      return findExactOption(p.args, "-p", "--print") !== undefined;
    default:
      return false;
  }
}
