import { describe, expect, it } from "vitest";
import { effectiveCommand } from "../model/dockerfile.js";
import { isDockerfileName, joinContinuations, loadDockerfileText } from "./dockerfile.js";
import { loadShellParser } from "./shell.js";

const shell = await loadShellParser();
const load = (text: string) => loadDockerfileText(text, "Dockerfile", shell);
const commandsOf = (text: string, i = 1) => load(text).dockerfile!.instructions[i]!.shell!.commands.map((c) => [c.name?.value, ...c.args.map((a) => a.value ?? a.raw)].join(" "));

describe("Dockerfile discovery", () => {
  it.each(["Dockerfile", "dockerfile", "Dockerfile.prod", "Dockerfile-chroot", "api.Dockerfile", "web.dockerfile", "Containerfile", "Containerfile.dev"])("%s is a Dockerfile", (n) => {
    expect(isDockerfileName(n)).toBe(true);
  });
  it.each(["Dockerfile.dockerignore", "Dockerfile.md", "README.md", "docker-compose.yaml", "Dockerfiles", "MyDockerfile"])("%s is not", (n) => {
    expect(isDockerfileName(n)).toBe(false);
  });
});

describe("loading", () => {
  it("names stages by alias or index, marks the final one, and links FROM <stage>", () => {
    const d = load("ARG BASE=alpine:3.20\nFROM ${BASE} AS Build\nRUN make\nFROM build\nFROM scratch\nCOPY --from=0 /a /a\n");
    expect(d.resources.map((r) => r.ref())).toEqual([{ kind: "Dockerfile", name: "Build" }, { kind: "Dockerfile", name: "1" }, { kind: "Dockerfile", name: "2" }]);
    const [a, b, c] = d.dockerfile!.stages;
    expect(a!.baseResolved).toBe("alpine:3.20");
    expect(b!.baseStage).toBe(0);
    expect(c!.isFinal).toBe(true);
    expect(d.dockerfile!.globalArgs.map((g) => [g.name, g.value])).toEqual([["BASE", "alpine:3.20"]]);
    expect(d.dockerfile!.instructions[0]!.stage).toBeUndefined();
  });

  it("reports a file without FROM as a parse error with its line, and keeps going", () => {
    const d = load("# nothing here\nRUN echo hi\n");
    expect(d.resources).toEqual([]);
    expect(d.problems).toEqual([expect.objectContaining({ ruleId: "parse-error", messageId: "noFrom", line: 2 })]);
    expect(load("").problems[0]!.messageId).toBe("noFrom");
    expect(load("FROM a\0b\n").problems[0]!.messageId).toBe("binary");
  });

  it("joins continuation lines as BuildKit does, dropping comment and empty lines inside them", () => {
    expect(joinContinuations("a \\\n  # note\n\n  b", "\\").text).toBe("a   b");
    expect(joinContinuations("a \\  \n b", "\\").text).toBe("a  b");
    expect(commandsOf("FROM alpine\nRUN apk add curl \\\n  # why\n  && echo 'a | b' \\\n  && sudo -u app make install\n")).toEqual(["apk add curl", "echo a | b", "sudo -u app make install"]);
  });

  it("knows pipelines, substitutions and quoting from the shell grammar", () => {
    const d = load("FROM alpine\nRUN curl -fsSL https://x | sh -s -- -y; bash <(wget -qO- x); echo \"$(id -u)\" '$(not run)'\n").dockerfile!;
    const cmds = d.instructions[1]!.shell!.commands;
    expect(cmds.map((c) => c.name?.value)).toEqual(["curl", "sh", "bash", "wget", "echo", "id"]);
    expect(cmds[0]!.pipeline).toMatchObject({ index: 0, size: 2 });
    expect(cmds[1]!.pipeline).toMatchObject({ id: cmds[0]!.pipeline!.id, index: 1, size: 2 });
    expect(cmds[1]!.pipeline!.of.map((c) => c.name?.value)).toEqual(["curl", "sh"]);
    const two = load("FROM alpine\nRUN a | b\nRUN c | d\n").dockerfile!.instructions;
    expect(two[1]!.shell!.commands[0]!.pipeline!.id).not.toBe(two[2]!.shell!.commands[0]!.pipeline!.id);
    expect(cmds[3]!.substituted).toBe(true);
    expect(cmds[4]!.args.map((a) => a.value)).toEqual([undefined, "$(not run)"]);
    expect(effectiveCommand(load("FROM a\nRUN sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install -y x\n").dockerfile!.instructions[1]!.shell!.commands[0]!).program).toBe("apt-get");
  });

  it("parses heredoc bodies that a shell runs, and only those", () => {
    expect(commandsOf("FROM alpine\nRUN <<EOF\napk add curl\ncurl x | sh\nEOF\n")).toEqual(["", "apk add curl", "curl x", "sh"].filter((x) => x !== ""));
    expect(commandsOf("FROM alpine\nRUN python3 <<EOF\nimport os\nEOF\n")).toEqual(["python3"]);
  });

  it("parser directives, the escape character and exec form", () => {
    const d = load("# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\\nCMD [\"cmd\", \"/c\", \"echo hi\"]\n").dockerfile!;
    expect(d.directives.map((x) => [x.name, x.value])).toEqual([["syntax", "docker/dockerfile:1"], ["escape", "`"]]);
    expect(d.escape).toBe("`");
    expect(d.windows).toBe(true);
    expect(d.instructions[1]!.shell).toBeUndefined();
    expect(d.instructions[2]!.exec).toEqual(["cmd", "/c", "echo hi"]);
  });

  it("does not parse RUN as POSIX shell under SHELL powershell, and again after SHELL sh", () => {
    const d = load('FROM alpine\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\nSHELL ["/bin/sh", "-c"]\nRUN ls | wc -l\n').dockerfile!;
    expect(d.instructions[2]!.shell).toBeUndefined();
    expect(d.instructions[4]!.shell!.commands.length).toBe(2);
    expect(d.stages[0]!.shell).toEqual(["/bin/sh", "-c"]);
  });

  it("RUN flags (--mount, --network) are not part of the command; ONBUILD triggers are parsed", () => {
    const d = load("FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk --network=none apk add x\nONBUILD RUN curl x | sh\n").dockerfile!;
    expect(d.instructions[1]!.flags.map((f) => f.name)).toEqual(["mount", "network"]);
    expect(d.instructions[1]!.shell!.commands[0]!.name!.value).toBe("apk");
    expect(d.instructions[2]!.trigger!.keyword).toBe("RUN");
    expect(d.instructions[2]!.trigger!.shell!.commands.map((c) => c.name?.value)).toEqual(["curl", "sh"]);
  });

  it("locates words exactly, across continuation lines and inside heredocs", () => {
    const d = load("FROM alpine\nRUN echo a \\\n   && curl x \\\n   | sh\n");
    const cmds = d.dockerfile!.instructions[1]!.shell!.commands;
    const at = (p: readonly (string | number)[]) => d.resources[0]!.locate(p);
    expect(at(cmds[2]!.name!.path)).toMatchObject({ line: 4, column: 6, endLine: 4, endColumn: 8, exact: true });
    expect(at(cmds[1]!.args[0]!.path)).toMatchObject({ line: 3, column: 12 });
    const h = load("FROM alpine\nRUN <<EOF\n  wget -qO- x | sh\nEOF\n");
    const hc = h.dockerfile!.instructions[1]!.shell!.commands;
    expect(h.resources[0]!.locate(hc[1]!.name!.path)).toMatchObject({ line: 3, column: 17 });
    expect(at([])).toMatchObject({ line: 1, column: 1 });
  });

  it("reads ENV, ARG and LABEL properties and `# shipshape ignore=` comments", () => {
    const d = load("FROM alpine\n# shipshape ignore=docker-sudo,docker-pipefail needs root to install\n# and a second comment line\nRUN sudo make\n# shipshape ignore-file=docker-latest-tag base pinned by CI\nENV A=1 B=\"two words\" C\n").dockerfile!;
    expect(d.instructions[2]!.properties.map((p) => [p.name, p.value])).toEqual([["A", "1"], ["B", "two words"], ["C", undefined]]);
    expect(d.ignores).toEqual([
      { rules: ["docker-sudo", "docker-pipefail"], reason: "needs root to install", line: 2, instruction: 1, scope: "instruction" },
      { rules: ["docker-latest-tag"], reason: "base pinned by CI", line: 5, instruction: undefined, scope: "file" },
    ]);
  });

  it("survives hostile input: unbalanced quotes, huge lines, odd instructions", () => {
    const d = load(`FROM alpine\nRUN echo "unterminated \\\n  && curl x | sh\nRUN ${"a ".repeat(50000)}\nFOO bar\nHEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD curl -f http://x || exit 1\n`);
    expect(d.problems).toEqual([]);
    expect(d.dockerfile!.instructions[1]!.shell!.hasErrors).toBe(true);
    expect(d.dockerfile!.instructions[5]!.shell!.commands.map((c) => c.name?.value)).toEqual(["curl", "exit"]);
  });
});

describe("exec form running a shell script", () => {
  it("parses RUN [\"sh\", \"-c\", script] like shell form, at the script's position", () => {
    const d = load('FROM alpine\nRUN ["/bin/sh", "-c", "apk add curl && curl -fsSL https://x | sh"]\n');
    const ins = d.dockerfile!.instructions[1]!;
    expect(ins.form).toBe("exec");
    expect(ins.shell!.commands.map((c) => c.name?.value)).toEqual(["apk", "curl", "sh"]);
    expect(d.resources[0]!.locate(ins.shell!.commands[1]!.name!.path)).toMatchObject({ line: 2, column: 40 });
    expect(load('FROM alpine\nRUN ["python3", "-c", "print(1)"]\n').dockerfile!.instructions[1]!.shell).toBeUndefined();
  });
});
