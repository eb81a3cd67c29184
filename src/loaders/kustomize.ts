// Kustomize: which folders are roots, rendering a root with the real tool (with origin annotations), and pointing
// each finding at the file a person edits: the patch that set the value, else the resource file it came from.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Document, LineCounter, type Node, isMap, isScalar, parseAllDocuments, stringify } from "yaml";
import type { RenderedFrom } from "../model/finding.js";
import { type Located, type Locator, Resource } from "../model/resource.js";
import { type JsonObject, type YamlPath, isObject } from "../model/types.js";
import type { KustomizationDir } from "./files.js";
import { k8sTags } from "./k8s-yaml-schema.js";
import { YamlLocator } from "./locator.js";
import { loadManifestText } from "./manifest.js";
import { type RenderOptions, type Rendered, ToolMissingError, renderProblem, resolveTool, runToolAsync } from "./render.js";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/** Annotations kustomize adds for build metadata; removed before rules see an object. */
const ORIGIN = "config.kubernetes.io/origin";
const TRANSFORMATIONS = "alpha.config.kubernetes.io/transformations";
const isBuildAnnotation = (k: string): boolean => k === ORIGIN || k === TRANSFORMATIONS || k.startsWith("internal.config.kubernetes.io/");

const PARSE = { customTags: k8sTags, merge: true, uniqueKeys: false, prettyErrors: false, logLevel: "error" } as const;

/**
 * The folders to render: every kustomization folder that no other kustomization of the scan pulls in (through
 * `resources`, `bases` or `components`) and that is not a `kind: Component`. An unreadable kustomization is a root
 * (rendering it reports the error).
 */
export function kustomizeRoots(dirs: KustomizationDir[]): KustomizationDir[] {
  const referenced = new Set<string>();
  const components = new Set<string>();
  for (const dir of dirs) {
    const k = readKustomization(path.join(dir.absolute, dir.file));
    if (!k) continue;
    if (k.kind === "Component") components.add(path.resolve(dir.absolute));
    for (const entry of [...strings(k.resources), ...strings(k.bases), ...strings(k.components)]) {
      if (isRemote(entry)) continue;
      referenced.add(path.resolve(dir.absolute, entry));
    }
  }
  return dirs.filter((d) => {
    const abs = path.resolve(d.absolute);
    return !referenced.has(abs) && !components.has(abs);
  });
}

/** Renders one root with `kubectl kustomize` (or `kustomize build`) and maps the objects back to their files. */
export async function renderKustomization(root: KustomizationDir, options: RenderOptions): Promise<Rendered> {
  const rootFile = path.join(root.absolute, root.file);
  const rootFileDisplay = path.join(root.display, root.file);
  const result: Rendered = { resources: [], problems: [], documents: 0, skipped: 0, consumed: [], failed: false };
  const bin = resolveTool("kustomize", options.kustomizeBin, ["kubectl", "kustomize"], options.cwd);

  // Kustomize refuses an absolute path as a resource and only annotates origins when asked to: a wrapper
  // kustomization in a temporary folder pulls the root in by a relative path, with origin annotations on.
  const wrapper = mkdtempSync(path.join(os.tmpdir(), "shipshape-kustomize-"));
  let stream: string;
  try {
    const rel = path.relative(wrapper, root.absolute).split(path.sep).join("/");
    const own = readKustomization(rootFile);
    const k: JsonObject = { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: [rel], buildMetadata: ["originAnnotations"] };
    // Output order is decided by the top kustomization: keep the root's.
    if (own && own.sortOptions !== undefined) k.sortOptions = own.sortOptions;
    writeFileSync(path.join(wrapper, "kustomization.yaml"), stringify(k));
    const args = path.basename(bin).toLowerCase().startsWith("kustomize") ? ["build", wrapper] : ["kustomize", wrapper];
    try {
      stream = await runToolAsync(bin, [...args, "--load-restrictor", "LoadRestrictionsNone"], options.cwd);
    } catch (err) {
      if (!(err instanceof Error) || err instanceof ToolMissingError) throw err;
      result.failed = true;
      result.problems.push(renderProblem(rootFileDisplay, `kustomize could not render ${root.display}: ${toolMessage(err.message, wrapper, rel, root)}`));
      return result;
    }
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }

  const ctx = new Context(root, options, wrapper);
  const tree = ctx.node(root.absolute);
  ctx.consume(rootFile);

  const { text, origins } = stripBuildAnnotations(stream, wrapper);
  const loaded = loadManifestText(text, rootFileDisplay);
  result.problems.push(...loaded.problems);
  result.documents = loaded.documents;
  result.skipped = loaded.skipped;
  for (const r of loaded.resources) {
    stripObjectAnnotations(r.object);
    const origin = origins[r.source.document];
    const mapped = new KustomizeMapper(ctx, tree, r, origin);
    result.resources.push(new Resource(r.object, { file: mapped.file, document: mapped.document, prefix: mapped.prefix, locator: mapped }));
  }
  result.consumed = [...ctx.consumed];
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// The kustomization tree

interface Origin {
  /** Absolute path of the resource file, for objects read from a file. */
  file?: string;
  /** Absolute path of the kustomization whose generator made the object. */
  configuredIn?: string;
  kind?: string;
  repo?: string;
}

/** A patch of a kustomization, with what it targets and how to find lines in it. */
interface Patch {
  type: "strategic" | "json6902";
  /** Display path of the file to edit (the patch file, or the kustomization for inline patches). */
  file: string;
  /** A `target` selector, if any; strategic patches without one target their own kind/name. */
  target?: JsonObject;
  docs: ParsedDoc[];
  /** For inline patches: maps a position in the patch text to the kustomization file. */
  shift: (p: Located) => Located;
}

interface ParsedDoc {
  value: unknown;
  /** The whole text the document was parsed from. */
  text: string;
  locator: YamlLocator;
  doc: Document;
}

interface KNode {
  dir: string;
  file: string;
  display: string;
  kind: string;
  /** Resource files (absolute) listed directly. */
  files: Set<string>;
  /** Bases and components, in order. */
  bases: KNode[];
  components: KNode[];
  patches: Patch[];
  doc?: ParsedDoc;
}

class Context {
  readonly consumed = new Set<string>();
  private readonly nodes = new Map<string, KNode | undefined>();
  private readonly parsed = new Map<string, ParsedDoc[] | undefined>();
  private readonly manifests = new Map<string, Resource[]>();

  constructor(
    readonly root: KustomizationDir,
    readonly options: RenderOptions,
    readonly wrapper: string,
  ) {}

  /** The display path of an absolute path, in the same terms as the root's display path. */
  display(abs: string): string {
    const rel = path.relative(this.root.absolute, abs);
    return path.join(this.root.display, rel);
  }

  consume(abs: string): void {
    if (existsSync(abs) && isFile(abs)) this.consumed.add(path.resolve(abs));
  }

  /** The kustomization in a folder, read once; its files are recorded as consumed. */
  node(dir: string): KNode | undefined {
    dir = path.resolve(dir);
    if (this.nodes.has(dir)) return this.nodes.get(dir);
    this.nodes.set(dir, undefined); // cycles
    const name = KUSTOMIZATION_FILES.find((f) => existsSync(path.join(dir, f)) && isFile(path.join(dir, f)));
    if (!name) return undefined;
    const file = path.join(dir, name);
    const docs = this.parse(file);
    const k = docs?.[0]?.value;
    if (!isObject(k)) return undefined;
    this.consume(file);
    const node: KNode = { dir, file, display: this.display(file), kind: String(k.kind ?? "Kustomization"), files: new Set(), bases: [], components: [], patches: [] };
    if (docs?.[0]) node.doc = docs[0];
    this.nodes.set(dir, node);
    for (const entry of [...strings(k.resources), ...strings(k.bases)]) {
      if (isRemote(entry)) continue;
      const abs = path.resolve(dir, entry);
      if (isDir(abs)) {
        const child = this.node(abs);
        if (child) node.bases.push(child);
      } else {
        node.files.add(abs);
        this.consume(abs);
      }
    }
    for (const entry of strings(k.components)) {
      if (isRemote(entry)) continue;
      const child = this.node(path.resolve(dir, entry));
      if (child) node.components.push(child);
    }
    this.readPatches(node, k);
    // Other files the build reads: generators, replacements, configurations, CRDs, transformers.
    for (const gen of [...list(k.configMapGenerator), ...list(k.secretGenerator)]) {
      if (!isObject(gen)) continue;
      for (const f of strings(gen.files)) this.consume(path.resolve(dir, f.includes("=") ? f.slice(f.indexOf("=") + 1) : f));
      for (const f of [...strings(gen.envs), ...strings(gen.env)]) this.consume(path.resolve(dir, f));
    }
    for (const r of list(k.replacements)) if (isObject(r) && typeof r.path === "string") this.consume(path.resolve(dir, r.path));
    for (const f of [...strings(k.configurations), ...strings(k.crds)]) this.consume(path.resolve(dir, f));
    if (isObject(k.openapi) && typeof k.openapi.path === "string") this.consume(path.resolve(dir, k.openapi.path));
    for (const entry of [...strings(k.transformers), ...strings(k.generators), ...strings(k.validators)]) {
      if (entry.includes("\n") || isRemote(entry)) continue;
      const abs = path.resolve(dir, entry);
      if (isDir(abs)) this.node(abs);
      else this.consume(abs);
    }
    return node;
  }

  private readPatches(node: KNode, k: JsonObject): void {
    const add = (type: Patch["type"] | undefined, spec: { path?: unknown; patch?: unknown; target?: unknown }, keyNode: YamlPath): void => {
      const target = isObject(spec.target) ? spec.target : undefined;
      if (typeof spec.path === "string") {
        const abs = path.resolve(node.dir, spec.path);
        this.consume(abs);
        const docs = this.parse(abs);
        if (!docs) return;
        const p: Patch = { type: type ?? patchType(docs), file: this.display(abs), docs, shift: (x) => x };
        if (target) p.target = target;
        node.patches.push(p);
      } else if (typeof spec.patch === "string") {
        const docs = parseDocs(spec.patch);
        if (!docs) return;
        const p: Patch = { type: type ?? patchType(docs), file: node.display, docs, shift: inlineShift(node, keyNode) };
        if (target) p.target = target;
        node.patches.push(p);
      }
    };
    list(k.patchesStrategicMerge).forEach((entry, i) => {
      if (typeof entry !== "string") return;
      // An entry is a file name, or a patch written inline
      if (entry.includes("\n") || /^\s*(apiVersion|kind)\s*:/m.test(entry)) add("strategic", { patch: entry }, ["patchesStrategicMerge", i]);
      else add("strategic", { path: entry }, ["patchesStrategicMerge", i]);
    });
    list(k.patchesJson6902).forEach((entry, i) => {
      if (isObject(entry)) add("json6902", entry, ["patchesJson6902", i, "patch"]);
    });
    list(k.patches).forEach((entry, i) => {
      if (isObject(entry)) add(undefined, entry, ["patches", i, "patch"]);
    });
  }

  /** The documents of a file, parsed once (undefined when unreadable). */
  parse(abs: string): ParsedDoc[] | undefined {
    if (this.parsed.has(abs)) return this.parsed.get(abs);
    let docs: ParsedDoc[] | undefined;
    try {
      docs = parseDocs(readFileSync(abs, "utf8"));
    } catch {
      docs = undefined;
    }
    this.parsed.set(abs, docs);
    return docs;
  }

  /** The objects of a resource file, read once. */
  manifest(abs: string): Resource[] {
    let out = this.manifests.get(abs);
    if (!out) {
      try {
        out = loadManifestText(readFileSync(abs, "utf8"), this.display(abs)).resources;
      } catch {
        out = [];
      }
      this.manifests.set(abs, out);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Source mapping

/** The locator of a rendered object: the patch that set a path, else the resource file it came from. */
class KustomizeMapper implements Locator {
  readonly file: string;
  readonly document: number;
  readonly prefix: YamlPath;
  /** The object in the resource file it came from. */
  private readonly base: Resource | undefined;
  private readonly patches: Patch[];
  private readonly fallback: () => Located;

  constructor(
    private readonly ctx: Context,
    tree: KNode | undefined,
    private readonly rendered: Resource,
    origin: Origin | undefined,
  ) {
    const r = rendered;
    const originFile = origin?.file !== undefined && existsSync(origin.file) ? origin.file : undefined;
    if (originFile) {
      const candidates = ctx.manifest(originFile).filter((c) => c.kind === r.kind);
      this.base =
        candidates.find((c) => c.name === r.name) ??
        candidates.filter((c) => c.name !== "" && r.name.includes(c.name)).sort((a, b) => b.name.length - a.name.length)[0] ??
        (candidates.length === 1 ? candidates[0] : undefined);
    }
    if (this.base && originFile) {
      this.file = ctx.display(originFile);
      this.document = this.base.source.document;
      this.prefix = this.base.source.prefix;
      this.fallback = () => ({ line: 1, column: 1, exact: false });
    } else {
      // Generated objects: the kustomization with the generator; remote or unknown: the root's kustomization.
      const kfile = origin?.configuredIn !== undefined && existsSync(origin.configuredIn) ? origin.configuredIn : path.join(ctx.root.absolute, ctx.root.file);
      this.file = originFile ? ctx.display(originFile) : ctx.display(kfile);
      this.document = 0;
      this.prefix = [];
      this.fallback = () => generatorLine(ctx, kfile, origin, r);
    }
    const names = new Set([r.name, this.base?.name ?? r.name]);
    this.patches = applicablePatches(tree, originFile).filter((p) => targets(p, r, names));
  }

  locate(p: YamlPath): Located {
    const at = this.rendered.source.locator.locate(p);
    const rendered: RenderedFrom = { tool: "kustomize", root: this.ctx.root.display, document: this.rendered.source.document, line: at.line, column: at.column };
    const found = this.fromPatch(p) ?? this.fromBase(p) ?? { ...this.fallback(), file: this.file };
    return { ...found, rendered };
  }

  private fromPatch(p: YamlPath): Located | undefined {
    const baseHas = this.base ? translate(this.rendered.object, this.base.object, p).complete : false;
    for (const patch of this.patches) {
      if (patch.type === "json6902") {
        const hit = jsonPatchHit(patch, this.rendered.object, p);
        if (hit) return { ...patch.shift(hit), file: patch.file };
        continue;
      }
      for (const d of patch.docs) {
        if (!isObject(d.value)) continue;
        if (!patch.target && (d.value.kind !== this.rendered.kind || !this.namesMatch(d.value))) continue;
        const t = translate(this.rendered.object, d.value, p);
        if (!t.complete || identifies(p)) continue;
        // A patch sets a value; a map or list it only reaches into belongs to the base when the base has it too.
        const v = getAt(d.value, t.path);
        if ((isObject(v) || Array.isArray(v)) && baseHas) continue;
        const loc = d.locator.locate(t.path);
        return { ...patch.shift(loc), file: patch.file };
      }
    }
    return undefined;
  }

  private fromBase(p: YamlPath): Located | undefined {
    if (!this.base) return undefined;
    const t = translate(this.rendered.object, this.base.object, p);
    const loc = this.base.source.locator.locate(t.path);
    return { ...loc, exact: loc.exact && t.complete, file: this.file };
  }

  private namesMatch(v: JsonObject): boolean {
    const name = isObject(v.metadata) ? v.metadata.name : undefined;
    return name === undefined || name === this.rendered.name || name === this.base?.name;
  }
}

/**
 * Paths a strategic patch only writes to say what it patches (kind, name, a list item's merge key), not to set them.
 */
function identifies(p: YamlPath): boolean {
  if (p.length === 1) return p[0] === "kind" || p[0] === "apiVersion";
  if (p.length === 2 && p[0] === "metadata") return p[1] === "name" || p[1] === "namespace";
  const last = p[p.length - 1];
  const list = p[p.length - 3];
  return typeof p[p.length - 2] === "number" && typeof list === "string" && last === (MERGE_KEYS[list] ?? "name");
}

/** The patches that may have touched an object from `originFile`, nearest overlay first, last patch first. */
function applicablePatches(node: KNode | undefined, originFile: string | undefined): Patch[] {
  const out: Patch[] = [];
  const seen = new Set<KNode>();
  const covers = (n: KNode, s = new Set<KNode>()): boolean => {
    if (originFile === undefined) return true;
    if (s.has(n)) return false;
    s.add(n);
    return n.files.has(originFile) || n.bases.some((b) => covers(b, s)) || n.components.some((c) => c.files.has(originFile));
  };
  const visit = (n: KNode, covered: boolean): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (covered) out.push(...[...n.patches].reverse());
    // Components act on what their kustomization gathered, before its own patches.
    for (const c of [...n.components].reverse()) visit(c, covered);
    for (const b of n.bases) visit(b, covers(b));
  };
  if (node) visit(node, covers(node));
  return out;
}

/** Whether a patch is meant for this object: its `target` selector, or a strategic patch's own kind and name. */
function targets(p: Patch, r: Resource, names: Set<string>): boolean {
  const t = p.target;
  if (!t) {
    if (p.type === "json6902") return false;
    return p.docs.some((d) => isObject(d.value) && d.value.kind === r.kind && (!isObject(d.value.metadata) || d.value.metadata.name === undefined || names.has(String(d.value.metadata.name))));
  }
  if (typeof t.kind === "string" && !regexMatch(t.kind, r.kind)) return false;
  if (typeof t.name === "string" && ![...names].some((n) => regexMatch(t.name as string, n))) return false;
  if (typeof t.namespace === "string" && r.namespace !== undefined && !regexMatch(t.namespace, r.namespace)) return false;
  if (typeof t.group === "string") {
    const group = r.apiVersion.includes("/") ? r.apiVersion.slice(0, r.apiVersion.indexOf("/")) : "";
    if (t.group !== group) return false;
  }
  if (typeof t.labelSelector === "string" && !selects(t.labelSelector, r.labels())) return false;
  if (typeof t.annotationSelector === "string" && !selects(t.annotationSelector, r.annotations())) return false;
  return true;
}

function regexMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

/** Equality-based selectors (`a=b,c!=d,e`); anything fancier is taken to match. */
function selects(selector: string, labels: Record<string, string>): boolean {
  for (const part of selector.split(",").map((s) => s.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^!=\s]+)\s*!=\s*(\S*)$/))) {
      if (labels[m[1]!] === m[2]) return false;
    } else if ((m = part.match(/^([^!=\s]+)\s*==?\s*(\S*)$/))) {
      if (labels[m[1]!] !== m[2]) return false;
    } else if (/^[\w./-]+$/.test(part)) {
      if (!(part in labels)) return false;
    }
  }
  return true;
}

/** A JSON 6902 op that sets `p` (its path equals `p` or a prefix of it): where to point. */
function jsonPatchHit(patch: Patch, object: JsonObject, p: YamlPath): Located | undefined {
  for (const d of patch.docs) {
    if (!Array.isArray(d.value)) continue;
    for (let i = d.value.length - 1; i >= 0; i--) {
      const op = d.value[i] as unknown;
      if (!isObject(op) || typeof op.path !== "string" || !["add", "replace", "copy", "move"].includes(String(op.op))) continue;
      const segs = pointer(op.path);
      if (segs.length > p.length) continue;
      let match = true;
      for (let j = 0; j < segs.length; j++) {
        const s = segs[j]!;
        const want = p[j]!;
        if (s === "-") {
          const arr = getAt(object, p.slice(0, j));
          if (!(Array.isArray(arr) && want === arr.length - 1)) match = false;
        } else if (String(want) !== s) match = false;
        if (!match) break;
      }
      if (!match) continue;
      // A prefix: point into the value when it holds the rest of the path, else at the op.
      if (segs.length < p.length && "value" in op) {
        const rest = p.slice(segs.length);
        const t = translate(getAt(object, p.slice(0, segs.length)), op.value, rest);
        if (t.complete) {
          const loc = d.locator.locate([i, "value", ...t.path]);
          if (loc.exact) return loc;
        }
      }
      const loc = d.locator.locate([i]);
      return { line: loc.line, column: loc.column, exact: true };
    }
  }
  return undefined;
}

function pointer(p: string): string[] {
  if (p === "" || p === "/") return [];
  return p
    .replace(/^\//, "")
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** List fields merged by a key other than `name` (strategic merge). */
const MERGE_KEYS: Record<string, string> = {
  ports: "containerPort",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
};

/**
 * The path in `target` (a resource file's object or a patch) that corresponds to `p` in the rendered object: list
 * items are matched by their merge key (containers by name), since patches add and reorder items.
 * `complete` is false when some step of the path is not in `target`.
 */
function translate(rendered: unknown, target: unknown, p: YamlPath): { path: YamlPath; complete: boolean } {
  const out: (string | number)[] = [];
  let r = rendered;
  let t = target;
  let field = "";
  for (const seg of p) {
    if (typeof seg === "number") {
      if (!Array.isArray(t)) return { path: out, complete: false };
      const item = Array.isArray(r) ? (r[seg] as unknown) : undefined;
      const key = isObject(item) ? (MERGE_KEYS[field] ?? "name") : undefined;
      let idx = -1;
      if (key !== undefined && isObject(item) && item[key] !== undefined) idx = t.findIndex((x) => isObject(x) && x[key] === item[key]);
      else if (seg < t.length) idx = seg;
      if (idx < 0) return { path: out, complete: false };
      out.push(idx);
      r = item;
      t = t[idx];
    } else {
      if (!isObject(t) || !(seg in t)) return { path: [...out, seg], complete: false };
      out.push(seg);
      field = seg;
      r = isObject(r) ? r[seg] : undefined;
      t = t[seg];
    }
  }
  return { path: out, complete: t !== undefined };
}

function getAt(v: unknown, p: YamlPath): unknown {
  let cur = v;
  for (const seg of p) {
    if (typeof seg === "number") cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isObject(cur) ? cur[seg] : undefined;
  }
  return cur;
}

/** For an inline patch (a block scalar in the kustomization): positions in the patch text → the kustomization. */
function inlineShift(node: KNode, keyPath: YamlPath): (p: Located) => Located {
  const d = node.doc;
  if (!d) return () => ({ line: 1, column: 1, exact: false });
  const scalar = d.doc.getIn(keyPath, true) as Node | undefined;
  const keyAt = d.locator.locate(keyPath);
  if (!scalar || !isScalar(scalar) || !scalar.range || (scalar.type !== "BLOCK_LITERAL" && scalar.type !== "BLOCK_FOLDED")) {
    return () => ({ line: keyAt.line, column: keyAt.column, exact: false });
  }
  // Content starts on the line after the block header (`patch: |-`), indented.
  const header = keyAt.line;
  const lines = d.text.split("\n");
  let indent = 0;
  for (let i = header; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "") continue;
    indent = l.length - l.trimStart().length;
    break;
  }
  return (p) => {
    const out: Located = { line: header + p.line, column: indent + p.column, exact: p.exact };
    if (p.endLine !== undefined && p.endColumn !== undefined) {
      out.endLine = header + p.endLine;
      out.endColumn = indent + p.endColumn;
    }
    return out;
  };
}

/** Where a generated object is configured: the generator entry of that name, else the top of the file. */
function generatorLine(ctx: Context, kfile: string, origin: Origin | undefined, r: Resource): Located {
  const d = ctx.parse(kfile)?.[0];
  if (!d || !isObject(d.value)) return { line: 1, column: 1, exact: false };
  const field = origin?.kind === "SecretGenerator" ? "secretGenerator" : origin?.kind === "ConfigMapGenerator" ? "configMapGenerator" : undefined;
  if (field) {
    const gens = list(d.value[field]);
    let best = -1;
    gens.forEach((g, i) => {
      if (isObject(g) && typeof g.name === "string" && r.name.includes(g.name) && (best < 0 || String((gens[best] as JsonObject).name).length < g.name.length)) best = i;
    });
    if (best >= 0) return { ...d.locator.locate([field, best]), exact: false };
  }
  if (origin?.repo !== undefined) {
    const res = list(d.value.resources);
    const i = res.findIndex((e) => typeof e === "string" && e.includes(origin.repo!));
    if (i >= 0) return { ...d.locator.locate(["resources", i]), exact: false };
  }
  return { line: 1, column: 1, exact: false };
}

// ---------------------------------------------------------------------------------------------------------------
// The rendered stream

/**
 * Removes the build annotations from the rendered text (so the stream is what `kubectl kustomize ROOT` prints) and
 * returns each document's origin.
 */
function stripBuildAnnotations(stream: string, wrapper: string): { text: string; origins: (Origin | undefined)[] } {
  const origins: (Origin | undefined)[] = [];
  const cuts: [number, number][] = [];
  const docs = parseAllDocuments(stream, PARSE);
  const list = Array.isArray(docs) ? docs : [docs];
  const lineStart = (i: number): number => stream.lastIndexOf("\n", i - 1) + 1;
  const nextLine = (i: number): number => {
    if (i > 0 && stream[i - 1] === "\n") return i;
    const n = stream.indexOf("\n", i);
    return n < 0 ? stream.length : n + 1;
  };
  for (const doc of list) {
    let origin: Origin | undefined;
    const root = doc.contents;
    const meta = isMap(root) ? (root.get("metadata", true) as unknown) : undefined;
    const annPair = isMap(meta) ? meta.items.find((p) => isScalar(p.key) && p.key.value === "annotations") : undefined;
    const ann = annPair?.value;
    if (isMap(ann)) {
      const drop = ann.items.filter((p) => isScalar(p.key) && isBuildAnnotation(String(p.key.value)));
      for (const p of drop) {
        if (isScalar(p.key) && p.key.value === ORIGIN && isScalar(p.value)) origin = parseOrigin(String(p.value.value), wrapper);
      }
      if (drop.length > 0 && drop.length === ann.items.length && isScalar(annPair?.key) && annPair.key.range) {
        const end = (ann.range ?? [0, 0, 0])[1];
        cuts.push([lineStart(annPair.key.range[0]), nextLine(end)]);
      } else {
        for (const p of drop) {
          const k = p.key as Node;
          const v = p.value as Node | null;
          const end = v?.range?.[1] ?? k.range?.[1] ?? 0;
          if (k.range) cuts.push([lineStart(k.range[0]), nextLine(end)]);
        }
      }
    }
    origins.push(origin);
  }
  if (cuts.length === 0) return { text: stream, origins };
  cuts.sort((a, b) => a[0] - b[0]);
  let text = "";
  let at = 0;
  for (const [s, e] of cuts) {
    if (s < at) continue;
    text += stream.slice(at, s);
    at = e;
  }
  text += stream.slice(at);
  return { text, origins };
}

function parseOrigin(text: string, wrapperDir: string): Origin | undefined {
  const docs = parseDocs(text);
  const v = docs?.[0]?.value;
  if (!isObject(v)) return undefined;
  const o: Origin = {};
  if (typeof v.repo === "string") o.repo = v.repo;
  if (typeof v.path === "string" && o.repo === undefined) o.file = path.resolve(wrapperDir, v.path);
  if (typeof v.configuredIn === "string") o.configuredIn = path.resolve(wrapperDir, v.configuredIn);
  if (isObject(v.configuredBy) && typeof v.configuredBy.kind === "string") o.kind = v.configuredBy.kind;
  return o;
}

/** Drops build annotations that survived (e.g. in a List item) from the object rules see. */
function stripObjectAnnotations(object: JsonObject): void {
  const meta = object.metadata;
  if (!isObject(meta) || !isObject(meta.annotations)) return;
  const ann = meta.annotations;
  const keys = Object.keys(ann).filter(isBuildAnnotation);
  if (keys.length === 0) return;
  for (const k of keys) delete ann[k];
  if (Object.keys(ann).length === 0) delete meta.annotations;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function parseDocs(text: string): ParsedDoc[] | undefined {
  const lines = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { ...PARSE, lineCounter: lines });
  } catch {
    return undefined;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const out: ParsedDoc[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch {
      continue;
    }
    out.push({ value, text, doc, locator: new YamlLocator(doc, (doc.contents as Node | null) ?? null, lines, text) });
  }
  return out;
}

function readKustomization(file: string): JsonObject | undefined {
  try {
    const v = parseDocs(readFileSync(file, "utf8"))?.[0]?.value;
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function patchType(docs: ParsedDoc[]): Patch["type"] {
  return docs.length > 0 && Array.isArray(docs[0]!.value) ? "json6902" : "strategic";
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isRemote(entry: string): boolean {
  return /^[a-z][\w+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.startsWith("git@") || entry.includes("?ref=");
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Kustomize's error, without kubectl's log prefix and with the temporary wrapper's paths made readable. */
function toolMessage(message: string, wrapper: string, rel: string, root: KustomizationDir): string {
  let m = message.trim();
  const err = m.match(/err="((?:[^"\\]|\\.)*)"/);
  if (err) m = err[1]!.replace(/\\"/g, '"').replace(/\\\\/g, "\\");
  m = m.replace(/^error:\s*/, "");
  // The wrapper's own layer adds nothing: drop "accumulating resources from '<rel>' ... recursed accumulation of path '<root>': "
  const inner = m.indexOf(`recursed accumulation of path '${root.absolute}': `);
  if (inner >= 0) m = m.slice(inner + `recursed accumulation of path '${root.absolute}': `.length);
  m = m.split(wrapper).join("<wrapper>").split(rel).join(root.display);
  const abs = path.resolve(root.absolute);
  return m.split(abs + path.sep).join(root.display + path.sep).split(abs).join(root.display);
}
