import { defineRule } from "../../engine/rule-types.js";
import type { ShellWord } from "../../model/dockerfile.js";
import { type PackageCommand, type PackageFamily, listWords, packageCommands } from "./_packages.js";

// Runs on every stage. An install by apk, yum/dnf/microdnf, zypper, pip, npm/yarn/pnpm, gem or go names a package
// from a registry without a version (apt has its own rule, docker-apt-pin-versions). What counts as pinned:
//   apk      name=1.2.3, name~1.2, name<2 (any version constraint)
//   rpm      name-1.2.3[-release][.arch] (yum, dnf and microdnf take the version glued with a dash)
//   zypper   name=1.2, name>=1.2, or the rpm form
//   pip      name==1.2, name===1.2, name~=1.2, or an upper bound (name<2); >= alone is not a pin
//   npm      name@1.2.3, name@^1.2, name@~1.2 (a version or a range bounded by a major); not @latest, @next, @*
//   gem      -v/--version, or name:1.2.3
//   go       path@v1.2.3 or path@<commit>; not @latest/@master/@main; `go install` without @ builds from go.mod
//   go get   without @ fetches the latest version
// Not judged: local files, paths and URLs (./x.whl, git+https://…, x.rpm), groups and modules (@group), words only
// known at build time (`$PKGS`) unless they visibly pin (`flask==${V}`), and installs without package operands
// (`npm ci`, `pip install -r requirements.txt`, `yarn install`) that read a lock or requirements file.
const PINNED: Record<Exclude<PackageFamily, "apt" | "pacman" | "cargo">, (spec: string, pkg: PackageCommand) => boolean> = {
  apk: (s) => /[=<>~]/.test(s),
  rpm: (s) => rpmPinned(s),
  zypper: (s) => /[=<>]/.test(s) || rpmPinned(s),
  pip: (s) => /==|~=|</.test(s),
  npm: (s) => npmPinned(s),
  gem: (s, pkg) => s.includes(":") || pkg.args.some((a) => a.text === "-v" || a.text === "--version" || a.text.startsWith("--version=")),
  go: (s, pkg) => goPinned(s, pkg.subcommand === "get"),
};

export default defineRule({
  id: "docker-pkg-pin-versions",
  title: "Packages installed without a version",
  rationale:
    "`pip install requests`, `npm install -g typescript` or `apk add curl` install whatever the registry serves at " +
    "build time. Rebuilding the same Dockerfile can then produce different software, pull in a breaking release or a " +
    "compromised one, and nobody can tell afterwards exactly what went into the image.",
  attack:
    "Attackers publish malicious versions of popular packages (hijacked maintainer accounts, as with `ua-parser-js` " +
    "and `ctx`). Every image built while such a version is the newest installs it, because nothing in the Dockerfile " +
    "ties the build to a version that was reviewed.",
  remediation:
    "Pin every package: `pip install requests==2.32.3`, `npm install -g typescript@5.4.5`, `apk add curl=8.5.0-r0`, " +
    "`dnf install nginx-1.24.0`, `gem install rails -v 7.1.3`, `go install example.com/tool@v1.2.3`. Better still, " +
    "install from a lock or requirements file with hashes (`pip install --require-hashes -r requirements.txt`, `npm ci`) " +
    "and let a dependency bot propose updates.",
  example: {
    insecure: "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir requests\n",
    secure: "FROM python:3.12.4-slim\nRUN pip install --no-cache-dir requests==2.32.3\n",
  },
  messages: {
    unpinned: "{{manager}} {{subcommand}} does not pin the version of {{packages}}",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    for (const { pkg } of packageCommands(stage)) {
      if (pkg.action !== "install" || !(pkg.family in PINNED)) continue;
      const pinned = PINNED[pkg.family as keyof typeof PINNED];
      const specs = operandSpecs(pkg);
      const unpinned = specs.filter((w) => judged(w, pkg) && !pinned(w.text, pkg));
      if (unpinned.length === 0) continue;
      ctx.report({
        messageId: "unpinned",
        data: { manager: pkg.manager, subcommand: pkg.subcommand ?? "install", packages: listWords(unpinned) },
        path: unpinned[0]!.path,
      });
    }
  },
});

/** The package operands; pip's `name @ url` (three words) is one direct reference and is dropped. */
function operandSpecs(pkg: PackageCommand): ShellWord[] {
  if (pkg.family === "rpm" && /group/.test(pkg.subcommand ?? "")) return []; // groups have no versions
  if (pkg.family === "rpm" && /module/.test(pkg.subcommand ?? "")) return []; // module streams pin themselves
  if (pkg.family === "zypper" && pkg.args.some((a, i) => (a.text === "-t" || a.text === "--type") && pkg.args[i + 1]?.text !== "package")) return [];
  const out: ShellWord[] = [];
  const p = pkg.packages;
  for (let i = 0; i < p.length; i++) {
    if (pkg.family === "pip" && p[i + 1]?.text === "@") {
      i += 2;
      continue;
    }
    out.push(p[i]!);
  }
  return out;
}

/** A package from a registry whose name we can read. */
function judged(word: ShellWord, pkg: PackageCommand): boolean {
  const t = word.text;
  if (word.value === undefined) return false; // only known at build time (a visible pin in such a word is fine too)
  if (t === "" || t.startsWith(".") || t.startsWith("/") || t.startsWith("~") || t.includes("://")) return false;
  if (/^(git\+|file:|link:|github:|gitlab:|bitbucket:|gist:|npm:)/.test(t)) return false;
  if (/\.(whl|tar\.gz|tgz|zip|tar\.bz2|rpm|apk|gem)$/.test(t)) return false;
  if (pkg.family === "rpm" || pkg.family === "zypper") {
    if (t.startsWith("@") || t.includes("/") || t.includes("(")) return false; // groups/modules, files, capabilities
    if (/^(pattern|patch|product|srcpackage):/.test(t)) return false;
  }
  if (pkg.family === "pip" && t.includes("/")) return false; // a path or URL
  if (pkg.family === "npm" && !t.startsWith("@") && t.includes("/")) return false; // a path or owner/repo on GitHub
  if (pkg.family === "go") {
    // `go install` without @ builds the main module's package at the version go.mod requires; `go get .`/`./...` is local.
    if (pkg.subcommand !== "get" && !t.includes("@")) return false;
    if (!/^[A-Za-z0-9-]+\.[A-Za-z0-9.-]+\//.test(t) && !t.includes("@")) return false; // not a remote module path
  }
  return true;
}

/** name-version[-release][.arch], possibly with an epoch (`nginx-1:1.24.0-1.el9`) or a glob (`nginx-1.24*`). */
function rpmPinned(spec: string): boolean {
  const s = spec.replace(/\.(x86_64|noarch|aarch64|i686|i386|ppc64le|s390x|armv7hl|src)$/, "");
  const parts = s.split("-");
  if (parts.length < 2) return false;
  const last = parts[parts.length - 1]!;
  const before = parts[parts.length - 2]!;
  return /^(\d+:)?\d/.test(last) || (parts.length >= 3 && /^(\d+:)?\d/.test(before) && /\d/.test(last));
}

function npmPinned(spec: string): boolean {
  const at = spec.indexOf("@", spec.startsWith("@") ? 1 : 0);
  if (at < 0) return false;
  const version = spec.slice(at + 1);
  return /^(=|v)?\d/.test(version) || /^[~^]\s*\d/.test(version) || /^<=?\s*\d/.test(version);
}

function goPinned(spec: string, isGet: boolean): boolean {
  const at = spec.lastIndexOf("@");
  if (at < 0) return !isGet;
  const version = spec.slice(at + 1);
  return /^v\d/.test(version) || /^[0-9a-f]{7,40}$/.test(version) || version === "none";
}
