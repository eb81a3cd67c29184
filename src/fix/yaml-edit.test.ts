import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Parser, parseAllDocuments } from "yaml";
import type { FixOp } from "../model/finding.js";
import type { YamlPath } from "../model/types.js";
import { EditError, type EditOptions, type ObjectAddress, type TextEdit, applyEdits, applyOps, planEdits } from "./yaml-edit.js";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/fix/yaml-edit/", import.meta.url));
/** `UPDATE_GOLDEN=1 npx vitest run src/fix/yaml-edit` writes missing expected files (review them before committing). */
const UPDATE = process.env.UPDATE_GOLDEN === "1";

interface Case {
  name: string;
  input: string;
  address: ObjectAddress;
  ops: FixOp[];
  options?: EditOptions;
  expected: string;
}

const ROOT: ObjectAddress = { document: 0, prefix: [] };

function fixtureCases(): Case[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const ext = existsSync(join(dir, "input.json")) ? "json" : "yaml";
      const input = readFileSync(join(dir, `input.${ext}`), "utf8");
      const spec = JSON.parse(readFileSync(join(dir, "ops.json"), "utf8")) as { address?: ObjectAddress; ops: FixOp[]; options?: EditOptions };
      const expectedFile = join(dir, `expected.${ext}`);
      const address = spec.address ?? ROOT;
      if (!existsSync(expectedFile) && UPDATE) writeFileSync(expectedFile, applyOps(input, address, spec.ops, spec.options));
      const expected = existsSync(expectedFile) ? readFileSync(expectedFile, "utf8") : "<missing expected file>";
      return { name: d.name, input, address, ops: spec.ops, ...(spec.options ? { options: spec.options } : {}), expected };
    });
}

const crlf = (s: string) => s.replace(/\n/g, "\r\n");

const INLINE: Case[] = [
  {
    name: "crlf: every inserted line ends with \\r\\n",
    input: crlf("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web # app\n    image: nginx\n  hostPID: true\n"),
    address: ROOT,
    ops: [
      { op: "set", path: ["spec", "containers", 0, "securityContext"], value: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } } },
      { op: "append", path: ["spec", "containers"], value: { name: "side", image: "envoy" } },
      { op: "remove", path: ["spec", "hostPID"] },
      { op: "set", path: ["spec", "containers", 0, "name"], value: "web2" },
    ],
    expected: crlf(
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web2 # app\n    image: nginx\n    securityContext:\n      runAsNonRoot: true\n      capabilities:\n        drop:\n        - ALL\n  - name: side\n    image: envoy\n",
    ),
  },
  {
    name: "crlf: the last pair of a map removed, without final line break",
    input: crlf("a: 1\nb:\n  c: 2\n  d: 3") ,
    address: ROOT,
    ops: [
      { op: "remove", path: ["b", "d"] },
      { op: "remove", path: ["b", "c"] },
      { op: "set", path: ["e"], value: [1] },
    ],
    expected: crlf("a: 1\nb: {}\ne:\n  - 1"),
  },
  {
    name: "crlf: JSON",
    input: crlf('{\n  "a": {\n    "b": 1\n  }\n}\n'),
    address: ROOT,
    ops: [{ op: "set", path: ["a", "c"], value: { d: [true] } }],
    expected: crlf('{\n  "a": {\n    "b": 1,\n    "c": {\n      "d": [\n        true\n      ]\n    }\n  }\n}\n'),
  },
  {
    name: "a key already present is replaced, not added again",
    input: "spec:\n  hostNetwork: true\n",
    address: ROOT,
    ops: [{ op: "set", path: ["spec", "hostNetwork"], value: false }],
    expected: "spec:\n  hostNetwork: false\n",
  },
  {
    name: "set of a key to the value it has changes nothing",
    input: "spec:\n  hostNetwork: false # ok\n",
    address: ROOT,
    ops: [{ op: "set", path: ["spec", "hostNetwork"], value: false }],
    expected: "spec:\n  hostNetwork: false # ok\n",
  },
  {
    name: "remove of a missing key changes nothing",
    input: "spec:\n  containers: []\n",
    address: ROOT,
    ops: [
      { op: "remove", path: ["spec", "hostNetwork"] },
      { op: "remove", path: ["spec", "securityContext", "privileged"] },
    ],
    expected: "spec:\n  containers: []\n",
  },
  {
    name: "an empty value in a flow map",
    input: "a: {b: , c: 1}\n",
    address: ROOT,
    ops: [{ op: "set", path: ["a", "b"], value: "x" }],
    expected: "a: {b: x, c: 1}\n",
  },
  {
    name: "flow collections with a trailing comma",
    input: "a: {b: 1,}\nc: [x,]\n",
    address: ROOT,
    ops: [
      { op: "set", path: ["a", "d"], value: 2 },
      { op: "append", path: ["c"], value: "z" },
    ],
    expected: "a: {b: 1, d: 2,}\nc: [x, z,]\n",
  },
  {
    name: "a root map made empty",
    input: "# only\nkey: 1\n",
    address: ROOT,
    ops: [{ op: "remove", path: ["key"] }],
    expected: "# only\n{}\n",
  },
  {
    name: "a key that needs quoting",
    input: "metadata:\n  labels:\n    app: web\n",
    address: ROOT,
    ops: [
      { op: "set", path: ["metadata", "labels", "on"], value: "yes" },
      { op: "set", path: ["metadata", "labels", "app.kubernetes.io/name"], value: "web" },
    ],
    expected: 'metadata:\n  labels:\n    app: web\n    "on": "yes"\n    app.kubernetes.io/name: web\n',
  },
  {
    name: "placement hint: first listed key that exists",
    input: "c:\n  name: a\n  image: b\n  ports: []\n",
    address: ROOT,
    ops: [{ op: "set", path: ["c", "securityContext"], value: {} }],
    options: { after: ["missing", "image", "name"] },
    expected: "c:\n  name: a\n  image: b\n  securityContext: {}\n  ports: []\n",
  },
  {
    name: "a set value with nested empty collections",
    input: "spec:\n  x: 1\n  ports:\n  - 80\n",
    address: ROOT,
    ops: [{ op: "set", path: ["spec", "volumes"], value: [{ name: "tmp", emptyDir: {} }, []] }],
    expected: "spec:\n  x: 1\n  ports:\n  - 80\n  volumes:\n  - name: tmp\n    emptyDir: {}\n  - []\n",
  },
  {
    name: "a multi-line YAML flow map gets one pair per line",
    input: "sc: {\n  a: 1,\n  b: 2\n}\n",
    address: ROOT,
    ops: [{ op: "set", path: ["sc", "c"], value: { d: 3 } }],
    expected: "sc: {\n  a: 1,\n  b: 2,\n  c: {d: 3}\n}\n",
  },
];

interface ErrorCase {
  name: string;
  input: string;
  address?: ObjectAddress;
  ops: FixOp[];
  message: RegExp;
}

const ERRORS: ErrorCase[] = [
  { name: "path through a scalar", input: "spec: none\n", ops: [{ op: "set", path: ["spec", "hostPID"], value: false }], message: /`spec` is a scalar/ },
  {
    name: "path through an alias",
    input: "base: &sc {runAsUser: 0}\nspec:\n  securityContext: *sc\n",
    ops: [{ op: "set", path: ["spec", "securityContext", "runAsUser"], value: 1 }],
    message: /alias \(\*sc\)/,
  },
  {
    name: "a node with an anchor that an alias uses",
    input: "base: &sc {runAsUser: 0}\nspec:\n  securityContext: *sc\n",
    ops: [{ op: "set", path: ["base", "runAsUser"], value: 1 }],
    message: /anchor &sc/,
  },
  {
    name: "removing the anchor an alias uses",
    input: "spec:\n  a: &x 1\n  b: *x\n",
    ops: [{ op: "remove", path: ["spec", "a"] }],
    message: /anchor &x/,
  },
  {
    name: "index out of range",
    input: "spec:\n  containers:\n  - name: a\n",
    ops: [{ op: "set", path: ["spec", "containers", 1, "image"], value: "x" }],
    message: /index 1 is out of range at `spec\.containers`: the sequence has 1 item/,
  },
  {
    name: "remove of an index out of range",
    input: "spec:\n  containers: []\n",
    ops: [{ op: "remove", path: ["spec", "containers", 0] }],
    message: /out of range/,
  },
  {
    name: "a document that does not exist",
    input: "a: 1\n---\nb: 2\n",
    address: { document: 2, prefix: [] },
    ops: [{ op: "set", path: ["a"], value: 2 }],
    message: /document 2 does not exist: the file has 2 document/,
  },
  {
    name: "a List item that does not exist",
    input: "kind: List\nitems: []\n",
    address: { document: 0, prefix: ["items", 0] },
    ops: [{ op: "set", path: ["a"], value: 2 }],
    message: /out of range/,
  },
  {
    name: "an empty document",
    input: "a: 1\n---\n# nothing\n",
    address: { document: 1, prefix: [] },
    ops: [{ op: "set", path: ["a"], value: 2 }],
    message: /no object/,
  },
  {
    name: "creating a sequence item",
    input: "spec: {}\n",
    ops: [{ op: "set", path: ["spec", "containers", 0, "name"], value: "a" }],
    message: /cannot create the sequence item \[0\]/,
  },
  {
    name: "a key on a sequence",
    input: "spec:\n  containers: []\n",
    ops: [{ op: "set", path: ["spec", "containers", "name"], value: "a" }],
    message: /is a sequence/,
  },
  { name: "append to a map", input: "spec:\n  a: {}\n", ops: [{ op: "append", path: ["spec", "a"], value: 1 }], message: /not a sequence/ },
  { name: "an empty path", input: "a: 1\n", ops: [{ op: "remove", path: [] }], message: /path is empty/ },
  { name: "a YAML syntax error", input: "a: [1\nb: 2\n", ops: [{ op: "set", path: ["a"], value: 1 }], message: /YAML errors/ },
  {
    name: "an op for another file type",
    input: "a: 1\n",
    ops: [{ op: "replaceText", path: ["a"], text: "x" } as unknown as FixOp],
    message: /does not apply to YAML/,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Reference semantics, independent of the editor: the ops applied to plain values.

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function applyOpsToValue(value: unknown, ops: readonly FixOp[]): unknown {
  const root = structuredClone(value);
  for (const op of ops) {
    if (op.op !== "set" && op.op !== "remove" && op.op !== "append") throw new Error("not a YAML op");
    let cur: unknown = root;
    const path = op.path;
    let missing = false;
    for (const seg of path.slice(0, -1)) {
      const c = cur as Record<string | number, unknown>;
      if (c[seg] === undefined || c[seg] === null) {
        if (op.op === "remove") {
          missing = true;
          break;
        }
        c[seg] = {};
      }
      cur = c[seg];
    }
    if (missing) continue;
    const last = path[path.length - 1]!;
    const c = cur as Record<string | number, unknown>;
    if (op.op === "set") c[last] = structuredClone(op.value);
    else if (op.op === "remove") {
      if (Array.isArray(cur)) cur.splice(last as number, 1);
      else delete c[last];
    } else {
      const seq = c[last];
      if (Array.isArray(seq)) seq.push(structuredClone(op.value));
      else c[last] = [structuredClone(op.value)];
    }
  }
  return root;
}

function getIn(v: unknown, path: YamlPath): unknown {
  let cur = v;
  for (const seg of path) cur = (cur as Record<string | number, unknown>)[seg];
  return cur;
}

function docs(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as unknown;
  });
}

/** Every comment of a text, with its offset (from the CST). */
function comments(text: string): { offset: number; source: string }[] {
  const out: { offset: number; source: string }[] = [];
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) t.forEach(walk);
    else if (t && typeof t === "object") {
      const tok = t as { type?: string; offset?: number; source?: string };
      if (tok.type === "comment" && typeof tok.offset === "number" && typeof tok.source === "string") out.push({ offset: tok.offset, source: tok.source });
      else Object.values(t).forEach(walk);
    }
  };
  for (const token of new Parser().parse(text)) walk(token);
  return out;
}

function checkProperties(c: Case, out: string): void {
  // (a) the object has the ops applied, and the other documents did not change
  const before = docs(c.input);
  const after = docs(out);
  expect(after.length).toBe(before.length);
  const object = getIn(before[c.address.document], c.address.prefix);
  expect(getIn(after[c.address.document], c.address.prefix)).toEqual(applyOpsToValue(object, c.ops));
  before.forEach((d, i) => {
    if (i !== c.address.document) expect(after[i]).toEqual(d);
  });
  // (b) comments stay: an edit never covers a comment unless it removes the pair the comment is on
  const edits = planEdits(c.input, c.address, c.ops, c.options);
  const removes = c.ops.some((op) => op.op === "remove");
  const outComments = comments(out).map((x) => x.source);
  for (const cm of comments(c.input)) {
    const covered = edits.some((e) => e.start < cm.offset + cm.source.length && e.end > cm.offset);
    if (!removes) expect(covered, `comment ${cm.source} is inside an edit`).toBe(false);
    if (!covered) expect(outComments).toContain(cm.source);
  }
  // (c) set and remove of a key are idempotent (append, and remove of a sequence item, are not)
  const idempotent = c.ops.every((op) => op.op === "set" || (op.op === "remove" && typeof op.path[op.path.length - 1] === "string"));
  if (idempotent) expect(applyOps(out, c.address, c.ops, c.options)).toBe(out);
}

function checkEdits(c: Case, out: string): TextEdit[] {
  const edits = planEdits(c.input, c.address, c.ops, c.options);
  expect(applyEdits(c.input, edits)).toBe(out);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThan(sorted[i - 1]!.end);
  for (const e of edits) expect(c.input.slice(e.start, e.end)).not.toBe(e.text);
  return edits;
}

describe("yaml-edit golden files", () => {
  const cases = fixtureCases();
  it("has fixtures", () => expect(cases.length).toBeGreaterThan(20));
  for (const c of cases) {
    it(c.name, () => {
      const out = applyOps(c.input, c.address, c.ops, c.options);
      expect(out).toBe(c.expected);
      checkEdits(c, out);
      checkProperties(c, out);
    });
  }
});

describe("yaml-edit inline cases", () => {
  for (const c of INLINE) {
    it(c.name, () => {
      const out = applyOps(c.input, c.address, c.ops, c.options);
      expect(JSON.stringify(out)).toBe(JSON.stringify(c.expected));
      checkEdits(c, out);
      checkProperties(c, out);
    });
  }
});

describe("yaml-edit errors", () => {
  for (const c of ERRORS) {
    it(c.name, () => {
      const address = c.address ?? ROOT;
      expect(() => applyOps(c.input, address, c.ops)).toThrow(EditError);
      expect(() => applyOps(c.input, address, c.ops)).toThrow(c.message);
      expect(() => planEdits(c.input, address, c.ops)).toThrow(EditError);
    });
  }
});

describe("yaml-edit edits", () => {
  it("a single op gives one small edit", () => {
    const text = "spec:\n  containers:\n  - name: web\n    securityContext:\n      privileged: true  # needed\n";
    const edits = planEdits(text, ROOT, [{ op: "set", path: ["spec", "containers", 0, "securityContext", "privileged"], value: false }]);
    expect(edits).toEqual([{ start: text.indexOf("true"), end: text.indexOf("true") + 4, text: "false" }]);
  });

  it("ops in distant places give separate edits; ops on the same place merge", () => {
    const text = "a:\n  x: 1\nb: 2\nc:\n  y: 3\n";
    const edits = planEdits(text, ROOT, [
      { op: "set", path: ["c", "y"], value: 4 },
      { op: "set", path: ["a", "z"], value: { k: 1 } },
      { op: "set", path: ["a", "z", "j"], value: 2 },
    ]);
    expect(edits).toEqual([
      { start: 9, end: 9, text: "\n  z:\n    k: 1\n    j: 2" },
      { start: 23, end: 24, text: "4" },
    ]);
    expect(applyEdits(text, edits)).toBe("a:\n  x: 1\n  z:\n    k: 1\n    j: 2\nb: 2\nc:\n  y: 4\n");
  });

  it("an op undone by a later one leaves no edit", () => {
    const text = "a: 1\n";
    expect(planEdits(text, ROOT, [{ op: "set", path: ["a"], value: 2 }, { op: "set", path: ["a"], value: 1 }])).toEqual([]);
  });

  it("applyEdits refuses overlapping edits", () => {
    expect(() => applyEdits("abcdef", [{ start: 0, end: 3, text: "x" }, { start: 2, end: 4, text: "y" }])).toThrow(EditError);
  });
});

describe("yaml-edit layouts", () => {
  const cases: Case[] = [
    {
      name: "placement hint in a flow map",
      input: "c: {name: a, image: b, ports: []}\n",
      address: ROOT,
      ops: [{ op: "set", path: ["c", "securityContext"], value: { runAsNonRoot: true } }],
      options: { after: ["image"] },
      expected: "c: {name: a, image: b, securityContext: {runAsNonRoot: true}, ports: []}\n",
    },
    {
      name: "after a multi-line plain scalar and a comment between a key and its map",
      input: "a:\n  # about b\n  b: this is\n    continued\n  # about c\nc: 1\n",
      address: ROOT,
      ops: [{ op: "set", path: ["a", "d"], value: 2 }],
      expected: "a:\n  # about b\n  b: this is\n    continued\n  d: 2\n  # about c\nc: 1\n",
    },
    {
      name: "after a block scalar",
      input: "a:\n  script: |\n    echo hi\n\n    echo bye\n\nb: 1\n",
      address: ROOT,
      ops: [{ op: "set", path: ["a", "x"], value: true }],
      expected: "a:\n  script: |\n    echo hi\n\n    echo bye\n  x: true\n\nb: 1\n",
    },
    {
      name: "maps inside a flow sequence",
      input: "containers: [{name: a}, {name: b, image: c}]\n",
      address: ROOT,
      ops: [
        { op: "set", path: ["containers", 1, "securityContext", "privileged"], value: false },
        { op: "remove", path: ["containers", 0] },
      ],
      expected: "containers: [{name: b, image: c, securityContext: {privileged: false}}]\n",
    },
    {
      name: "the item layout of the file (`-   key`)",
      input: "list:\n-   name: a\n    image: b\n",
      address: ROOT,
      ops: [{ op: "append", path: ["list"], value: { name: "c", image: "d" } }],
      expected: "list:\n-   name: a\n    image: b\n-   name: c\n    image: d\n",
    },
    {
      name: "a map set on an empty sequence item",
      input: "list:\n-\n- x\n",
      address: ROOT,
      ops: [{ op: "set", path: ["list", 0], value: { name: "c", image: "d" } }],
      expected: "list:\n- name: c\n  image: d\n- x\n",
    },
    {
      name: "a BOM and a directive stay",
      input: "\uFEFF%YAML 1.2\n---\na: 1\n",
      address: ROOT,
      ops: [{ op: "set", path: ["b"], value: 2 }],
      expected: "\uFEFF%YAML 1.2\n---\na: 1\nb: 2\n",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = applyOps(c.input, c.address, c.ops, c.options);
      expect(JSON.stringify(out)).toBe(JSON.stringify(c.expected));
      checkEdits(c, out);
      checkProperties(c, out);
    });
  }
});

describe("yaml-edit trailing spaces", () => {
  it("a scalar turned into a block leaves no trailing spaces on the key line", () => {
    const c: Case = {
      name: "",
      input: "a:\n  sc: null   \n  b: 1\n",
      address: ROOT,
      ops: [{ op: "set", path: ["a", "sc", "x"], value: 1 }],
      expected: "a:\n  sc:\n    x: 1\n  b: 1\n",
    };
    const out = applyOps(c.input, c.address, c.ops);
    expect(out).toBe(c.expected);
    checkEdits(c, out);
    checkProperties(c, out);
  });
});
