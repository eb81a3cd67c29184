import { defineRule } from "../../engine/rule-types.js";
import type { Instruction } from "../../model/dockerfile.js";
import type { YamlPath } from "../../model/types.js";
import { commandForm, effectiveStartup } from "./_runtime-stages.js";

// Judges what the final image starts with: the CMD and ENTRYPOINT that take effect (the final stage's own, else
// inherited from the local stages it builds on). An option is a word starting with `-` whose name contains
// "insecure" (`--insecure`, `-insecure`, `--insecure-skip-tls-verify`, `--tls-insecure=true`); `=false`/`=0`/`=no`/
// `=off` and a `--no-` prefix switch it off and are not reported. Strings are split on blanks so `sh -c "app --insecure"` is seen.
const INSECURE = /^--?([A-Za-z0-9_.-]*insecure[A-Za-z0-9_.-]*)(?:=(.*))?$/i;
const OFF = /^(false|0|no|off)$/i;

export default defineRule({
  id: "docker-insecure-cmd",
  title: "Insecure option in CMD or ENTRYPOINT",
  rationale:
    "Options named `--insecure` (`--insecure`, `--insecure-skip-tls-verify`, `--kubelet-insecure-tls`, ...) switch " +
    "off certificate checks, TLS or authentication. Baked into the image's start command, the weakened mode " +
    "becomes the default for every container started from it, where nobody sees it.",
  attack:
    "With TLS verification off, an attacker on the network path impersonates the server the container talks to " +
    "(a registry, an API server, a database) and reads or alters the traffic, steals credentials or feeds it " +
    "malicious data; with authentication off, anyone who reaches the port can use the service.",
  remediation:
    "Remove the option and give the program what it needs to verify properly: mount the CA certificate " +
    "(`--cacert`, `SSL_CERT_FILE`) or configure credentials. Enable an insecure mode, if ever, explicitly at run time " +
    "for local testing only.",
  example: {
    insecure: "FROM alpine:3.20\nCOPY sync /usr/local/bin/sync\nENTRYPOINT [\"/usr/local/bin/sync\", \"--insecure-skip-tls-verify\"]\n",
    secure: "FROM alpine:3.20\nCOPY sync /usr/local/bin/sync\nENTRYPOINT [\"/usr/local/bin/sync\", \"--certificate-authority=/etc/ssl/ca.pem\"]\n",
  },
  messages: {
    insecure: "{{keyword}} passes {{option}}, which usually switches off TLS verification or authentication",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view || !view.stage.isFinal) return;
    const { cmd, entrypoint } = effectiveStartup(view.dockerfile, view.stage);
    for (const ins of [entrypoint, cmd]) {
      if (!ins) continue;
      for (const { token, path } of optionTokens(ins)) {
        const m = INSECURE.exec(token);
        if (!m || /^no-/i.test(m[1]!) || (m[2] !== undefined && OFF.test(m[2].replace(/^["']|["']$/g, "")))) continue;
        ctx.report({ messageId: "insecure", data: { keyword: ins.keyword, option: token }, path });
      }
    }
  },
});

/** Blank-separated tokens of the command, each with the most precise path known. */
function optionTokens(ins: Instruction): { token: string; path: YamlPath }[] {
  const out: { token: string; path: YamlPath }[] = [];
  const split = (s: string): string[] => s.split(/\s+/).filter((t) => t.startsWith("-"));
  if (commandForm(ins) === "exec" && ins.exec) {
    for (const s of ins.exec) {
      for (const token of split(s)) out.push({ token, path: ins.words.find((w) => w.value.includes(token))?.path ?? ins.path });
    }
    return out;
  }
  if (ins.shell) {
    // The words of the top-level commands, split at blanks, cover `sh -c "app --insecure"` strings too; the
    // commands the loader parsed out of such scripts (substituted) would count them twice.
    for (const c of ins.shell.commands) {
      if (c.substituted) continue;
      for (const w of c.args) for (const token of split(w.text)) out.push({ token, path: w.path });
    }
    return out;
  }
  for (const token of split(ins.args)) out.push({ token, path: ins.words.find((w) => w.value.includes(token))?.path ?? ins.path });
  return out;
}
