import { UsageError } from "../engine/errors.js";

export interface OptionSpec {
  type: "boolean" | "string" | "list";
  short?: string;
}

export interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** Every option in command-line order (for --format/--output pairs). */
  sequence: { name: string; value: string | boolean }[];
}

/** A small, strict argument parser: `--name value`, `--name=value`, `-x value`, `--` ends options; lists repeat. */
export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): Parsed {
  const out: Parsed = { positionals: [], values: {}, sequence: [] };
  const shorts = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([n, s]) => [s.short!, n]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else if (arg.length === 2 && arg.startsWith("-") && arg !== "-") {
      name = shorts.get(arg.slice(1));
      if (!name) throw new UsageError(`unknown option ${arg}`);
    } else {
      out.positionals.push(arg);
      continue;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option --${name}`);
    if (s.type === "boolean") {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      out.values[name] = true;
      out.sequence.push({ name, value: true });
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`option --${name} needs a value`);
    if (s.type === "list") {
      const list = (out.values[name] as string[] | undefined) ?? [];
      list.push(value);
      out.values[name] = list;
    } else {
      out.values[name] = value;
    }
    out.sequence.push({ name, value });
  }
  return out;
}

/** Comma-separated and repeated values, flattened: --rules a,b --rules c. */
export function splitList(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}
