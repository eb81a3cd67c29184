import { LineCounter, type Node, isMap, isSeq, parseAllDocuments } from "yaml";
import { Resource } from "../model/resource.js";
import type { LoadProblem } from "../model/finding.js";
import { isObject, type JsonObject } from "../model/types.js";
import { k8sTags } from "./k8s-yaml-schema.js";
import { YamlLocator } from "./locator.js";

export interface LoadResult {
  resources: Resource[];
  problems: LoadProblem[];
  /** YAML documents read (empty ones included). */
  documents: number;
  /** Documents (or List items) that are not Kubernetes objects: no apiVersion/kind. */
  skipped: number;
}

const PARSE_OPTIONS = {
  customTags: k8sTags,
  merge: true,
  uniqueKeys: false,
  // A few aliases are normal; thousands are a "billion laughs" attack.
  maxAliasCount: 1000,
  prettyErrors: false,
  // Go-template leftovers such as `{{ replicas }}` parse as mapping keys; the library would print a
  // process warning for each. The value is still read (as a string key), and nothing goes to stderr.
  logLevel: "error",
} as const;

export interface LoadOptions {
  /** Aliases a document may expand (default 1000): thousands are a "billion laughs" attack. */
  maxAliases?: number;
}

/** Parses the text of one manifest file (YAML or JSON, one or many documents) into objects. */
export function loadManifestText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const maxAliasCount = options.maxAliases ?? PARSE_OPTIONS.maxAliasCount;
  const result: LoadResult = { resources: [], problems: [], documents: 0, skipped: 0 };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) {
    result.problems.push(problem(file, 1, 1, "binary", "binary file (it contains NUL bytes), not YAML or JSON"));
    return result;
  }
  if (text.trim() === "") {
    result.problems.push({ ...problem(file, 1, 1, "empty", "empty file: no Kubernetes objects in it"), severity: "info" });
    return result;
  }
  const lines = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter: lines });
  } catch (err) {
    result.problems.push(problem(file, 1, 1, "unparseable", `cannot parse: ${(err as Error).message}`));
    return result;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, index) => {
    result.documents++;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = lines.linePos(e.pos[0]);
        result.problems.push(problem(file, pos.line, pos.col, "syntax", `malformed YAML: ${firstLine(e.message)}`));
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount });
    } catch (err) {
      const start = doc.contents?.range?.[0] ?? 0;
      const pos = lines.linePos(start);
      result.problems.push(problem(file, pos.line, pos.col, "unparseable", `cannot read document: ${firstLine((err as Error).message)}`));
      return;
    }
    if (value === null || value === undefined) return; // an empty document between separators
    const root = (doc.contents as Node | null) ?? null;
    if (!isKubernetesObject(value)) {
      result.skipped++;
      return;
    }
    const itemsNode = isMap(root) ? (root.get("items", true) as Node | undefined) : undefined;
    if (isList(value)) {
      const items = value.items as unknown[];
      items.forEach((item, i) => {
        if (!isKubernetesObject(item)) {
          result.skipped++;
          return;
        }
        const node = isSeq(itemsNode) ? ((itemsNode.items[i] as Node | undefined) ?? null) : null;
        result.resources.push(new Resource(item, { file, document: index, prefix: ["items", i], locator: new YamlLocator(doc, node, lines, text) }));
      });
      return;
    }
    result.resources.push(new Resource(value, { file, document: index, prefix: [], locator: new YamlLocator(doc, root, lines, text) }));
  });
  return result;
}

function isKubernetesObject(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.apiVersion === "string" && v.apiVersion !== "" && typeof v.kind === "string" && v.kind !== "";
}

/** `kind: List` and the typed lists (`PodList`, …) that carry their objects in `items`. */
function isList(v: JsonObject): boolean {
  return typeof v.kind === "string" && v.kind.endsWith("List") && Array.isArray(v.items);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function problem(file: string, line: number, column: number, messageId: string, message: string): LoadProblem {
  return { ruleId: "parse-error", severity: "high", messageId, message, file, line, column };
}
