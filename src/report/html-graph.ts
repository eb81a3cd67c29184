// The attack graph of the HTML report: which nodes and edges to draw (from the surface analysis) and where,
// as a small layered layout written here rather than a graph library: five fixed columns (origin, entry point,
// workload, identity, target), nodes ordered in each column by the barycentre of their neighbours (a few
// sweeps), edges drawn as curves. The output is plain SVG markup; the page's script only toggles classes.
import type { AttackPath, NodeType, SurfaceAnalysis, SurfaceRef } from "../analysis/types.js";

export interface GraphNode {
  id: string;
  type: NodeType;
  label: string;
  /** Second line: kind and namespace, or what the target is. */
  detail: string;
  column: number;
  /** Indexes (in `attackPaths`) of the paths through the node. */
  paths: number[];
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  paths: number[];
  /** Where the edge crosses the columns between its ends (set by the layout). */
  via?: { x: number; y: number }[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  /** Nodes left out to keep the graph readable (only nodes off every shown path are dropped). */
  omitted: number;
}

export const COLUMNS: Record<NodeType, number> = { internet: 0, namespace: 0, entry: 1, workload: 2, identity: 3, target: 4 };
export const COLUMN_TITLES = ["Origin", "Entry points", "Workloads", "Identities", "Targets"];
export const NODE_W = 172;
export const NODE_H = 38;
const GAP_Y = 14;
export const COL_GAP = 64;
const TOP = 34;
export const MAX_NODES = 140;

/** The graph node id of an object, as the analysis writes it ("Kind/namespace/name"). */
export function refId(r: SurfaceRef): string {
  return r.namespace === undefined ? `${r.kind}/${r.name}` : `${r.kind}/${r.namespace}/${r.name}`;
}

function describe(id: string, type: NodeType, ref: SurfaceRef | undefined): { label: string; detail: string } {
  if (type === "internet") return { label: "Internet", detail: "outside the cluster" };
  if (type === "namespace") return { label: id.replace(/^namespace\//, ""), detail: "any pod in the namespace" };
  if (type === "target") {
    const t = id.replace(/^target:/, "");
    if (t === "cluster-admin") return { label: "cluster-admin", detail: "full control of the cluster" };
    if (t === "node") return { label: "Node", detail: "take over the node" };
    const scope = t.replace(/^secrets\/?/, "");
    return { label: scope ? `Secrets in ${scope}` : "Secrets (all namespaces)", detail: "read Secrets" };
  }
  if (ref) return { label: ref.name, detail: ref.namespace === undefined ? ref.kind : `${ref.kind} · ${ref.namespace}` };
  const parts = id.split("/");
  return { label: parts[parts.length - 1] ?? id, detail: parts.slice(0, -1).join(" · ") };
}

/** Nodes and edges of the analysis: every shown attack path, then entry points and identities while there is room. */
export function buildGraph(s: SurfaceAnalysis, paths: readonly AttackPath[] = s.attackPaths, maxNodes = MAX_NODES): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let omitted = 0;
  const addNode = (id: string, type: NodeType, ref: SurfaceRef | undefined, force: boolean): GraphNode | undefined => {
    let n = nodes.get(id);
    if (n) return n;
    if (!force && nodes.size >= maxNodes) return undefined;
    n = { id, type, ...describe(id, type, ref), column: COLUMNS[type], paths: [], x: 0, y: 0 };
    nodes.set(id, n);
    return n;
  };
  const addEdge = (from: string, to: string, path?: number) => {
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { from, to, paths: [] };
      edges.set(key, e);
    }
    if (path !== undefined && !e.paths.includes(path)) e.paths.push(path);
  };
  paths.forEach((p, i) => {
    let prev: string | undefined;
    for (const st of p.steps) {
      const n = addNode(st.node, st.type, st.ref, true)!;
      if (!n.paths.includes(i)) n.paths.push(i);
      if (prev !== undefined && prev !== st.node) addEdge(prev, st.node, i);
      prev = st.node;
    }
  });
  for (const e of s.entryPoints) {
    const entry = addNode(e.id, "entry", e.ref, false);
    if (!entry) {
      omitted++;
      continue;
    }
    const internet = addNode("internet", "internet", undefined, false);
    if (internet) addEdge("internet", e.id);
    for (const w of e.workloads) {
      const id = refId(w);
      if (addNode(id, "workload", w, false)) addEdge(e.id, id);
      else omitted++;
    }
  }
  for (const idn of s.identities) {
    const onGraph = idn.workloads.filter((w) => nodes.has(refId(w.ref)));
    if (onGraph.length === 0 && idn.powers.length === 0) continue;
    const saId = refId(idn.ref);
    if (!addNode(saId, "identity", idn.ref, false)) {
      omitted++;
      continue;
    }
    for (const w of idn.workloads) {
      const id = refId(w.ref);
      if (nodes.has(id) || addNode(id, "workload", w.ref, false)) addEdge(id, saId);
      else omitted++;
    }
  }
  const graph = { nodes: [...nodes.values()], edges: [...edges.values()], width: 0, height: 0, omitted };
  layout(graph);
  return graph;
}

const DUMMY_H = 16;

interface Slot {
  id: string;
  column: number;
  dummy: boolean;
  node?: GraphNode;
  y: number;
}

/**
 * Places the nodes: fixed columns, rows ordered by the barycentre of each node's neighbours. An edge that skips
 * columns gets a placeholder slot in each column it crosses (as in Sugiyama layouts), so that it runs between
 * the nodes of those columns instead of through them; `edge.via` keeps the heights it passes at.
 */
export function layout(g: Graph): void {
  const columns: Slot[][] = COLUMN_TITLES.map(() => []);
  const slots = new Map<string, Slot>();
  for (const n of g.nodes) {
    const slot: Slot = { id: n.id, column: n.column, dummy: false, node: n, y: 0 };
    slots.set(n.id, slot);
    columns[n.column]!.push(slot);
  }
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  };
  const chains = new Map<GraphEdge, Slot[]>();
  g.edges.forEach((e, k) => {
    const a = slots.get(e.from)!;
    const b = slots.get(e.to)!;
    const step = a.column < b.column ? 1 : -1;
    const chain: Slot[] = [];
    let prev = a.id;
    for (let c = a.column + step; a.column !== b.column && c !== b.column; c += step) {
      const d: Slot = { id: `\u0000${k}:${c}`, column: c, dummy: true, y: 0 };
      slots.set(d.id, d);
      columns[c]!.push(d);
      chain.push(d);
      link(prev, d.id);
      prev = d.id;
    }
    link(prev, b.id);
    chains.set(e, chain);
  });
  const position = new Map<string, number>();
  columns.forEach((col) => col.forEach((n, i) => position.set(n.id, i / Math.max(1, col.length - 1))));
  const sweep = (order: number[]) => {
    for (const c of order) {
      const col = columns[c]!;
      const key = new Map<string, number>();
      col.forEach((n, i) => {
        const ps = (neighbours.get(n.id) ?? []).map((m) => slots.get(m)!).filter((m) => m.column !== c).map((m) => position.get(m.id)!);
        key.set(n.id, ps.length > 0 ? ps.reduce((x, y) => x + y, 0) / ps.length : i / Math.max(1, col.length - 1));
      });
      col.sort((a, b) => key.get(a.id)! - key.get(b.id)! || a.id.localeCompare(b.id));
      col.forEach((n, i) => position.set(n.id, i / Math.max(1, col.length - 1)));
    }
  };
  for (let i = 0; i < 4; i++) {
    sweep([1, 2, 3, 4]);
    sweep([3, 2, 1, 0]);
  }
  const size = (s: Slot) => (s.dummy ? DUMMY_H : NODE_H + GAP_Y);
  const heights = columns.map((col) => col.reduce((h, s) => h + size(s), 0));
  const tallest = Math.max(NODE_H + GAP_Y, ...heights);
  columns.forEach((col, c) => {
    let y = TOP + (tallest - heights[c]!) / 2;
    for (const s of col) {
      s.y = Math.round(y);
      if (s.node) {
        s.node.x = c * (NODE_W + COL_GAP) + 8;
        s.node.y = s.y;
      }
      y += size(s);
    }
  });
  for (const [e, chain] of chains) e.via = chain.map((d) => ({ x: d.column * (NODE_W + COL_GAP) + 8, y: d.y + DUMMY_H / 2 - NODE_H / 2 }));
  g.nodes = columns.flatMap((col) => col.filter((s) => s.node).map((s) => s.node!));
  g.width = COLUMN_TITLES.length * (NODE_W + COL_GAP) - COL_GAP + 16 + 40;
  g.height = TOP + tallest;
}

/**
 * The SVG path of an edge: S-curves from column to column (through the edge's placeholder slots, where it runs
 * straight across the column), or an arc beside the column for an edge inside one column.
 */
export function edgePath(a: GraphNode, b: GraphNode, via: readonly { x: number; y: number }[] = []): string {
  const cy = (n: { y: number }) => n.y + NODE_H / 2;
  if (a.column === b.column) {
    const x = a.x + NODE_W;
    const bulge = 30 + Math.min(40, Math.abs(cy(b) - cy(a)) / 6);
    return `M${x},${cy(a)} C${x + bulge},${cy(a)} ${x + bulge},${cy(b)} ${x},${cy(b)}`;
  }
  const right = a.column < b.column;
  const stations = [a, ...via, b];
  let d = "";
  for (let i = 0; i < stations.length - 1; i++) {
    const p = stations[i]!;
    const q = stations[i + 1]!;
    const x1 = right ? p.x + NODE_W : p.x;
    const x2 = right ? q.x : q.x + NODE_W;
    const mid = (x1 + x2) / 2;
    d += `${i === 0 ? "M" : " L"}${x1},${cy(p)} C${mid},${cy(p)} ${mid},${cy(q)} ${x2},${cy(q)}`;
  }
  return d;
}
