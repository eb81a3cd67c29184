// Helm charts: rendered with the real `helm template`, and each rendered object mapped back to the template (and,
// when a value came from values, the values key) a person edits.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { LineCounter, type Node, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { UsageError } from "../engine/errors.js";
import type { LoadProblem, RenderedFrom, ValuesOrigin } from "../model/finding.js";
import { type Located, type Locator, Resource } from "../model/resource.js";
import { type YamlPath, isObject } from "../model/types.js";
import type { InputFile } from "./files.js";
import { loadManifestText } from "./manifest.js";
import { type Rendered, type RenderOptions, ToolMissingError, renderProblem, resolveTool, runToolAsync } from "./render.js";

/**
 * Renders a chart folder or packaged chart (.tgz) with `helm template` (offline: dependencies must be vendored in
 * `charts/`). A chart that does not render gives a render-error for the chart and `failed`; a .tgz that is not a
 * chart gives nothing. Throws ToolMissingError when there is no helm, UsageError for a wrong --helm-bin or --values.
 */
export async function renderHelmChart(file: InputFile, options: RenderOptions): Promise<Rendered> {
  const out: Rendered = { resources: [], problems: [], documents: 0, skipped: 0, consumed: [], failed: false };
  const absolute = file.absolute ?? path.resolve(options.cwd, file.display);
  let chart: ChartNode;
  if (isDirectory(absolute)) {
    chart = dirChart(absolute, file.display);
  } else {
    const entries = readChartArchive(absolute);
    if (entries === undefined) return out; // a .tgz that is not a Helm chart: not a Kubernetes input
    chart = archiveChart(entries, file.display, "");
  }
  const chartFile = chart.archive === undefined ? path.join(file.display, "Chart.yaml") : file.display;

  const valuesFiles = options.values.map((v) => {
    const p = path.resolve(options.cwd, v);
    if (!existsSync(p)) throw new UsageError(`--values: ${v} not found`, "input");
    return { display: v, absolute: p };
  });
  const bin = resolveTool("helm", options.helmBin, ["helm"], options.cwd);
  const args = ["template", options.releaseName, absolute, "--namespace", options.namespace, "--kube-version", options.kubeVersion, "--include-crds"];
  for (const v of valuesFiles) args.push("--values", v.absolute);
  for (const s of options.set) args.push("--set", s);

  let stream: string;
  try {
    stream = await runToolAsync(bin, args, options.cwd);
  } catch (err) {
    if (err instanceof ToolMissingError || !(err instanceof Error)) throw err;
    out.failed = true;
    out.problems.push(renderProblem(chartFile, `helm template failed: ${helmMessage(err.message)}`));
    return out;
  }

  const context: MappingContext = {
    root: file.display,
    chart,
    chartFile,
    userValues: valuesFiles.map((v) => ({ display: v.display, text: () => readFileSync(v.absolute, "utf8") })),
    setKeys: options.set.flatMap(setKeys),
    parsedValues: new Map(),
    kindsSeen: new Map(),
  };
  for (const doc of splitStream(stream)) {
    const loaded = loadManifestText(doc.text, file.display);
    out.documents++;
    out.skipped += loaded.skipped;
    const target = resolveSource(context, doc.source);
    for (const p of loaded.problems) {
      if (p.messageId === "empty") continue;
      out.problems.push({
        ...p,
        file: target.file,
        line: 1,
        column: 1,
        message: `${p.message} (in the output of helm template: document ${doc.index}, line ${doc.line + p.line - 1})`,
      });
    }
    for (const r of loaded.resources) {
      let within: { start: number; end: number } | undefined;
      if (target.template && doc.source !== undefined) {
        const seen = `${doc.source}\u0000${r.kind}`;
        const n = context.kindsSeen.get(seen) ?? 0;
        context.kindsSeen.set(seen, n + 1);
        within = target.template.documentFor(r.kind, n);
      }
      const locator = new HelmLocator(context, target, r.object, r.source.locator, r.source.prefix, doc, within);
      out.resources.push(new Resource(r.object, { file: target.file, document: doc.index, prefix: r.source.prefix, locator }));
    }
  }
  return out;
}

/** helm's stderr without the "Error: " prefix and the --debug advice. */
function helmMessage(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "" && !/^Use --debug flag/.test(l));
  let msg = lines.join("\n").replace(/^Error:\s*/, "");
  if (/missing in charts\/ directory/.test(msg)) msg += " (vendor the dependencies first: helm dependency build CHART)";
  return msg;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The rendered stream: `---` then `# Source: <chart>/templates/x.yaml` before each object.

interface RenderedDoc {
  /** 0-based index in the rendered stream. */
  index: number;
  /** 1-based line of the document's first line in the stream. */
  line: number;
  text: string;
  source: string | undefined;
}

function splitStream(stream: string): RenderedDoc[] {
  const lines = stream.split("\n");
  const docs: RenderedDoc[] = [];
  let start = 0;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end);
    if (chunk.some((l) => l.trim() !== "" && !l.startsWith("#"))) {
      const src = chunk.map((l) => /^# Source: (.+?)\s*$/.exec(l)).find((m) => m !== null);
      docs.push({ index: docs.length, line: start + 1, text: chunk.join("\n"), source: src?.[1] });
    }
  };
  lines.forEach((l, i) => {
    if (/^---\s*$/.test(l)) {
      flush(i);
      start = i + 1;
    }
  });
  flush(lines.length);
  return docs;
}

// ---------------------------------------------------------------------------------------------------------------
// Charts on disk or in archives, with their subcharts.

interface ChartNode {
  /** The chart's name (Chart.yaml `name`). */
  name: string;
  /** Display path of the chart folder, or of the archive holding it. */
  display: string;
  /** For a chart inside an archive: the archive's display path, and the chart's folder inside it (with "/"). */
  archive?: { display: string; prefix: string };
  read(rel: string): string | undefined;
  /** Display path of one of its files, for a finding (with the path inside the archive when packaged). */
  where(rel: string): { file: string; archivePath?: string };
  subchart(name: string): ChartNode | undefined;
}

interface ChartMeta {
  name: string;
  /** Dependency aliases: alias → chart name. */
  aliases: Map<string, string>;
}

function chartMeta(text: string | undefined): ChartMeta {
  const meta: ChartMeta = { name: "", aliases: new Map() };
  if (text === undefined) return meta;
  try {
    const doc = parseDocument(text, { logLevel: "silent" }).toJS() as unknown;
    if (!isObject(doc)) return meta;
    if (typeof doc.name === "string") meta.name = doc.name;
    if (Array.isArray(doc.dependencies)) {
      for (const d of doc.dependencies) {
        if (isObject(d) && typeof d.alias === "string" && typeof d.name === "string") meta.aliases.set(d.alias, d.name);
      }
    }
  } catch {
    // an unreadable Chart.yaml: helm has rendered it anyway, so only the mapping suffers
  }
  return meta;
}

function dirChart(absolute: string, display: string): ChartNode {
  const read = (rel: string): string | undefined => {
    try {
      return readFileSync(path.join(absolute, rel), "utf8");
    } catch {
      return undefined;
    }
  };
  const meta = chartMeta(read("Chart.yaml"));
  let subs: ChartNode[] | undefined;
  const subcharts = (): ChartNode[] => {
    if (subs) return subs;
    subs = [];
    const dir = path.join(absolute, "charts");
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return subs;
    }
    for (const n of names) {
      const abs = path.join(dir, n);
      const disp = path.join(display, "charts", n);
      if (isDirectory(abs)) {
        if (existsSync(path.join(abs, "Chart.yaml"))) subs.push(dirChart(abs, disp));
      } else if (/\.tgz$/i.test(n)) {
        const entries = readChartArchive(abs);
        if (entries) subs.push(archiveChart(entries, disp, ""));
      }
    }
    return subs;
  };
  return {
    name: meta.name,
    display,
    read,
    where: (rel) => ({ file: path.join(display, rel) }),
    subchart: (name) => findSubchart(subcharts(), meta, name),
  };
}

/** A chart inside an archive (entries keyed by their path in it); `base` is the archive path of nested archives. */
function archiveChart(entries: ArchiveEntries, archiveDisplay: string, base: string): ChartNode {
  const prefix = entries.chartPrefix;
  const read = (rel: string): string | undefined => entries.files.get(prefix + rel)?.toString("utf8");
  const meta = chartMeta(read("Chart.yaml"));
  let subs: ChartNode[] | undefined;
  const subcharts = (): ChartNode[] => {
    if (subs) return subs;
    subs = [];
    const dirs = new Set<string>();
    for (const [name, data] of entries.files) {
      if (!name.startsWith(`${prefix}charts/`)) continue;
      const rest = name.slice(prefix.length + "charts/".length);
      const slash = rest.indexOf("/");
      if (slash < 0 && /\.tgz$/i.test(rest)) {
        const nested = parseChartArchive(data);
        if (nested) subs.push(archiveChart(nested, archiveDisplay, `${base}${name}/`));
      } else if (slash > 0 && rest.slice(slash) === "/Chart.yaml") {
        dirs.add(rest.slice(0, slash));
      }
    }
    for (const d of [...dirs].sort()) {
      subs.push(archiveChart({ chartPrefix: `${prefix}charts/${d}/`, files: entries.files }, archiveDisplay, base));
    }
    return subs;
  };
  return {
    name: meta.name,
    display: archiveDisplay,
    archive: { display: archiveDisplay, prefix: base + prefix },
    read,
    where: (rel) => ({ file: archiveDisplay, archivePath: `${base}${prefix}${rel}` }),
    subchart: (name) => findSubchart(subcharts(), meta, name),
  };
}

function findSubchart(subs: ChartNode[], meta: ChartMeta, name: string): ChartNode | undefined {
  const direct = subs.find((s) => s.name === name);
  if (direct) return direct;
  const aliased = meta.aliases.get(name);
  return aliased === undefined ? undefined : subs.find((s) => s.name === aliased);
}

// ---------------------------------------------------------------------------------------------------------------
// Packaged charts (.tgz): gzip + tar, read in process.

interface ArchiveEntries {
  /** The chart's folder inside the archive, with a trailing "/" (e.g. "shop/"). */
  chartPrefix: string;
  files: Map<string, Buffer>;
}

const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

/** The files of a packaged chart, or undefined when the file is not a gzipped tar with `<folder>/Chart.yaml`. */
function readChartArchive(absolute: string): ArchiveEntries | undefined {
  let data: Buffer;
  try {
    data = readFileSync(absolute);
  } catch {
    return undefined;
  }
  return parseChartArchive(data);
}

function parseChartArchive(data: Buffer): ArchiveEntries | undefined {
  if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) return undefined;
  let tar: Buffer;
  try {
    tar = gunzipSync(data, { maxOutputLength: MAX_ARCHIVE_BYTES });
  } catch {
    return undefined;
  }
  const files = readTar(tar);
  if (files === undefined) return undefined;
  const chartYaml = [...files.keys()].filter((n) => /^[^/]+\/Chart\.yaml$/.test(n)).sort()[0];
  if (chartYaml === undefined) return undefined;
  return { chartPrefix: chartYaml.slice(0, chartYaml.length - "Chart.yaml".length), files };
}

/** Regular files of a tar (ustar, with PAX and GNU long names); undefined when it is not a tar. */
function readTar(tar: Buffer): Map<string, Buffer> | undefined {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number) => {
      const s = header.subarray(start, start + len);
      const nul = s.indexOf(0);
      return s.subarray(0, nul < 0 ? len : nul).toString("utf8");
    };
    if (field(257, 5) !== "ustar" && files.size === 0 && longName === undefined) {
      // old-style tar without magic: accept only when the checksum matches
      const sum = header.reduce((acc, b, i) => acc + (i >= 148 && i < 156 ? 32 : b), 0);
      if (parseInt(field(148, 8).trim(), 8) !== sum) return undefined;
    }
    const size = parseInt(field(124, 12).trim() || "0", 8);
    if (!Number.isFinite(size) || size < 0) return undefined;
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === "x") {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m?.[1] !== undefined) longName = m[1];
      continue;
    }
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0+$/, "");
      continue;
    }
    if (type === "g") continue;
    const prefix = field(345, 155);
    const name = longName ?? (prefix !== "" ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type === "0" || type === "\0" || type === "7") files.set(name.replace(/^\.\//, ""), Buffer.from(body));
  }
  return files;
}

// ---------------------------------------------------------------------------------------------------------------
// Mapping a rendered object to its template.

interface MappingContext {
  root: string;
  chart: ChartNode;
  chartFile: string;
  userValues: { display: string; text: () => string }[];
  /** Keys set with --set (dotted): a value under one of them has no file. */
  setKeys: string[];
  /** Values files parsed with positions, by display path (one scan's worth). */
  parsedValues: Map<string, ParsedValues | null>;
  /** Objects of each kind seen so far per template, to tell the documents of one template apart. */
  kindsSeen: Map<string, number>;
}

/** The template a rendered document came from. */
interface Target {
  file: string;
  archivePath?: string;
  template?: TemplateIndex;
  /** Charts from the top one down to the template's own, with the name each is rendered as (its alias, if any). */
  chain: ChainLink[];
}

interface ChainLink {
  node: ChartNode;
  as: string;
}

const templates = new WeakMap<ChartNode, Map<string, TemplateIndex | null>>();

function resolveSource(ctx: MappingContext, source: string | undefined): Target {
  const fallback: Target = { file: ctx.chartFile, chain: [{ node: ctx.chart, as: ctx.chart.name }] };
  if (ctx.chart.archive) fallback.archivePath = `${ctx.chart.archive.prefix}Chart.yaml`;
  if (source === undefined) return fallback;
  let node = ctx.chart;
  const chain: ChainLink[] = [{ node, as: node.name }];
  if (!source.startsWith(`${node.name}/`)) return fallback;
  let rest = source.slice(node.name.length + 1);
  for (let m = /^charts\/([^/]+)\//.exec(rest); m !== null; m = /^charts\/([^/]+)\//.exec(rest)) {
    const as = m[1] ?? "";
    const sub = node.subchart(as);
    if (!sub) return fallback;
    node = sub;
    chain.push({ node, as });
    rest = rest.slice(m[0].length);
  }
  const where = node.where(rest);
  let cache = templates.get(node);
  if (!cache) templates.set(node, (cache = new Map()));
  let index = cache.get(rest);
  if (index === undefined) {
    const text = node.read(rest);
    index = text === undefined ? null : new TemplateIndex(text);
    cache.set(rest, index);
  }
  if (index === null) return { ...fallback, chain };
  const target: Target = { file: where.file, template: index, chain };
  if (where.archivePath !== undefined) target.archivePath = where.archivePath;
  return target;
}

class HelmLocator implements Locator {
  private readonly cache = new Map<string, Located>();

  constructor(
    private readonly ctx: MappingContext,
    private readonly target: Target,
    private readonly object: unknown,
    private readonly stream: Locator,
    private readonly prefix: YamlPath,
    private readonly doc: RenderedDoc,
    private readonly document: { start: number; end: number } | undefined,
  ) {}

  /** The object's `helm.sh/hook` values (test hooks are scanned, and marked as such in every finding). */
  private get hooks(): string[] {
    const meta = isObject(this.object) && isObject(this.object.metadata) ? this.object.metadata : {};
    const annotations = isObject(meta.annotations) ? meta.annotations : {};
    const v = annotations["helm.sh/hook"];
    return typeof v === "string" ? v.split(",").map((h) => h.trim()).filter((h) => h !== "") : [];
  }

  locate(p: YamlPath): Located {
    const key = JSON.stringify(p);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const inStream = this.stream.locate(p);
    const rendered: RenderedFrom = { tool: "helm", root: this.ctx.root, document: this.doc.index, line: this.doc.line + inStream.line - 1, column: inStream.column };
    if (this.hooks.length > 0) rendered.helmHooks = this.hooks;
    const out: Located = { line: 1, column: 1, exact: false, file: this.target.file, rendered };
    if (this.target.archivePath !== undefined) out.archivePath = this.target.archivePath;
    const template = this.target.template;
    if (template) {
      // Only as deep as the rendered object goes: a key of the template in a branch that did not render (an
      // `if` that was false) is not where the object's value is.
      const depth = existingDepth(this.object, p);
      const found = template.locate([...this.prefix, ...p.slice(0, depth)], this.document);
      out.line = found.line;
      out.column = found.column;
      out.exact = found.exact && depth === p.length;
      if (found.valuesRef) {
        const rest = [...found.rest, ...p.slice(depth)];
        const origin = findValues(this.ctx, this.target.chain, [...found.valuesRef, ...rest], found.valuesRef.length);
        if (origin) out.values = origin;
      }
    }
    this.cache.set(key, out);
    return out;
  }
}

/** How many segments of the path exist in the object. */
function existingDepth(object: unknown, p: YamlPath): number {
  let node = object;
  let depth = 0;
  for (const seg of p) {
    if (typeof seg === "number" ? !Array.isArray(node) || seg >= node.length : !isObject(node) || !(seg in node)) break;
    node = (node as Record<string | number, unknown>)[seg];
    depth++;
  }
  return depth;
}

interface TemplateLine {
  /** Leading spaces. */
  indent: number;
  /** Column (0-based) where the key starts, after any "- " markers. */
  keyCol: number;
  dash: boolean;
  key: string | undefined;
  /** Text after the key's colon. */
  value: string;
  /** A YAML line (not blank, not a comment, not a line holding only template actions). */
  content: boolean;
  text: string;
}

interface TemplateHit {
  line: number;
  column: number;
  exact: boolean;
  /** The `.Values` key (segments) the value at the located line comes from, when it can be told. */
  valuesRef?: YamlPath;
  /** The part of the path below the located line (for a structure dumped with toYaml). */
  rest: YamlPath;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#'"{\-[\]][^#]*?|-[^\s#][^#]*?))\s*:(?=\s|$)/;
const ACTION_ONLY = /^\s*(\{\{.*?\}\}\s*)+$/;

/** A template's lines, read as YAML as far as they are YAML: keys, their columns and blocks (exported for tests). */
export class TemplateIndex {
  private readonly lines: TemplateLine[];
  /** The template's YAML documents (split on `---`), with the kind each names literally. */
  readonly documents: { start: number; end: number; kind: string | undefined }[] = [];

  constructor(text: string) {
    const raw = text.split(/\r?\n/);
    this.lines = raw.map(parseTemplateLine);
    let start = 0;
    const close = (end: number) => {
      const first = this.firstContent(start, end);
      if (first < 0) return;
      const col = this.lines[first]?.keyCol ?? 0;
      const kindLine = this.findKey(first, end, col, "kind");
      const kind = kindLine < 0 ? undefined : this.lines[kindLine]?.value.trim().replace(/^["']|["']$/g, "");
      this.documents.push({ start, end, kind: kind !== undefined && kind !== "" && !kind.includes("{{") ? kind : undefined });
    };
    raw.forEach((l, i) => {
      if (/^---(\s|$)/.test(l)) {
        close(i);
        start = i + 1;
      }
    });
    close(raw.length);
  }

  /**
   * The document of a template holding several that the `n`th (0-based) rendered object of `kind` from it came
   * from: the `n`th document naming that kind, else the whole template.
   */
  documentFor(kind: string, n: number): { start: number; end: number } | undefined {
    if (this.documents.length < 2) return undefined;
    return this.documents.filter((d) => d.kind === kind)[n];
  }

  locate(p: YamlPath, within?: { start: number; end: number }): TemplateHit {
    const first = this.firstContent(within?.start ?? 0, within?.end ?? this.lines.length);
    if (first < 0) return { line: 1, column: 1, exact: false, rest: p };
    let found: { line: number; column: number } = { line: first, column: this.lines[first]?.keyCol ?? 0 };
    let foundKey = -1;
    // the current mapping: keys in [start, end) at column `col`
    let start = first;
    let end = within?.end ?? this.lines.length;
    let col = this.lines[first]?.keyCol ?? 0;
    let depth = 0;
    for (const seg of p) {
      if (typeof seg === "string") {
        const i = this.findKey(start, end, col, seg);
        if (i < 0) break;
        found = { line: i, column: this.lines[i]?.keyCol ?? 0 };
        foundKey = i;
        depth++;
        const blockEnd = this.blockEnd(i);
        const child = this.firstContent(i + 1, blockEnd);
        start = i + 1;
        end = blockEnd;
        col = child < 0 ? Number.MAX_SAFE_INTEGER : (this.lines[child]?.keyCol ?? 0);
      } else {
        const items = this.items(start, end);
        const item = items[seg];
        if (item === undefined) break;
        const line = this.lines[item];
        found = { line: item, column: line?.indent ?? 0 };
        foundKey = -1;
        depth++;
        const next = items[seg + 1] ?? end;
        start = item;
        end = next;
        col = line?.keyCol ?? 0;
      }
    }
    const hit: TemplateHit = { line: found.line + 1, column: found.column + 1, exact: depth === p.length, rest: p.slice(depth) };
    if (foundKey >= 0) {
      const ref = this.valuesRef(foundKey);
      if (ref) hit.valuesRef = ref;
    }
    return hit;
  }

  /** The line of `key` among the keys at column `col` in [start, end). */
  private findKey(start: number, end: number, col: number, key: string): number {
    for (let i = start; i < end; i++) {
      const l = this.lines[i];
      if (l?.content && l.keyCol === col && l.key === key) return i;
    }
    return -1;
  }

  /** The lines starting the items of the sequence in [start, end). */
  private items(start: number, end: number): number[] {
    const first = this.firstContent(start, end);
    const l = first < 0 ? undefined : this.lines[first];
    if (!l?.dash) return [];
    const out: number[] = [];
    for (let i = first; i < end; i++) {
      const x = this.lines[i];
      if (x?.content && x.dash && x.indent === l.indent) out.push(i);
    }
    return out;
  }

  private firstContent(start: number, end: number): number {
    for (let i = start; i < end; i++) if (this.lines[i]?.content) return i;
    return -1;
  }

  /** End (exclusive) of the block of the key at line i: up to the next YAML line not indented deeper. */
  private blockEnd(i: number): number {
    const key = this.lines[i];
    if (!key) return i + 1;
    for (let j = i + 1; j < this.lines.length; j++) {
      const l = this.lines[j];
      if (!l?.content) continue;
      if (l.indent > key.keyCol) continue;
      if (l.indent === key.keyCol && l.dash && !key.dash) continue; // a sequence under the key at the same indent
      if (l.indent === key.keyCol && l.dash && key.dash && l.indent > key.indent) continue;
      return j;
    }
    return this.lines.length;
  }

  /**
   * Where the value of the key at line i comes from in `.Values`: one `.Values.x` on the key's line
   * (`hostNetwork: {{ .Values.hostNetwork }}`), or a structure written into its block (`toYaml .Values.x`), also
   * through `{{- with .Values.x }}` … `toYaml .`.
   */
  private valuesRef(i: number): YamlPath | undefined {
    const line = this.lines[i];
    if (!line) return undefined;
    const inline = valuesRefs(line.value, this.withBefore(i));
    if (inline.length === 1) return inline[0];
    if (inline.length > 1) return undefined;
    const end = this.blockEnd(i);
    const dumps: YamlPath[] = [];
    for (let j = i + 1; j < end; j++) {
      const l = this.lines[j];
      if (l?.content) {
        j = this.blockEnd(j) - 1; // template lines inside a nested key belong to it
        continue;
      }
      if (!l || !/\b(toYaml|toJson|toPrettyJson|nindent|indent)\b/.test(l.text)) continue;
      dumps.push(...valuesRefs(l.text, this.withBefore(i)));
    }
    const distinct = new Set(dumps.map((d) => d.join(".")));
    return distinct.size === 1 ? dumps[0] : undefined;
  }

  /** `.` inside `{{- with .Values.x }}` just above line i (only template lines between). */
  private withBefore(i: number): YamlPath | undefined {
    for (let j = i - 1; j >= 0; j--) {
      const l = this.lines[j];
      if (!l || l.content) return undefined;
      const m = /\{\{-?\s*with\s+\$?\.Values\.([\w.]+)\s*-?\}\}/.exec(l.text);
      if (m?.[1]) return m[1].split(".");
    }
    return undefined;
  }
}

/** `.Values.a.b` references in a piece of template text (and `toYaml .` inside a `with`). */
function valuesRefs(text: string, dot: YamlPath | undefined): YamlPath[] {
  const out: YamlPath[] = [];
  for (const m of text.matchAll(/\$?\.Values\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)/g)) if (m[1]) out.push(m[1].split("."));
  if (out.length === 0 && dot && /\{\{-?\s*(?:toYaml|toJson|toPrettyJson)\s+\.\s*[|}]|\{\{-?\s*\.\s*\|\s*(?:toYaml|toJson)/.test(text)) out.push(dot);
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = r.join(".");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function parseTemplateLine(text: string): TemplateLine {
  const indent = text.length - text.trimStart().length;
  let rest = text.slice(indent);
  const blank: TemplateLine = { indent, keyCol: indent, dash: false, key: undefined, value: "", content: false, text };
  if (rest === "" || rest.startsWith("#") || ACTION_ONLY.test(text) || /^---(\s|$)/.test(text)) return blank;
  let keyCol = indent;
  let dash = false;
  while (rest === "-" || rest.startsWith("- ")) {
    dash = true;
    const after = rest.slice(1);
    const skip = 1 + (after.length - after.trimStart().length);
    keyCol += skip;
    rest = rest.slice(skip);
  }
  const m = KEY.exec(rest);
  const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  const value = m ? rest.slice(m[0].length) : rest;
  return { indent, keyCol, dash, key: key !== undefined && !key.includes("{{") ? key : undefined, value, content: true, text };
}

// ---------------------------------------------------------------------------------------------------------------
// Values: where a `.Values` key is set, with positions.

interface ValuesSource {
  display: string;
  text: () => string | undefined;
  /** Where the chart's values sit in this file (a subchart's under its name in the parent's values). */
  under: YamlPath;
}

interface ParsedValues {
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
}

/**
 * The values file and key a value comes from: among the chart's own values.yaml, its parents' (under the
 * subchart's name) and the --values files (later ones win), the one that sets the longest part of the key.
 * Nothing when --set sets it, or when no file sets even the referenced key.
 */
function findValues(ctx: MappingContext, chain: ChainLink[], key: YamlPath, minDepth: number): ValuesOrigin | undefined {
  const dotted = formatKey(key);
  if (ctx.setKeys.some((s) => dotted === s || dotted.startsWith(`${s}.`) || dotted.startsWith(`${s}[`))) return undefined;
  // priority order, lowest first: the subchart's own values.yaml, then each parent's, then the user's files
  const sources: ValuesSource[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i]?.node;
    if (!c || c.archive) continue; // values inside an archive are not edited in place
    const under = chain.slice(i + 1).map((s) => s.as);
    sources.push({ display: path.join(c.display, "values.yaml"), text: () => c.read("values.yaml"), under });
  }
  const subPath = chain.slice(1).map((s) => s.as);
  for (const u of ctx.userValues) sources.push({ display: u.display, text: u.text, under: subPath });

  let best: { origin: ValuesOrigin; depth: number } | undefined;
  for (const s of sources) {
    const hit = lookup(ctx, s, key);
    if (hit && hit.depth >= minDepth && (!best || hit.depth >= best.depth)) best = hit;
  }
  return best?.origin;
}

function lookup(ctx: MappingContext, source: ValuesSource, key: YamlPath): { origin: ValuesOrigin; depth: number } | undefined {
  let parsed = ctx.parsedValues.get(source.display);
  if (parsed === undefined) {
    const text = source.text();
    if (text === undefined) parsed = null;
    else {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: false, logLevel: "silent" }), lines };
    }
    ctx.parsedValues.set(source.display, parsed);
  }
  if (!parsed) return undefined;
  let node: unknown = parsed.doc.contents;
  for (const seg of source.under) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === seg);
    if (!pair) return undefined;
    node = pair.value;
  }
  let depth = 0;
  let at: number | undefined;
  for (const seg of key) {
    if (isMap(node) && typeof seg === "string") {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === seg);
      if (!pair) break;
      at = (pair.key as Node | null)?.range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      at = item.range?.[0];
      node = item;
    } else break;
    depth++;
  }
  if (depth === 0 || at === undefined) return undefined;
  const pos = parsed.lines.linePos(at);
  return { origin: { file: source.display, key: formatKey([...source.under, ...key.slice(0, depth)]), line: pos.line, column: pos.col }, depth };
}

function formatKey(key: YamlPath): string {
  return key.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** The keys of one --set argument (`a.b=1,c=2` → a.b, c). */
function setKeys(arg: string): string[] {
  return arg
    .split(/(?<!\\),/)
    .map((kv) => kv.split("=")[0]?.trim() ?? "")
    .filter((k) => k !== "");
}
