// The CEL environment Kubernetes gives ValidatingAdmissionPolicies, built on @marcbachmann/cel-js: the admission
// variables, optional types, and the Kubernetes libraries (./libs). Environments are costly to build: one per process.
import { type ASTNode, Environment, type ParseResult } from "@marcbachmann/cel-js";
import { registerKubernetesLibraries } from "./libs/index.js";

/** Variables every admission expression may read (request, object, …) and what they hold offline. */
export const ADMISSION_VARIABLES = {
  object: "the object being admitted (the scanned manifest)",
  oldObject: "the existing object on UPDATE; always null offline (every scanned object is a CREATE)",
  params: "the parameter object the binding's paramRef selects, or null when the policy has no paramKind",
  namespaceObject: "the Namespace of a namespaced object (from the scan, else one with only its name); null for cluster-scoped objects",
  request: "the admission request: kind, resource, name, namespace, operation (CREATE), userInfo, dryRun, options",
  variables: "the policy's `variables`, each evaluated on first use",
} as const;

/** Extra variables of shipshape custom rules (not in Kubernetes). */
export const CUSTOM_RULE_VARIABLES = {
  podSpec: "the pod spec of a workload whatever its kind (Pod, Deployment, CronJob…), or null",
  containers: "every container of the pod spec: containers, initContainers and ephemeralContainers (empty when none)",
} as const;

/** Things Kubernetes' CEL has that cannot be evaluated without a cluster, with the reason given to the user. */
const UNSUPPORTED_VARIABLES: Record<string, string> = {
  authorizer: "`authorizer` asks the cluster's authorizer (RBAC) about the requesting user, which does not exist offline",
};

export type ExpressionKind = "validation" | "matchCondition" | "messageExpression" | "variable" | "auditAnnotation";

/** A compile problem, with where it is inside the expression (0-based character offsets). */
export interface CelProblem {
  message: string;
  start: number;
  end: number;
}

export interface CompiledExpression {
  readonly source: string;
  /** Runs the expression; throws on evaluation errors (no such key, wrong types at run time, …). */
  evaluate(activation: Record<string, unknown>): unknown;
}

let baseEnv: Environment | undefined;
let customEnv: Environment | undefined;

function build(custom: boolean): Environment {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false, limits: { maxAstNodes: 20000, maxDepth: 120 } });
  for (const name of Object.keys(ADMISSION_VARIABLES)) env.registerVariable(name, "dyn");
  if (custom) for (const name of Object.keys(CUSTOM_RULE_VARIABLES)) env.registerVariable(name, "dyn");
  registerKubernetesLibraries(env);
  return env;
}

/** The shared environment: Kubernetes admission (`custom` adds shipshape's extra variables). */
export function celEnvironment(custom = false): Environment {
  if (custom) return (customEnv ??= build(true));
  return (baseEnv ??= build(false));
}

/**
 * Parses and type-checks one expression. `variables` are the names the policy declares (a reference to any
 * other `variables.x` is an error, as in Kubernetes). Returns the program or the first problem.
 */
export function compileExpression(
  source: string,
  kind: ExpressionKind,
  options: { variables?: readonly string[]; custom?: boolean } = {},
): CompiledExpression | CelProblem {
  const env = celEnvironment(options.custom ?? false);
  let parsed: ParseResult;
  try {
    parsed = env.parse(source);
  } catch (err) {
    return problemOf(err, source, "syntax error");
  }
  const unsupported = findUnsupported(parsed.ast, new Set(options.variables ?? []));
  if (unsupported) return unsupported;
  const checked = parsed.check();
  if (!checked.valid) return problemOf(checked.error, source, "type error");
  const want = kind === "messageExpression" || kind === "auditAnnotation" ? "string" : kind === "variable" ? undefined : "bool";
  if (want && checked.type !== want && checked.type !== "dyn") {
    return { message: `type error: a ${label(kind)} must be a ${want}, this one is a ${checked.type}`, start: 0, end: source.length };
  }
  return { source, evaluate: (activation) => parsed(activation) };
}

export function isProblem(c: CompiledExpression | CelProblem): c is CelProblem {
  return (c as CelProblem).message !== undefined && (c as CompiledExpression).evaluate === undefined;
}

function label(kind: ExpressionKind): string {
  return kind === "matchCondition" ? "match condition" : kind === "messageExpression" ? "messageExpression" : kind;
}

function problemOf(err: unknown, source: string, what: string): CelProblem {
  const e = err as { summary?: string; message?: string; range?: { start: number; end: number }; node?: { start: number; end: number } };
  const summary = (e.summary ?? e.message ?? String(err)).split("\n")[0]!;
  const start = e.range?.start ?? e.node?.start ?? 0;
  const end = e.range?.end ?? e.node?.end ?? source.length;
  return { message: `${what}: ${unknownHint(summary)}`, start: clamp(start, source), end: clamp(Math.max(end, start), source) };
}

function clamp(n: number, source: string): number {
  return Math.max(0, Math.min(n, source.length));
}

/** The library says "found no matching overload for 'foo(int)'" for unknown functions too; say which it is. */
function unknownHint(summary: string): string {
  const m = /^found no matching overload for '(?:[\w<>, ]+\.)?(\w+)\(/.exec(summary);
  if (!m) return summary;
  return `${summary} (unknown function, or wrong argument types: see docs/policies.md for the functions shipshape supports)`;
}

/** `authorizer` and references to undeclared `variables.x`, found in the AST before type checking. */
function findUnsupported(ast: ASTNode, declared: Set<string>): CelProblem | undefined {
  let found: CelProblem | undefined;
  const visit = (n: unknown): void => {
    if (found || !n || typeof n !== "object") return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    const node = n as { op?: string; args?: unknown; start: number; end: number };
    if (node.op === undefined) return;
    if (node.op === "id" && typeof node.args === "string" && UNSUPPORTED_VARIABLES[node.args]) {
      found = { message: `not supported offline: ${UNSUPPORTED_VARIABLES[node.args]}`, start: node.start, end: node.end };
      return;
    }
    if ((node.op === "." || node.op === ".?") && Array.isArray(node.args)) {
      const [target, field] = node.args as [{ op?: string; args?: unknown }, unknown];
      if (target?.op === "id" && target.args === "variables" && typeof field === "string" && !declared.has(field)) {
        found = { message: `undefined variable: variables.${field} is not declared in the policy's variables`, start: node.start, end: node.end };
        return;
      }
    }
    visit(node.args);
  };
  visit(ast);
  return found;
}

/**
 * A manifest value as CEL sees it: integers become CEL ints (BigInt), everything else stays. Kubernetes decodes
 * JSON numbers without a fraction as int64; YAML 1.1 quirks are already resolved by the loader.
 */
export function toCel(v: unknown): unknown {
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v !== null && typeof v === "object") {
    if (v instanceof Date) return v.toISOString();
    const out: Record<string, unknown> = {};
    // the API server drops null fields when it decodes an object (a null list is an absent one)
    for (const [k, x] of Object.entries(v)) if (x !== undefined && x !== null) out[k] = toCel(x);
    return out;
  }
  return v;
}

/** A CEL result back as plain data, for messages: BigInt to number or string. */
export function fromCel(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(fromCel);
  return v;
}

/**
 * `variables` for one evaluation: each is computed on first use and kept, as Kubernetes does, so a variable
 * that fails only matters to the expressions that read it.
 */
export function lazyVariables(
  declared: readonly { name: string; program: CompiledExpression }[],
  activation: Record<string, unknown>,
): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const d of declared) {
    let done = false;
    let value: unknown;
    let error: unknown;
    Object.defineProperty(vars, d.name, {
      enumerable: true,
      get() {
        if (!done) {
          done = true;
          try {
            value = d.program.evaluate(activation);
          } catch (err) {
            error = err;
          }
        }
        if (error !== undefined) throw error;
        return value;
      },
    });
  }
  return vars;
}

/** The first line of an evaluation error, for a finding message. */
export function evaluationMessage(err: unknown): string {
  const e = err as { summary?: string; message?: string };
  return (e.summary ?? e.message ?? String(err)).split("\n")[0]!;
}
