import { defineRule } from "../../engine/rule-types.js";
import { type ShellCommand, SHELLS, effectiveCommand, findOption, optionValue, positionalArgs } from "../../model/dockerfile.js";
import { stageCommands } from "../../model/dockerfile-queries.js";

// Runs on every stage, ONBUILD RUN triggers included. A download feeds a shell when (read from the parsed shell, not the text):
// - a pipeline has curl (writing to stdout: no -o/-O/--output) or wget writing to stdout (-O -, -qO-) before a shell
//   or an interpreter reading its script from stdin (`| sh`, `| sudo bash -s --`, `| python3 -`);
// - a shell or `source`/`.` reads a process substitution that downloads (`bash <(curl …)`);
// - a shell's -c string or eval is a command substitution that downloads (`sh -c "$(curl …)"`).
// Quoted text is not a pipe: `echo 'curl x | sh'` is one echo command.
const INTERPRETERS = new Set(["python", "python2", "python3", "perl", "ruby", "node", "php"]);

export default defineRule({
  id: "docker-curl-pipe-shell",
  title: "Downloaded script piped into a shell",
  rationale:
    "`curl https://… | sh` runs whatever the server returns at build time, with the build's privileges, and leaves no " +
    "copy to review. If the server, its CDN, a DNS record or the network path is compromised, or the download is cut " +
    "off half-way, the image is built from code nobody checked.",
  attack:
    "An attacker who controls the script's URL (a hijacked domain, a compromised release server, a malicious mirror) " +
    "serves a script that installs a backdoor into every image built from this Dockerfile.",
  remediation:
    "Download the script or archive to a file, verify it against a pinned checksum or signature " +
    "(`echo \"<sha256>  install.sh\" | sha256sum -c -`), then run it; better, install a pinned package or copy a " +
    "verified artefact from a build stage.",
  example: {
    insecure: "FROM debian:12.5\nRUN curl -fsSL https://get.example.com/install.sh | sh\n",
    secure:
      "FROM debian:12.5\nRUN curl -fsSL -o /tmp/install.sh https://get.example.com/install.sh \\\n" +
      " && echo \"3f2a…  /tmp/install.sh\" | sha256sum -c - \\\n && sh /tmp/install.sh\n",
  },
  messages: {
    pipe: "{{downloader}} output is piped into {{shell}} without verifying it",
    substitution: "{{shell}} runs a script downloaded by {{downloader}} without verifying it",
  },
  check(ctx) {
    const stage = ctx.dockerfile?.stage;
    if (!stage) return;
    const pipelines = new Set<ShellCommand[]>();
    // ONBUILD triggers included: they run in every build FROM this image.
    for (const { command } of stageCommands(stage)) {
      if (command.pipeline) pipelines.add(command.pipeline.of);
      const e = effectiveCommand(command);
      if (!e.program || !e.word) continue;
      const isShell = SHELLS.has(e.program) || e.program === "source" || e.program === "." || e.program === "eval";
      if (!isShell) continue;
      for (const arg of e.args) {
        for (const sub of arg.substitutions) {
          const dl = sub.commands.map(downloader).find((d) => d !== undefined);
          if (dl) ctx.report({ messageId: "substitution", data: { shell: e.program, downloader: dl }, path: arg.path });
        }
      }
    }
    for (const list of pipelines) {
      let dl: string | undefined;
      for (const cmd of list) {
        if (!cmd) continue;
        const d = downloader(cmd);
        if (d) {
          dl ??= d;
          continue;
        }
        if (!dl) continue;
        const e = effectiveCommand(cmd);
        if (e.program && readsScriptFromStdin(e.program, e.args)) {
          ctx.report({ messageId: "pipe", data: { downloader: dl, shell: e.program }, path: e.word!.path });
          break;
        }
      }
    }
  },
});

/** curl or wget writing the download to stdout; undefined for anything else. */
function downloader(cmd: ShellCommand): string | undefined {
  const e = effectiveCommand(cmd);
  if (e.program === "curl") {
    if (findOption(e.args, "-o", "-O", "--output", "--remote-name", "--remote-name-all")) {
      const out = optionValue(e.args, "-o", "--output");
      if (out?.value !== "-") return undefined;
    }
    return "curl";
  }
  if (e.program === "wget") {
    const out = optionValue(e.args, "-O", "--output-document");
    if (out?.value === "-") return "wget";
    // -qO- is a combined group ending in O with the value glued on.
    if (e.args.some((a) => /^-[A-Za-z]*O-$/.test(a.text))) return "wget";
    return undefined;
  }
  return undefined;
}

/** A shell or interpreter that runs what it reads on stdin: no script file among its arguments (or "-"), and no -c. */
function readsScriptFromStdin(program: string, args: ReturnType<typeof effectiveCommand>["args"]): boolean {
  const shell = SHELLS.has(program);
  if (!shell && !INTERPRETERS.has(program) && !/^python3\.\d+$/.test(program)) return false;
  if (findOption(args, "-c", "-e", "-m")) return false;
  if (shell && findOption(args, "-s")) return true;
  const files = positionalArgs(args, new Set(["-o", "-O", "-W"]));
  return files.length === 0 || files[0]!.text === "-";
}
