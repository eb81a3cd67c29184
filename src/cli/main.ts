import { UsageError } from "../engine/errors.js";
import { VERSION } from "../version.js";
import { type Io, processIo } from "./output.js";

export const HELP = `shipshape ${VERSION}: find security misconfigurations in Kubernetes manifests and Dockerfiles

Usage:
  shipshape scan [options] [paths...]   scan files, folders or "-" (stdin)
  shipshape init [options]              write a commented .shipshape.yaml for this repository
  shipshape fix [options] [paths...]    apply the fixes of findings (safe ones; --unsafe for the rest)
  shipshape rules [options]             list the rules
  shipshape explain RULE                why a rule matters and how to fix it
  shipshape test-policy SUITE...        run policy test suites (custom rules, admission policies)
  shipshape webhook [options]           run the validating admission webhook (HTTPS)
  shipshape --version
  shipshape help [COMMAND]

Run \`shipshape COMMAND --help\` for the options of a command.
`;

interface Command {
  run: (argv: string[], io: Io) => number | Promise<number>;
  help: string;
}

/** Each command is loaded when it runs: `--version` or a small scan must not pay for the webhook or the cluster client. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => import("./scan.js").then((m) => ({ run: m.runScan, help: m.SCAN_HELP })),
  init: async () => import("./init.js").then((m) => ({ run: m.runInit, help: m.INIT_HELP })),
  fix: async () => import("./fix.js").then((m) => ({ run: m.runFix, help: m.FIX_HELP })),
  rules: async () => import("./rules.js").then((m) => ({ run: m.runRules, help: m.RULES_HELP })),
  explain: async () => import("./explain.js").then((m) => ({ run: m.runExplain, help: m.EXPLAIN_HELP })),
  "test-policy": async () => import("./test-policy.js").then((m) => ({ run: m.runTestPolicy, help: m.TEST_POLICY_HELP })),
  webhook: async () => import("./webhook.js").then((m) => ({ run: m.runWebhook, help: m.WEBHOOK_HELP })),
};

/** The CLI entry: the one place where errors become messages and exit codes. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h") {
      io.stdout(HELP);
      return 0;
    }
    if (command === "--version" || command === "-V" || command === "version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === "help") {
      const topic = rest[0] ? COMMANDS[rest[0]] : undefined;
      io.stdout(topic ? (await topic()).help : HELP);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    const cmd = await load();
    if (io.stdin === undefined && rest.includes("-") && command === "scan") io.stdin = await readStdin();
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`shipshape: ${err.message}\n`);
      return 2;
    }
    io.stderr(`shipshape: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\nPlease report this as a bug.\n`);
    return 2;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
