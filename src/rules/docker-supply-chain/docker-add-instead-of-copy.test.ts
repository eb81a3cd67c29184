import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-add-instead-of-copy.js";

const df = (body: string) => `FROM alpine:3.20\n${body}\n`;

ruleTester(rule, {
  valid: [
    { name: "COPY", dockerfile: df("COPY app.py /srv/") },
    { name: "ADD of a local tar archive unpacks it", dockerfile: df("ADD rootfs.tar.xz /\nADD vendor.tgz /opt/\nADD --chown=1:1 dist.tar.gz /srv/") },
    { name: "ADD of a URL with --checksum", dockerfile: df("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x.example/a.jar /a.jar") },
    { name: "ADD of a git source pinned to a commit", dockerfile: df("ADD https://github.com/moby/buildkit.git#0b1f8e5e3ac1c0e5b1fbd0a6b8a6f7b4bb3fd6a1 /src") },
    { name: "COPY --from a stage", dockerfile: "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n" },
  ],
  invalid: [
    { name: "ADD of a local file", dockerfile: df("ADD app.py /srv/app.py"), errors: [{ messageId: "useCopy", line: 2, column: 5 }] },
    { name: "ADD with flags and several sources", dockerfile: df("ADD --chown=app:app a.tgz run.sh /srv/"), errors: [{ messageId: "useCopy", line: 2, column: 27 }] },
    { name: "ADD of a folder in JSON form", dockerfile: df('ADD ["my files", "/srv/"]'), errors: [{ messageId: "useCopy", line: 2 }] },
    { name: "ADD of a URL without checksum", dockerfile: df("ADD http://example.com/package.zip /temp"), errors: [{ messageId: "remote", line: 2, column: 5 }] },
    { name: "ADD of a URL with a variable and --chmod", dockerfile: df("ARG V=1.2\nADD --chmod=644 https://github.com/x/y/releases/download/v$V/a.jar /a.jar"), errors: [{ messageId: "remote", line: 3 }] },
    { name: "ADD of a git source on a branch", dockerfile: df("ADD git@github.com:moby/buildkit.git#main /src"), errors: [{ messageId: "remote", line: 2 }] },
    { name: "ADD of a variable source", dockerfile: df("ARG JAR=app.jar\nADD ${JAR} /app.jar"), errors: [{ messageId: "useCopy", line: 3 }] },
    { name: "ADD of a heredoc", dockerfile: df("ADD <<EOF /etc/motd\nhello\nEOF"), errors: [{ messageId: "useCopy", line: 2 }] },
    { name: "ONBUILD ADD", dockerfile: df("ONBUILD ADD . /app"), errors: [{ messageId: "useCopy", line: 2 }] },
    {
      name: "one finding per instruction, per stage",
      dockerfile: "FROM alpine:3.20 AS a\nADD a b /x/\nFROM alpine:3.20\nADD c /y\n",
      errors: [{ messageId: "useCopy", line: 2, object: "Dockerfile/a" }, { messageId: "useCopy", line: 4, object: "Dockerfile/1" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-add-instead-of-copy fixes", () => {
  it("ADD → COPY for local sources, safe", () => {
    const r = fixed(df("ADD app.py /srv/app.py"));
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "replaceText", text: "COPY app.py /srv/app.py", span: { line: 2, column: 1, endLine: 2, endColumn: 23 } }] });
    expect(r.text).toBe(df("COPY app.py /srv/app.py"));
  });
  it("keeps the flags COPY takes, JSON form, heredocs and ONBUILD", () => {
    expect(fixed(df("ADD --chown=app:app \\\n    a.sh b.sh /srv/")).text).toBe(df("COPY --chown=app:app a.sh b.sh /srv/"));
    expect(fixed(df('ADD ["my files", "/srv/"]')).text).toBe(df('COPY ["my files", "/srv/"]'));
    expect(fixed(df("ADD <<EOF /etc/motd\n  hello\n\nEOF")).text).toBe(df("COPY <<EOF /etc/motd\n  hello\n\nEOF"));
    expect(fixed(df("ONBUILD ADD . /app")).text).toBe(df("ONBUILD COPY . /app"));
  });
  it("no fix when COPY would differ or the source is not known", () => {
    for (const body of ["ARG JAR=app.jar\nADD ${JAR} /app.jar", "ADD files/* /srv/", "ADD --keep-git-dir=true a /b", "ADD a.txt b.tgz /srv/", "ADD <<EOF /empty\nEOF", "ADD <<EOF /x\nhello \\\nEOF"]) {
      const found = runRuleOn(rule, { name: body, dockerfile: df(body) });
      expect(found.map((f) => f.messageId), body).toEqual(["useCopy"]);
      expect(found[0]!.fix, body).toBeUndefined();
    }
    expect(runRuleOn(rule, { name: "remote", dockerfile: df("ADD http://example.com/a.zip /a") })[0]!.fix).toBeUndefined();
  });
});
