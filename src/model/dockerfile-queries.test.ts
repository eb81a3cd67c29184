import { describe, expect, it } from "vitest";
import { loadDockerfileText } from "../loaders/dockerfile.js";
import { loadShellParser } from "../loaders/shell.js";
import type { Dockerfile, Stage } from "./dockerfile.js";
import {
  baseDefaultsToNonRoot,
  copyOperands,
  effectiveUser,
  execProgram,
  execRuns,
  expandVariables,
  globalVariables,
  isRootUser,
  rootImage,
  scriptKey,
  stageChain,
  stageCommands,
  stageInstructions,
  variablesAt,
} from "./dockerfile-queries.js";

const shell = await loadShellParser();
const load = (text: string): Dockerfile => loadDockerfileText(text, "Dockerfile", shell).dockerfile!;
const last = (df: Dockerfile): Stage => df.stages[df.stages.length - 1]!;

describe("stageChain / rootImage", () => {
  it("follows FROM <stage>, oldest first", () => {
    const df = load("FROM alpine:3 AS a\nFROM a AS b\nFROM debian AS c\nFROM b\n");
    expect(stageChain(df, last(df)).map((s) => s.name)).toEqual(["a", "b", "3"]);
    expect(rootImage(df, last(df))).toBe("alpine:3");
    expect(stageChain(df, df.stages[2]!).map((s) => s.name)).toEqual(["c"]);
  });

  it("substitutes global ARGs in the root image", () => {
    const df = load("ARG REG=docker.io\nARG IMG=$REG/library/alpine\nFROM ${IMG}:3\n");
    expect(rootImage(df, last(df))).toBe("docker.io/library/alpine:3");
  });
});

describe("expandVariables", () => {
  const vars = new Map<string, string | undefined>([["A", "a"], ["E", ""], ["U", undefined]]);
  it.each([
    ["$A/${A}", "a/a"],
    ["x${E}y", "xy"],
    ["${A:-d} ${E:-d} ${U:-d} ${NOPE:-d}", "a d d d"],
    ["${A-d} ${E-d} ${U-d}", "a  d"],
    ["${A:+p} ${E:+p} ${U:+p}", "p  "],
    ["${A+p} ${E+p} ${U+p}", "p p "],
    ["no variables", "no variables"],
  ])("%s → %s", (text, want) => {
    expect(expandVariables(text, vars)).toBe(want);
  });

  it("is undefined when a variable written alone is not known", () => {
    expect(expandVariables("$U", vars)).toBeUndefined();
    expect(expandVariables("/home/${NOPE}", vars)).toBeUndefined();
  });
});

describe("variablesAt", () => {
  const at = (text: string, keyword: string): Record<string, string | undefined> => {
    const df = load(text);
    const stage = last(df);
    const ins = stage.instructions.filter((i) => i.keyword === keyword).pop()!;
    return Object.fromEntries(variablesAt(df, stage, ins));
  };

  it("sees a global ARG only after the stage declares it again", () => {
    expect(at("ARG V=1\nFROM x\nUSER $V\n", "USER")).toEqual({});
    expect(at("ARG V=1\nFROM x\nARG V\nUSER $V\n", "USER")).toEqual({ V: "1" });
    expect(at("ARG V\nFROM x\nARG V\nUSER $V\n", "USER")).toEqual({ V: undefined });
  });

  it("gives FROM lines the global ARGs", () => {
    const df = load("ARG A=1\nARG B=${A}2\nFROM x\n");
    expect(Object.fromEntries(globalVariables(df))).toEqual({ A: "1", B: "12" });
    expect(Object.fromEntries(variablesAt(df, df.stages[0]!, df.stages[0]!.from))).toEqual({ A: "1", B: "12" });
  });

  it("keeps ENV, not ARG, in stages built FROM <stage>", () => {
    expect(at("FROM x AS a\nARG P=1\nENV Q=2\nFROM a\nUSER u\n", "USER")).toEqual({ Q: "2" });
  });

  it("only shows variables declared before the instruction", () => {
    expect(at("FROM x\nUSER u\nENV A=1\n", "USER")).toEqual({});
  });

  it("lets ENV win over an ARG of the same name", () => {
    expect(at("FROM x\nENV V=env\nARG V=arg\nUSER u\n", "USER")).toEqual({ V: "env" });
  });

  it("expands values with the variables before their instruction", () => {
    expect(at("FROM x\nARG A=1\nENV A=2 B=$A\nARG C=${B}3\nUSER u\n", "USER")).toEqual({ A: "2", B: "1", C: "13" });
  });
});

describe("what a stage runs", () => {
  const df = load("FROM x\nRUN a && b | c\nONBUILD RUN d\nRUN [\"/usr/bin/sudo\", \"e\"]\nONBUILD RUN [\"f\"]\n");
  const stage = df.stages[0]!;

  it("puts ONBUILD triggers in place of the ONBUILD", () => {
    expect(stageInstructions(stage).map((i) => `${i.keyword} ${i.args}`)).toEqual(["FROM x", "RUN a && b | c", "RUN d", "RUN [\"/usr/bin/sudo\", \"e\"]", "RUN [\"f\"]"]);
  });

  it("lists the shell commands, ONBUILD RUN included", () => {
    expect([...stageCommands(stage)].map(({ command }) => command.name?.text)).toEqual(["a", "b", "c", "d"]);
  });

  it("lists exec-form RUNs and their programs", () => {
    expect([...execRuns(stage)].map(({ instruction }) => execProgram(instruction))).toEqual(["sudo", "f"]);
  });

  it("keys commands by the script they were parsed from", () => {
    const h = load("FROM x\nRUN a <<EOF\nb\nEOF\nRUN <<EOF\nc\nEOF\n");
    const keys = [...stageCommands(h.stages[0]!)].map(({ command }) => scriptKey(command));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("copyOperands", () => {
  const ops = (line: string) => {
    const ins = load(`FROM x\n${line}\n`).instructions[1]!;
    const o = copyOperands(ins);
    return { sources: o.sources.map((s) => (s.heredoc ? `heredoc:${s.value}` : s.value)), destination: o.destination?.value, json: o.json };
  };

  it.each([
    ["COPY --chown=1:1 a 'b' /dst/", { sources: ["a", "b"], destination: "/dst/", json: false }],
    ['COPY ["a b", "/x/"]', { sources: ["a b"], destination: "/x/", json: true }],
    ["COPY [a b]", { sources: ["[a"], destination: "b]", json: false }],
    ["COPY <<EOF /etc/conf\nhello world\nEOF", { sources: ["heredoc:<<EOF"], destination: "/etc/conf", json: false }],
    ["ADD one", { sources: [], destination: "one", json: false }],
  ])("%s", (line, want) => {
    expect(ops(line)).toEqual(want);
  });
});

describe("the user an image runs as", () => {
  it("takes the last USER of the stage chain, variables expanded", () => {
    const df = load("FROM x AS a\nARG U=0\nUSER ${U}:0\nFROM a\nRUN id\n");
    const s = effectiveUser(df, last(df))!;
    expect([s.written, s.user, s.stage.name]).toEqual(["${U}:0", "0", "a"]);
    const own = load("ARG U=0\nFROM x\nUSER ${U}\n");
    expect(effectiveUser(own, last(own))?.user).toBeUndefined(); // the global ARG is not redeclared
    expect(effectiveUser(load("FROM x\n"), load("FROM x\n").stages[0]!)).toBeUndefined();
  });

  it.each([
    ["root", true],
    ["0", true],
    ["000", true],
    ["1000", false],
    ["rooty", false],
  ])("isRootUser(%s) is %s", (user, want) => {
    expect(isRootUser(user)).toBe(want);
  });

  it.each([
    ["gcr.io/distroless/static:nonroot", true],
    ["nginxinc/nginx-unprivileged:1.27", true],
    ["docker:dind-rootless", true],
    ["cgr.dev/chainguard/node:latest", true],
    ["cgr.dev/chainguard/node:latest-dev", false],
    ["node:20", false],
  ])("baseDefaultsToNonRoot(%s) is %s", (image, want) => {
    expect(baseDefaultsToNonRoot(image)).toBe(want);
  });
});
