import { describe, expect, it } from "vitest";
import { loadManifestText } from "./manifest.js";

const load = (text: string) => loadManifestText(text, "m.yaml");

describe("YAML scalars as Kubernetes reads them", () => {
  it.each([
    ["yes", true], ["Yes", true], ["ON", true], ["y", true], ["true", true],
    ["no", false], ["Off", false], ["n", false], ["FALSE", false],
    ['"yes"', "yes"], ["'on'", "on"],
    ["017", 15], ["0o17", 15], ["0x1F", 31], ["0b101", 5], ["1_000", 1000], ["-42", -42], ["08", 8],
    ["22:22", "22:22"], ["2001-12-14", "2001-12-14"], ["1.5", 1.5], ["~", null], ["null", null],
  ])("%s reads as %j", (src, want) => {
    const r = load(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  v: ${src}\n`);
    expect(r.problems).toEqual([]);
    expect((r.resources[0]!.object.data as { v: unknown }).v).toEqual(want);
  });
});

describe("documents", () => {
  it("reads every document of a multi-document file and counts the ones that are not objects", () => {
    const r = load("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n---\nfoo: bar\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n");
    expect(r.resources.map((x) => x.name)).toEqual(["a", "b"]);
    expect(r.skipped).toBe(1);
    expect(r.documents).toBe(4);
  });

  it("expands List and typed *List items, keeping positions inside the item", () => {
    const text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: s\n  - {foo: 1}\n";
    const r = load(text);
    expect(r.resources.map((x) => `${x.kind}/${x.name}`)).toEqual(["Pod/a", "Service/s"]);
    expect(r.resources[1]!.source.prefix).toEqual(["items", 1]);
    expect(r.resources[1]!.locate(["metadata", "name"])).toMatchObject({ line: 10, column: 13, exact: true });
    expect(r.skipped).toBe(1);
    const typed = load("apiVersion: v1\nkind: PodList\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n");
    expect(typed.resources.map((x) => x.name)).toEqual(["a"]);
  });

  it("reads JSON", () => {
    const r = loadManifestText('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {"hostNetwork": true}\n}\n', "p.json");
    expect(r.resources[0]!.name).toBe("j");
    expect(r.resources[0]!.locate(["spec", "hostNetwork"])).toMatchObject({ line: 5, column: 27, exact: true });
  });

  it("reports malformed YAML with its line and keeps the good documents", () => {
    const r = load("apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\n---\nkind: Pod\n  bad: [\n");
    expect(r.resources.map((x) => x.name)).toEqual(["ok"]);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0]).toMatchObject({ ruleId: "parse-error", file: "m.yaml", severity: "high" });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(5);
  });

  it("reports binary and empty files", () => {
    expect(load("\u0000\u0001abc").problems[0]).toMatchObject({ messageId: "binary", line: 1 });
    expect(load("  \n\n").problems[0]).toMatchObject({ messageId: "empty", severity: "info", line: 1 });
  });

  it("stops alias bombs instead of expanding them", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x,x]"];
    for (let i = 0; i < 12; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`);
    const r = load(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${bomb.map((l) => `  ${l}`).join("\n")}\n`);
    expect(r.resources).toEqual([]);
    expect(r.problems[0]?.ruleId).toBe("parse-error");
  });

  it("accepts duplicate keys (the last one wins, as in Kubernetes) and merge keys", () => {
    const r = load("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostPID: false\n  hostPID: true\n");
    expect((r.resources[0]!.object.spec as { hostPID: boolean }).hostPID).toBe(true);
    const m = load("base: &b {hostIPC: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  <<: *b\n");
    expect((m.resources[0]!.object.spec as { hostIPC: boolean }).hostIPC).toBe(true);
  });

  it("uses generateName when there is no name, and keeps the namespace as written", () => {
    const r = load("apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: run-\n  namespace: ci\n");
    expect(r.resources[0]!.name).toBe("run-");
    expect(r.resources[0]!.namespace).toBe("ci");
    expect(r.resources[0]!.namespaceOr("default")).toBe("ci");
  });
});

describe("locator", () => {
  const text = [
    "apiVersion: apps/v1",
    "kind: Deployment",
    "metadata:",
    "  name: web",
    "spec:",
    "  template:",
    "    spec:",
    "      containers:",
    "      - name: web",
    "        image: nginx",
    "        securityContext:",
    "          runAsUser: 0",
    "        resources:",
    "",
  ].join("\n");
  const res = load(text).resources[0]!;

  it.each([
    [["spec", "template", "spec", "containers", 0, "securityContext", "runAsUser"], 12, 22, true],
    [["spec", "template", "spec", "containers", 0, "image"], 10, 16, true],
    [["spec", "template", "spec", "containers", 0], 9, 9, true],
    // not set: the nearest parent that exists
    [["spec", "template", "spec", "containers", 0, "securityContext", "privileged"], 12, 11, false],
    [["spec", "template", "spec", "securityContext", "runAsNonRoot"], 8, 7, false],
    // a key with an empty value: the key
    [["spec", "template", "spec", "containers", 0, "resources", "limits"], 13, 9, false],
    [["spec", "template", "spec", "containers", 3], 9, 7, false],
  ] as const)("%j → %i:%i", (path, line, column, exact) => {
    expect(res.locate(path)).toMatchObject({ line, column, exact });
  });
});
