import { defineRule } from "../../engine/rule-types.js";
import { type Instruction, type ShellWord, effectiveCommand, findExactOption, positionalArgs } from "../../model/dockerfile.js";
import { sourceOrder, baseName, configWrites, isOff, isOn, optionValues } from "./_trust-settings.js";
import { stageCommands } from "../../model/dockerfile-queries.js";

// Runs on every stage. Reported, read from the parsed shell (quoted text such as `echo "--nogpgcheck"` is not an
// option):
// - apk --allow-untrusted (except `apk index`, which only writes an index of local files, and `apk add` of local
//   .apk paths only, e.g. packages built in a build stage, unless the same RUN downloads something);
// - apt-get/apt/aptitude --allow-unauthenticated, --force-yes, --allow-insecure-repositories,
//   -o APT::Get::AllowUnauthenticated=true, -o Acquire::AllowInsecureRepositories=true (and the downgrade/weak forms);
// - yum/dnf/tdnf/microdnf/zypper --nogpgcheck (zypper --no-gpg-checks, --allow-unsigned-rpm), --setopt=[repo.]gpgcheck=0;
// - rpm installing or upgrading with --nosignature, --nodigest, --noverify or --nofiledigest;
// - dpkg --force-bad-verify;
// - a `[trusted=yes]` / `[allow-insecure=yes]` APT source on a network URI (add-apt-repository, or text written to
//   sources.list(.d)); a `file:` source is a local repository built in the same build and not reported;
// - gpgcheck=0 written into a yum/dnf .repo or yum.conf/dnf.conf, AllowUnauthenticated "true" into apt.conf(.d).
const RPM_CHECKS = ["--nosignature", "--nodigest", "--noverify", "--nofiledigest"];

export default defineRule({
  id: "docker-unsigned-packages",
  title: "Package signature checks turned off",
  rationale:
    "Package managers check each package against the distribution's signing keys, which is what makes installing " +
    "from mirrors and plain HTTP safe. Options like `--allow-untrusted`, `--allow-unauthenticated`, `--force-yes` or " +
    "`--nogpgcheck` turn that check off, so any package that arrives is installed.",
  attack:
    "An attacker who can answer the package download (a compromised or malicious mirror, a proxy, a network " +
    "man-in-the-middle on an HTTP repository) serves a modified package; with signature checks off it is installed " +
    "into the image, and its install scripts run as root during the build.",
  remediation:
    "Remove the option. For a third-party repository, import its signing key (`signed-by=` keyring for APT, " +
    "`rpm --import` / `gpgkey=` for yum/dnf, a key in /etc/apk/keys for apk) so its packages verify; for packages " +
    "you build yourself, sign them or install them from a build stage you control.",
  example: {
    insecure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n",
    secure: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
  },
  messages: {
    option: "{{program}} {{option}} installs packages without checking their signatures",
    setting: "{{program}} sets {{setting}}, which installs packages without checking their signatures",
    trustedSource: "{{where}} adds an APT source marked {{option}}, whose packages are not checked against a signing key",
    configFile: "text written to {{file}} turns off package signature checks ({{setting}})",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const out = sourceOrder<Parameters<typeof ctx.report>[0]>((r) => ctx.report(r));
    for (const { instruction, command } of stageCommands(stage)) {
      const e = effectiveCommand(command);
      const program = e.program;
      if (!program) continue;
      const opt = (word: ShellWord, option: string) => out.add({ messageId: "option", data: { program, option }, path: word.path });
      const setting = (word: ShellWord, s: string) => out.add({ messageId: "setting", data: { program, setting: s }, path: word.path });

      if (program === "apk") {
        const pos = positionalArgs(e.args, new Set(["-X", "--repository", "-p", "--root", "--keys-dir", "--repositories-file", "--arch", "--cache-dir", "-o", "--output", "-t", "--virtual"]));
        const sub = pos[0]?.text;
        const w = findExactOption(e.args, "--allow-untrusted");
        // Local .apk files built by this Dockerfile (a build stage, bind-mounted or copied) have no repository
        // signature to check; reported only when the same RUN also downloads something.
        const localOnly = pos.length > 1 && pos.slice(1).every((a) => /\//.test(a.text) && /\.apk$/.test(a.text)) && !downloads(instruction);
        if (w && sub !== "index" && sub !== "verify" && !localOnly) opt(w, "--allow-untrusted");
      } else if (program === "apt-get" || program === "apt" || program === "aptitude") {
        for (const o of ["--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories", "--allow-untrusted"]) {
          const w = e.args.find((a) => a.text === o || a.text === `${o}=true` || a.text === `${o}=yes`);
          if (w) opt(w, o);
        }
        for (const { value, word } of optionValues(e.args, ["--option"], ["-o"])) {
          const m = /^(APT::Get::AllowUnauthenticated|Acquire::Allow(?:Insecure|Weak|DowngradeToInsecure)Repositories)\s*=\s*(.*)$/i.exec(value);
          if (m && isOn(m[2]!.replace(/^["']|["']$/g, ""))) setting(word, `${m[1]}=${m[2]}`);
        }
      } else if (/^(yum|dnf|dnf5|tdnf|microdnf|yum-config-manager|dnf-config-manager|zypper)$/.test(program)) {
        for (const o of ["--nogpgcheck", "--no-gpg-checks", "--no-gpg-check", "--allow-unsigned-rpm"]) {
          const w = findExactOption(e.args, o);
          if (w) opt(w, o);
        }
        for (const { value, word } of optionValues(e.args, ["--setopt"])) {
          const m = /^((?:[^=]*\.)?(?:local|repo_)?gpgcheck)\s*=\s*(.*)$/i.exec(value);
          if (m && isOff(m[2]) && !/(^|\.)repo_gpgcheck$/i.test(m[1]!)) setting(word, `${m[1]}=${m[2]}`);
        }
      } else if (program === "rpm") {
        const installs = e.args.some((a) => /^--(install|upgrade|freshen|reinstall)$/.test(a.text) || /^-[a-zA-Z]*[iUF][a-zA-Z]*$/.test(a.text) && !/[qVe]/.test(a.text.slice(1)));
        if (installs) {
          const w = e.args.find((a) => RPM_CHECKS.includes(a.text));
          if (w) opt(w, RPM_CHECKS.filter((o) => e.args.some((a) => a.text === o)).join(" "));
        }
      } else if (program === "dpkg") {
        const w = e.args.find((a) => /^--force-[\w,-]*\bbad-verify\b/.test(a.text));
        if (w) opt(w, w.text);
      } else if (program === "add-apt-repository") {
        for (const a of e.args) {
          const t = trustedNetworkSource(a.text);
          if (t) out.add({ messageId: "trustedSource", data: { where: "add-apt-repository", option: t }, path: a.path });
        }
      }
    }
    for (const w of configWrites(stage)) {
      const base = baseName(w.file).toLowerCase();
      if (/sources\.list|\.list$|\.sources$/.test(w.file)) {
        const t = trustedNetworkSource(w.text);
        if (t) out.add({ messageId: "trustedSource", data: { where: `text written to ${w.file}`, option: t }, path: w.path });
      } else if (base.endsWith(".repo") || base === "yum.conf" || base === "dnf.conf") {
        if (/(^|\s)(localpkg_)?gpgcheck\s*=\s*(0|false|no|off)\b/im.test(w.text)) out.add({ messageId: "configFile", data: { file: w.file, setting: "gpgcheck=0" }, path: w.path });
      } else if (/apt\.conf/.test(w.file)) {
        if (/APT::Get::AllowUnauthenticated\s+"?(true|1|yes)"?/i.test(w.text)) {
          out.add({ messageId: "configFile", data: { file: w.file, setting: "APT::Get::AllowUnauthenticated" }, path: w.path });
        }
      }
    }
    out.flush();
  },
});

/** The RUN instruction downloads something (curl, wget, fetch). */
function downloads(instruction: Instruction): boolean {
  return (instruction.shell?.commands ?? []).some((c) => ["curl", "wget", "fetch", "aria2c"].includes(effectiveCommand(c).program ?? ""));
}

/** `[trusted=yes]` or `[allow-insecure=yes]` in a one-line APT source whose URI is not local (file:, cdrom:). */
function trustedNetworkSource(text: string): string | undefined {
  for (const line of text.split(/\n|\\n/)) {
    const m = /\[([^\]]*)\]\s*(\S+)/.exec(line);
    if (!m) continue;
    const opts = m[1]!;
    const uri = m[2]!;
    if (/^(file|cdrom|copy):/i.test(uri)) continue;
    const t = /\b(trusted|allow-insecure)\s*=\s*yes\b/i.exec(opts);
    if (t) return `[${t[1]}=yes]`;
  }
  return undefined;
}
