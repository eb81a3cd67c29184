import { UsageError } from "../engine/errors.js";
import { VERSION } from "../version.js";
import { EXPLAIN_HELP, runExplain } from "./explain.js";
import { FIX_HELP, runFix } from "./fix.js";
import { type Io, processIo } from "./output.js";
import { RULES_HELP, runRules } from "./rules.js";
import { SCAN_HELP, runScan } from "./scan.js";
import { TEST_POLICY_HELP, runTestPolicy } from "./test-policy.js";
import { WEBHOOK_HELP, runWebhook } from "./webhook.js";

export const HELP = `shipshape ${VERSION}: find security misconfigurations in Kubernetes manifests and Dockerfiles

Usage:
  shipshape scan [options] [paths...]   scan files, folders or "-" (stdin)
  shipshape fix [options] [paths...]    apply the fixes of findings (safe ones; --unsafe for the rest)
  shipshape rules [options]             list the rules
  shipshape explain RULE                why a rule matters and how to fix it
  shipshape test-policy SUITE...        run policy test suites (custom rules, admission policies)
  shipshape webhook [options]           run the validating admission webhook (HTTPS)
  shipshape --version
  shipshape help [COMMAND]

Run \`shipshape COMMAND --help\` for the options of a command.
`;

const COMMANDS: Record<string, { run: (argv: string[], io: Io) => number | Promise<number>; help: string }> = {
  scan: { run: runScan, help: SCAN_HELP },
  fix: { run: runFix, help: FIX_HELP },
  rules: { run: runRules, help: RULES_HELP },
  explain: { run: runExplain, help: EXPLAIN_HELP },
  "test-policy": { run: runTestPolicy, help: TEST_POLICY_HELP },
  webhook: { run: runWebhook, help: WEBHOOK_HELP },
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
      io.stdout(topic ? topic.help : HELP);
      return 0;
    }
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
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
