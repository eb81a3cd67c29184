// Parses the shell text of RUN instructions with tree-sitter-bash (the grammar GitHub uses for code navigation; it
// recovers from errors, so a broken line still yields the commands around it) into the model's ShellScript.
// Initialisation is asynchronous (WebAssembly); after `loadShellParser()` every parse is synchronous.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Node as TsNode, Parser as TsParser } from "web-tree-sitter";
import { type ShellCommand, type ShellScript, type ShellSubstitution, type ShellWord, SHELLS, effectiveCommand } from "../model/dockerfile.js";
import type { YamlPath } from "../model/types.js";

export interface ShellParser {
  /**
   * Parses a script; word and command paths are `[...prefix, "at", start, end]` with offsets into `text`. A script
   * longer than `limits.maxChars` is not parsed (no commands, `hasErrors`); statements nested deeper than
   * `limits.maxNesting` are left out (`hasErrors`, and `limits.onTooDeep` is called).
   */
  parse(text: string, prefix: YamlPath, limits?: ShellLimits): ShellScript;
}

export interface ShellLimits {
  /** Default MAX_SCRIPT_CHARS. */
  maxChars?: number;
  /** Default MAX_NESTING. */
  maxNesting?: number;
  onTooDeep?: () => void;
}

let pending: Promise<ShellParser> | undefined;
/** Pipeline ids are unique across scripts, so rules may key by them. */
let pipelineIds = 0;

/** The shared parser, created on first use. */
export function loadShellParser(): Promise<ShellParser> {
  pending ??= create();
  return pending;
}

async function create(): Promise<ShellParser> {
  const { Parser, Language } = await import("web-tree-sitter");
  await Parser.init();
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"));
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return { parse: (text, prefix, limits = {}) => parseScript(parser, text, prefix, { maxChars: limits.maxChars ?? MAX_SCRIPT_CHARS, maxNesting: limits.maxNesting ?? MAX_NESTING, onTooDeep: limits.onTooDeep }) };
}

/**
 * Above this size a RUN text is not parsed (a hostile file could make the parser spend seconds); the Dockerfile loader
 * reports it (`scriptTooLong`) and takes the limit from `limits.maxScriptChars`.
 */
export const MAX_SCRIPT_CHARS = 256 * 1024;

type Limits = Required<Omit<ShellLimits, "onTooDeep">> & Pick<ShellLimits, "onTooDeep">;

function parseScript(parser: TsParser, text: string, prefix: YamlPath, limits: Limits): ShellScript {
  if (text.length > limits.maxChars) return { commands: [], hasErrors: true, text };
  const tree = parser.parse(text);
  if (!tree) return { commands: [], hasErrors: true, text };
  try {
    const b = new Builder(parser, text, prefix, 0, 0, limits);
    b.visit(tree.rootNode, false);
    return { commands: b.commands, hasErrors: tree.rootNode.hasError || b.innerErrors, text };
  } finally {
    tree.delete();
  }
}

/** Commands whose arguments are `NAME=value` assignments. */
const DECLARATIONS = new Set(["export", "declare", "typeset", "readonly", "local"]);

/**
 * How deeply statements nest before the rest of a script is left unchecked (a hostile `((((…` would overflow the
 * stack); the Dockerfile loader passes `limits.maxDepth`.
 */
export const MAX_NESTING = 256;

/** How deep `sh -c '…'` scripts are followed (a script that runs `sh -c` again, …). */
const MAX_INLINE_DEPTH = 2;

class Builder {
  readonly commands: ShellCommand[] = [];
  /** A `sh -c` script inside could not be parsed entirely. */
  innerErrors = false;

  constructor(
    private readonly parser: TsParser,
    private readonly text: string,
    private readonly prefix: YamlPath,
    /** Offset of this text in the script the paths address (non-zero for `sh -c` scripts). */
    private readonly base: number,
    private readonly depth: number,
    private readonly limits: Limits,
  ) {}

  private path(n: TsNode): YamlPath {
    return [...this.prefix, "at", this.base + n.startIndex, this.base + n.endIndex];
  }

  /**
   * `sh -c '<script>'` (bash, dash, … behind sudo/env too): the script is parsed like the RUN text, and its commands
   * join the list (marked substituted), so `sh -c 'curl x | sh'` is a pipe and `bash -c "sudo make"` runs sudo.
   * Positions point into the quoted word (exact for single quotes; double-quoted escapes shift them slightly).
   */
  private inlineScript(cmd: ShellCommand): void {
    if (this.depth >= MAX_INLINE_DEPTH) return;
    const e = effectiveCommand(cmd);
    if (!e.program || !SHELLS.has(e.program)) return;
    const at = e.args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text) && !a.text.startsWith("--"));
    const script = at >= 0 ? e.args[at + 1] : undefined;
    if (!script || script.value === undefined || script.value.trim() === "" || script.value.length > this.limits.maxChars) return;
    const start = script.path[script.path.length - 2];
    if (typeof start !== "number") return;
    const quoted = script.raw.startsWith("'") || script.raw.startsWith('"') ? 1 : script.raw.startsWith("$'") ? 2 : 0;
    const tree = this.parser.parse(script.value);
    if (!tree) return;
    try {
      const inner = new Builder(this.parser, script.value, this.prefix, start + quoted, this.depth + 1, this.limits);
      inner.visit(tree.rootNode, true);
      if (tree.rootNode.hasError || inner.innerErrors) this.innerErrors = true;
      this.commands.push(...inner.commands);
    } finally {
      tree.delete();
    }
  }

  /** Nesting of the node being visited (subshells, substitutions, compound commands): bounded by maxNesting. */
  private nesting = 0;
  private reported = false;

  private tooDeep(): void {
    this.innerErrors = true;
    if (!this.reported) this.limits.onTooDeep?.();
    this.reported = true;
  }

  /** Walks statements; `substituted` marks commands inside $(...) or <(...). Returns the commands it added. */
  visit(node: TsNode, substituted: boolean, pipeline?: ShellCommand["pipeline"]): ShellCommand[] {
    // Each level of `( ( (`, `$( $(` or `if if` is a few JavaScript frames: deeper than this, the script is left
    // unchecked (hasErrors) rather than overflowing the stack.
    if (this.nesting >= this.limits.maxNesting) {
      this.tooDeep();
      return [];
    }
    this.nesting++;
    try {
      return this.visitNode(node, substituted, pipeline);
    } finally {
      this.nesting--;
    }
  }

  private visitNode(node: TsNode, substituted: boolean, pipeline?: ShellCommand["pipeline"]): ShellCommand[] {
    const added: ShellCommand[] = [];
    switch (node.type) {
      case "list": {
        // `a && b && c …` nests to the left, one level per command: walk down the spine without recursing.
        const rights: TsNode[][] = [];
        let cur: TsNode | null = node;
        while (cur !== null && cur.type === "list") {
          const kids: TsNode[] = cur.namedChildren.filter((c): c is TsNode => c !== null);
          rights.push(kids.slice(1));
          cur = kids[0] ?? null;
        }
        const items = cur === null ? [] : [cur];
        for (let k = rights.length - 1; k >= 0; k--) items.push(...rights[k]!);
        for (const c of items) added.push(...this.visitChild(c, substituted));
        return added;
      }
      case "command": {
        const before = this.commands.length;
        const cmd = this.command(node, substituted, pipeline);
        // Substitutions inside the words were added first; keep source order by inserting the command before them.
        this.commands.splice(before, 0, cmd);
        added.push(cmd);
        this.inlineScript(cmd);
        return added;
      }
      case "declaration_command":
      case "unset_command": {
        const cmd = this.declaration(node, substituted, pipeline);
        this.commands.push(cmd);
        added.push(cmd);
        return added;
      }
      case "pipeline": {
        const parts = node.namedChildren.filter((c): c is TsNode => c !== null && c.type !== "comment");
        const id = ++pipelineIds;
        const of: ShellCommand[] = [];
        parts.forEach((c, index) => {
          const cmds = this.visit(c, substituted, { id, index, size: parts.length, of });
          // The element of the pipeline is the command at its top (a redirected or compound element holds several).
          const own = cmds.find((x) => x.pipeline?.id === id);
          if (own) of[index] = own;
          added.push(...cmds);
        });
        return added;
      }
      case "redirected_statement": {
        const body = node.childForFieldName("body");
        const cmds = body ? this.visit(body, substituted, pipeline) : [];
        const redirects = node.childrenForFieldName("redirect").filter((r): r is TsNode => r !== null);
        for (const r of redirects) {
          const op = r.children.find((c) => c !== null && !c.isNamed)?.text ?? "";
          const dest = r.childForFieldName("destination") ?? r.namedChildren.find((c) => c !== null && c.type !== "file_descriptor" && c.type !== "heredoc_body") ?? null;
          const target = dest ? this.word(dest, substituted) : undefined;
          for (const c of cmds) if (cmds.length === 1 || c === cmds[cmds.length - 1]) c.redirects.push({ operator: op, target });
        }
        added.push(...cmds);
        return added;
      }
      default: {
        for (const c of node.namedChildren) if (c !== null) added.push(...this.visitChild(c, substituted));
        return added;
      }
    }
  }

  /** A child statement of a list or compound command. */
  private visitChild(c: TsNode, substituted: boolean): ShellCommand[] {
    if (c.type === "comment" || c.type === "heredoc_body") return [];
    if (c.type === "command_substitution" || c.type === "process_substitution") {
      this.substitution(c);
      return [];
    }
    return this.visit(c, substituted);
  }

  private command(node: TsNode, substituted: boolean, pipeline: ShellCommand["pipeline"]): ShellCommand {
    const assignments: ShellCommand["assignments"] = [];
    const args: ShellWord[] = [];
    let name: ShellWord | undefined;
    const redirects: ShellCommand["redirects"] = [];
    for (const c of node.namedChildren) {
      if (c === null) continue;
      if (c.type === "variable_assignment") {
        assignments.push(this.assignment(c, substituted));
      } else if (c.type === "command_name") {
        name = this.word(c.namedChildren[0] ?? c, substituted);
      } else if (c.type === "file_redirect" || c.type === "herestring_redirect") {
        const dest = c.childForFieldName("destination") ?? c.namedChildren.find((x) => x !== null && x.type !== "file_descriptor") ?? null;
        const op = c.children.find((x) => x !== null && !x.isNamed)?.text ?? "";
        redirects.push({ operator: op, target: dest ? this.word(dest, substituted) : undefined });
      } else if (c.type !== "comment") {
        args.push(this.word(c, substituted));
      }
    }
    return { name, args, assignments, pipeline, redirects, substituted, path: this.path(node) };
  }

  private declaration(node: TsNode, substituted: boolean, pipeline: ShellCommand["pipeline"]): ShellCommand {
    const keyword = node.children.find((c) => c !== null && !c.isNamed);
    const name: ShellWord | undefined = keyword ? { raw: keyword.text, value: keyword.text, text: keyword.text, substitutions: [], path: this.path(keyword) } : undefined;
    const assignments: ShellCommand["assignments"] = [];
    const args: ShellWord[] = [];
    for (const c of node.namedChildren) {
      if (c === null) continue;
      if (c.type === "variable_assignment") assignments.push(this.assignment(c, substituted));
      else args.push(this.word(c, substituted));
    }
    return { name, args, assignments, pipeline, redirects: [], substituted, path: this.path(node) };
  }

  private assignment(node: TsNode, substituted: boolean): ShellCommand["assignments"][number] {
    const n = node.childForFieldName("name");
    const v = node.childForFieldName("value");
    return { name: n?.text ?? "", value: v ? this.word(v, substituted) : undefined };
  }

  private substitution(node: TsNode): ShellSubstitution {
    const kind = node.type === "process_substitution" ? "process" : "command";
    const commands: ShellCommand[] = [];
    for (const c of node.namedChildren) if (c !== null) commands.push(...this.visit(c, true));
    return { kind, commands };
  }

  word(node: TsNode, substituted: boolean): ShellWord {
    const substitutions: ShellSubstitution[] = [];
    const collect = (n: TsNode, depth: number): void => {
      if (depth + this.nesting >= this.limits.maxNesting) {
        this.tooDeep(); // `${a:-${a:-${a:-…}}}` ten thousand deep
        return;
      }
      for (const c of n.namedChildren) {
        if (c === null) continue;
        if (c.type === "command_substitution" || c.type === "process_substitution") substitutions.push(this.substitution(c));
        else collect(c, depth + 1);
      }
    };
    if (node.type === "command_substitution" || node.type === "process_substitution") substitutions.push(this.substitution(node));
    else collect(node, 0);
    void substituted;
    const { value, text } = unquote(node);
    return { raw: node.text, value, text, substitutions, path: this.path(node) };
  }
}

/** Quote removal: the value when the word holds no expansion, and the text with quotes removed either way. */
function unquote(node: TsNode): { value: string | undefined; text: string } {
  switch (node.type) {
    case "word":
    case "number":
    case "command_name": {
      const t = node.type === "command_name" && node.namedChildren[0] ? node.namedChildren[0].text : node.text;
      if (node.type === "command_name" && node.namedChildren[0] && node.namedChildren[0].type !== "word") return unquote(node.namedChildren[0]);
      const v = t.replace(/\\(.)/gs, "$1");
      return { value: v, text: v };
    }
    case "raw_string": {
      const v = node.text.slice(1, -1);
      return { value: v, text: v };
    }
    case "ansi_c_string": {
      const v = node.text.slice(2, -1);
      return { value: v, text: v };
    }
    case "string":
    case "translated_string": {
      let value: string | undefined = "";
      let text = "";
      const raw = node.text;
      const start = node.startIndex;
      let pos = node.type === "translated_string" ? 2 : 1;
      for (const c of node.namedChildren) {
        if (c === null) continue;
        const gap = raw.slice(pos, c.startIndex - start);
        if (value !== undefined) value += gap;
        text += gap;
        if (c.type === "string_content") {
          const v = c.text.replace(/\\([$`"\\\n])/g, "$1");
          if (value !== undefined) value += v;
          text += v;
        } else {
          value = undefined;
          text += c.text;
        }
        pos = c.endIndex - start;
      }
      const tail = raw.slice(pos, raw.length - 1);
      if (value !== undefined) value += tail;
      text += tail;
      return { value, text };
    }
    case "concatenation": {
      let value: string | undefined = "";
      let text = "";
      for (const c of node.children) {
        if (c === null) continue;
        const part = c.isNamed ? unquote(c) : { value: c.text, text: c.text };
        value = value === undefined || part.value === undefined ? undefined : value + part.value;
        text += part.text;
      }
      return { value, text };
    }
    default:
      return { value: undefined, text: node.text };
  }
}
