import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-wget-progress.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "--progress=dot:giga", dockerfile: df("wget --progress=dot:giga -O /a https://x/a") },
    { name: "-q and --quiet", dockerfile: df("wget -q https://x/a && wget --quiet https://x/b") },
    { name: "-nv and --no-verbose", dockerfile: df("wget -nv https://x/a && wget --no-verbose https://x/b") },
    { name: "combined -qO-", dockerfile: df("wget -qO- https://x/a | tar -xz") },
    { name: "combined -cq", dockerfile: df("wget -cq https://x/a") },
    { name: "log to a file", dockerfile: df("wget -o /tmp/wget.log https://x/a") },
    { name: "wget --version", dockerfile: df("wget --version") },
    { name: "installing wget", dockerfile: df("apt-get install -y wget && command -v wget") },
    { name: "quoted text", dockerfile: df("echo 'wget https://x/a'") },
    { name: "exec form with -q", dockerfile: 'FROM debian:12.5\nRUN ["wget", "-q", "https://x/a"]\n' },
    { name: "PowerShell wget alias", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN wget https://x/a -OutFile a\n' },
  ],
  invalid: [
    { name: "plain wget", dockerfile: df("wget https://x/a"), errors: [{ messageId: "progress", line: 2, column: 5 }] },
    { name: "-O value that contains q", dockerfile: df("wget -O /tmp/q.tgz https://x/a"), errors: [{ messageId: "progress", line: 2 }] },
    { name: "-Pq: q is the directory", dockerfile: df("wget -Pq https://x/a"), errors: [{ messageId: "progress", line: 2 }] },
    { name: "-nc is not -nv", dockerfile: df("wget -nc https://x/a"), errors: [{ messageId: "progress", line: 2 }] },
    { name: "sudo wget in a continued chain", dockerfile: "FROM debian:12.5\nRUN cd /tmp \\\n && sudo wget -c https://x/a\n", errors: [{ messageId: "progress", line: 3, column: 10 }] },
    { name: "two wgets, one quiet", dockerfile: df("wget -q https://x/a && wget https://x/b"), errors: [{ messageId: "progress", line: 2, column: 28 }] },
    { name: "in a substitution", dockerfile: df("tar -xzf \"$(wget -O- https://x/a)\""), errors: [{ messageId: "progress", line: 2 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["wget", "https://x/a"]\n', errors: [{ messageId: "progress", line: 2 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nwget https://x/a\nEOF\n", errors: [{ messageId: "progress", line: 3, column: 1 }] },
    { name: "build stage", dockerfile: "FROM debian:12.5 AS dl\nRUN wget https://x/a\nFROM scratch\nCOPY --from=dl /a /a\n", errors: [{ messageId: "progress", line: 2, object: "Dockerfile/dl" }] },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-wget-progress fixes", () => {
  it("adds --progress=dot:giga after wget, safe", () => {
    const r = fixed("FROM debian:12.5\nRUN sudo wget -O /a https://x.example/a\n");
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "insertText", text: " --progress=dot:giga", position: "after" }] });
    expect(r.text).toBe("FROM debian:12.5\nRUN sudo wget --progress=dot:giga -O /a https://x.example/a\n");
  });
  it("unsafe on Alpine and busybox images, whose wget does not know --progress", () => {
    const [f] = runRuleOn(rule, { name: "alpine", dockerfile: "FROM alpine:3.20\nRUN wget https://x.example/a\n" });
    expect(f?.fix?.safety).toBe("unsafe");
    expect(f?.fix?.note).toMatch(/busybox/);
  });
  it("no fix for the exec form", () => {
    const [f] = runRuleOn(rule, { name: "exec", dockerfile: 'FROM debian:12.5\nRUN ["wget", "https://x.example/a"]\n' });
    expect(f?.fix).toBeUndefined();
  });
});
