import { defineRule } from "../../engine/rule-types.js";
import { type ShellWord, effectiveCommand, findExactOption, positionalArgs } from "../../model/dockerfile.js";
import { sourceOrder, baseName, configWrites, isOff, optionValues, variableSettings } from "./_trust-settings.js";
import { stageCommands } from "../../model/dockerfile-queries.js";

// Runs on every stage; judges only what the stage itself sets or runs. Reported:
// - variables (ENV, ARG with a default, `X=… cmd`, `export X=…`, `env X=… cmd`) that switch verification off, with
//   the value each tool really checks: git disables on GIT_SSL_NO_VERIFY being set at all (any value, even 0 —
//   git's http.c tests getenv() only), Node on NODE_TLS_REJECT_UNAUTHORIZED === "0", Python (PEP 493) on
//   PYTHONHTTPSVERIFY "0", npm/yarn on strict-ssl false/0, pip on any PIP_TRUSTED_HOST;
// - options: curl -k/--insecure/--proxy-insecure (short options parsed as curl parses them), wget
//   --no-check-certificate, pip/uv --trusted-host/--allow-insecure-host, git -c http.sslVerify=false, apt
//   -o Acquire::https::Verify-Peer=false, yum/dnf --setopt=[repo.]sslverify=0;
// - settings: `npm|yarn|pnpm config set strict-ssl false`, `git config http.sslVerify false`, `pip config set
//   global.trusted-host …`, `conda config --set ssl_verify false`;
// - text written into .curlrc, .wgetrc, .npmrc/.yarnrc, pip.conf, yum/dnf .repo/.conf files.
// Quoted text is only an argument (`echo "--insecure"` is not curl); PowerShell stages are not parsed.

type Check = { tool: string; disables: (value: string | undefined) => boolean };

const VARIABLES: Record<string, Check> = {
  GIT_SSL_NO_VERIFY: { tool: "git", disables: () => true },
  NODE_TLS_REJECT_UNAUTHORIZED: { tool: "Node.js", disables: (v) => v?.trim() === "0" },
  PYTHONHTTPSVERIFY: { tool: "Python", disables: (v) => v?.trim() === "0" },
  PIP_TRUSTED_HOST: { tool: "pip", disables: (v) => v === undefined || v.trim() !== "" },
  UV_INSECURE_HOST: { tool: "uv", disables: (v) => v === undefined || v.trim() !== "" },
  GOINSECURE: { tool: "Go", disables: (v) => v === undefined || v.trim() !== "" },
  YARN_STRICT_SSL: { tool: "yarn", disables: isOff },
  YARN_ENABLE_STRICT_SSL: { tool: "yarn", disables: isOff },
  CONDA_SSL_VERIFY: { tool: "conda", disables: isOff },
};

/** npm reads npm_config_* in any case. */
function variableCheck(name: string): Check | undefined {
  if (/^npm_config_strict_ssl$/i.test(name)) return { tool: "npm", disables: isOff };
  return Object.hasOwn(VARIABLES, name) ? VARIABLES[name] : undefined;
}

// curl short options that take a value: the rest of a group after one of them is that value (`-ukey:pw`).
const CURL_SHORT_WITH_VALUE = new Set("AbcCdDeEFhHKmoPQrTuUwxXyYz".split(""));

const PYTHON = /^python(\d+(\.\d+)?)?$/;

export default defineRule({
  id: "docker-tls-verification-disabled",
  title: "TLS certificate verification turned off",
  rationale:
    "HTTPS only protects a download when the client checks the server's certificate. Options like `curl -k`, " +
    "`wget --no-check-certificate`, `pip --trusted-host` or `NODE_TLS_REJECT_UNAUTHORIZED=0` switch that check off, " +
    "so the build (or, for ENV, the running container) accepts any certificate from anyone.",
  attack:
    "Anyone on the network path (a compromised proxy, Wi-Fi, DNS or BGP hijack, a malicious mirror) presents their " +
    "own certificate and serves modified packages, scripts or source code, which end up in the image or run with the " +
    "application's privileges.",
  remediation:
    "Remove the option or variable. If a corporate proxy re-signs traffic, add its CA certificate to the image's " +
    "trust store (`COPY corp-ca.crt /usr/local/share/ca-certificates/` then `update-ca-certificates`) or point the " +
    "tool at it (`pip --cert`, `NODE_EXTRA_CA_CERTS`, `git config http.sslCAInfo`) instead of turning verification off.",
  example: {
    insecure: "FROM debian:12.5\nRUN curl -fsSLk -o /tmp/app.tgz https://downloads.example.com/app.tgz\n",
    secure: "FROM debian:12.5\nRUN curl -fsSL -o /tmp/app.tgz https://downloads.example.com/app.tgz\n",
  },
  messages: {
    variable: "{{via}} sets {{name}}, which turns off TLS certificate verification for {{tool}}",
    option: "{{program}} {{option}} turns off TLS certificate verification",
    setting: "{{program}} sets {{setting}} to {{value}}, which turns off TLS certificate verification",
    configFile: "text written to {{file}} turns off TLS certificate verification ({{setting}})",
  },
  check(ctx) {
    const view = ctx.dockerfile;
    if (!view) return;
    const { stage } = view;
    const out = sourceOrder<Parameters<typeof ctx.report>[0]>((r) => ctx.report(r));

    for (const v of variableSettings(view)) {
      const check = variableCheck(v.name);
      if (check && check.disables(v.value)) out.add({ messageId: "variable", data: { via: v.via, name: v.name, tool: check.tool }, path: v.path });
    }

    for (const { command } of stageCommands(stage)) {
      const e = effectiveCommand(command);
      const program = e.program;
      if (!program) continue;
      const opt = (word: ShellWord, option: string) => out.add({ messageId: "option", data: { program, option }, path: word.path });
      const setting = (word: { path: ShellWord["path"] }, name: string, value: string) =>
        out.add({ messageId: "setting", data: { program, setting: name, value }, path: word.path });

      if (program === "curl") {
        const hit = curlInsecure(e.args);
        if (hit) opt(hit.word, hit.option);
      } else if (program === "wget") {
        const w = findExactOption(e.args, "--no-check-certificate");
        if (w) opt(w, "--no-check-certificate");
        for (const { value, word } of optionValues(e.args, ["--check-certificate"])) if (isOff(value) || value === "quiet") opt(word, `--check-certificate=${value}`);
      } else if (/^pip(\d+(\.\d+)?)?$/.test(program) || (PYTHON.test(program) && e.args[0]?.text === "-m" && /^pip\d*$/.test(e.args[1]?.text ?? ""))) {
        const args = PYTHON.test(program) ? e.args.slice(2) : e.args;
        const w = findExactOption(args, "--trusted-host");
        if (w) opt(w, "--trusted-host");
        const pos = positionalArgs(args);
        if (pos[0]?.text === "config" && pos[1]?.text === "set" && /(^|\.)trusted-host$/.test(pos[2]?.text.split("=")[0] ?? "")) {
          setting(pos[2]!, pos[2]!.text.split("=")[0]!, "a host list");
        }
      } else if (program === "uv") {
        const w = findExactOption(e.args, "--allow-insecure-host");
        if (w) opt(w, "--allow-insecure-host");
      } else if (program === "npm" || program === "yarn" || program === "pnpm") {
        const s = packageManagerStrictSsl(e.args);
        if (s) setting(s.word, s.key, s.value);
        for (const a of e.args) {
          if (a.text === "--no-strict-ssl") opt(a, a.text);
          else if (/^--strict-ssl=/.test(a.text) && isOff(a.text.slice("--strict-ssl=".length))) opt(a, a.text);
        }
      } else if (program === "git") {
        for (const s of gitSslVerifyOff(e.args)) setting(s.word, s.key, s.value);
      } else if (program === "apt-get" || program === "apt" || program === "aptitude") {
        for (const { value, word } of optionValues(e.args, ["--option"], ["-o"])) {
          const m = /^(Acquire::https::(?:[^=]*::)?Verify-(?:Peer|Host))\s*=\s*(.*)$/i.exec(value);
          if (m && isOff(m[2]!.replace(/^["']|["']$/g, ""))) setting(word, m[1]!, m[2]!);
        }
      } else if (/^(yum|dnf|dnf5|tdnf|microdnf|yum-config-manager|dnf-config-manager)$/.test(program)) {
        for (const { value, word } of optionValues(e.args, ["--setopt"])) {
          const m = /^((?:[^=]*\.)?sslverify)\s*=\s*(.*)$/i.exec(value);
          if (m && isOff(m[2])) setting(word, m[1]!, m[2]!);
        }
      } else if (program === "conda" || program === "mamba" || program === "micromamba") {
        for (let i = 0; i < e.args.length - 1; i++) {
          const a = e.args[i]!;
          if (a.text === "--set" && e.args[i + 1]?.text === "ssl_verify" && isOff(e.args[i + 2]?.text)) setting(e.args[i + 1]!, "ssl_verify", e.args[i + 2]!.text);
        }
      }
    }

    for (const w of configWrites(stage)) {
      const s = insecureConfigText(w.file, w.text);
      if (s) out.add({ messageId: "configFile", data: { file: w.file, setting: s }, path: w.path });
    }
    out.flush();
  },
});

/** curl's -k, --insecure, --proxy-insecure, --doh-insecure; short groups are read as curl reads them. */
function curlInsecure(args: readonly ShellWord[]): { word: ShellWord; option: string } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const t = a.text;
    if (t === "--") return undefined;
    if (t === "--insecure" || t === "--proxy-insecure" || t === "--doh-insecure") return { word: a, option: t };
    if (/^-[A-Za-z0-9#:]+$/.test(t) && !t.startsWith("--")) {
      for (let c = 1; c < t.length; c++) {
        const ch = t[c]!;
        if (ch === "k") return { word: a, option: t === "-k" ? "-k" : `-k (in ${t})` };
        if (CURL_SHORT_WITH_VALUE.has(ch)) {
          if (c === t.length - 1) i++; // the value is the next argument
          break;
        }
      }
    }
  }
  return undefined;
}

/** `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`. */
function packageManagerStrictSsl(args: readonly ShellWord[]): { word: ShellWord; key: string; value: string } | undefined {
  const pos = positionalArgs(args, new Set(["--location", "-L", "--userconfig", "--cwd"]));
  let at: number;
  if ((pos[0]?.text === "config" || pos[0]?.text === "c") && pos[1]?.text === "set") at = 2;
  else if (pos[0]?.text === "set") at = 1;
  else return undefined;
  const keyWord = pos[at];
  if (!keyWord) return undefined;
  let key = keyWord.text;
  let value = pos[at + 1]?.text;
  const eq = key.indexOf("=");
  if (eq >= 0) {
    value = key.slice(eq + 1);
    key = key.slice(0, eq);
  }
  if (!/^(strict[-_]ssl|enableStrictSsl)$/i.test(key) || !isOff(value)) return undefined;
  return { word: keyWord, key, value: value! };
}

/** git -c http.sslVerify=false …, git config [--global] http[.<url>].sslVerify false, git clone -c/--config …. */
function gitSslVerifyOff(args: readonly ShellWord[]): { word: ShellWord; key: string; value: string }[] {
  const out: { word: ShellWord; key: string; value: string }[] = [];
  const KEY = /^http\.(.*\.)?sslverify$/i;
  for (const { value, word } of optionValues(args, ["--config"], ["-c"])) {
    const eq = value.indexOf("=");
    if (eq < 0) continue;
    const key = value.slice(0, eq);
    const v = value.slice(eq + 1);
    if (KEY.test(key) && isOff(v)) out.push({ word, key, value: v });
  }
  // The subcommand: the first argument that is not a global option (or its value).
  const withValue = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"]);
  let i = 0;
  while (i < args.length && args[i]!.text.startsWith("-")) i += withValue.has(args[i]!.text) ? 2 : 1;
  if (args[i]?.text !== "config") return out;
  const rest = positionalArgs(args.slice(i + 1), new Set(["-f", "--file", "--blob", "--type", "--default", "--comment"]));
  const pos = rest[0]?.text === "set" ? rest.slice(1) : rest;
  if (pos[0] && KEY.test(pos[0].text) && isOff(pos[1]?.text)) out.push({ word: pos[0], key: pos[0].text, value: pos[1]!.text });
  return out;
}

/** The insecure setting in text written to a tool's configuration file, or undefined. */
function insecureConfigText(file: string, text: string): string | undefined {
  const base = baseName(file).toLowerCase();
  if (base === ".curlrc" || base === "curlrc" || base === "_curlrc") {
    if (/(^|\s)(-k|--insecure|insecure)(\s|$)/m.test(text)) return "insecure";
  } else if (base === ".wgetrc" || base === "wgetrc") {
    if (/check_?certificate\s*=\s*(off|no|0|false)\b/i.test(text)) return "check_certificate = off";
  } else if (base === ".npmrc" || base === "npmrc" || base === ".yarnrc") {
    if (/strict-ssl\s*[=\s]\s*"?(false|0)\b/i.test(text)) return "strict-ssl false";
  } else if (base === ".yarnrc.yml") {
    if (/enableStrictSsl\s*:\s*(false|0)\b/i.test(text)) return "enableStrictSsl: false";
  } else if (base === "pip.conf" || base === "pip.ini") {
    if (/trusted[-_]host\s*=/i.test(text)) return "trusted-host";
  } else if (base.endsWith(".repo") || base === "yum.conf" || base === "dnf.conf") {
    if (/(^|\s)sslverify\s*=\s*(0|false|no|off)\b/im.test(text)) return "sslverify=0";
  } else if (base === ".gitconfig" || base === "gitconfig") {
    if (/sslverify\s*=\s*(false|0|no|off)\b/i.test(text)) return "http.sslVerify = false";
  } else if (base === ".condarc") {
    if (/ssl_verify\s*:\s*(false|no|0)\b/i.test(text)) return "ssl_verify: false";
  }
  return undefined;
}
