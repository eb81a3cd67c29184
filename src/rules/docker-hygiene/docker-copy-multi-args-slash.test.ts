import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-copy-multi-args-slash.js";

const df = (body: string) => `FROM node:20.11-alpine\nWORKDIR /app\n${body}\n`;

ruleTester(rule, {
  valid: [
    { name: "one source", dockerfile: df("COPY package.json /app") },
    { name: "several sources to a directory", dockerfile: df("COPY package.json package-lock.json /app/") },
    { name: "several sources to .", dockerfile: df("COPY package.json package-lock.json .") },
    { name: "several sources to ./", dockerfile: df("COPY a b ./") },
    { name: "several sources to ..", dockerfile: df("COPY a b ..") },
    { name: "wildcard single source", dockerfile: df("COPY target/*.jar app.jar") },
    { name: "destination ends with a variable", dockerfile: df("COPY a b $DEST") },
    { name: "flags are not sources", dockerfile: df("COPY --chown=node:node --chmod=644 a /app/a") },
    { name: "JSON form to a directory", dockerfile: df('COPY ["a b", "c", "/d/"]') },
    { name: "heredoc body is not sources", dockerfile: df("COPY <<EOF /app/conf\nline one\nline two\nEOF") },
    { name: "Windows directory", dockerfile: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.dll b.dll C:\\app\\\n" },
    { name: "ADD with one source", dockerfile: df("ADD https://x/a.tgz /opt/a.tgz") },
    { name: "JSON form after --from with Windows paths", dockerfile: String.raw`FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=golang:1.26.7-windowsservercore-ltsc2022 ["C:\\Program Files\\Go","C:\\Program Files\\Go"]
` },
  ],
  invalid: [
    { name: "two sources, no slash", dockerfile: df("COPY package.json package-lock.json /app"), errors: [{ messageId: "noSlash", line: 3, column: 37 }] },
    { name: "ADD with three sources", dockerfile: df("ADD a b c /opt"), errors: [{ messageId: "noSlash", line: 3 }] },
    { name: "JSON form", dockerfile: df('COPY ["a", "b", "/d"]'), errors: [{ messageId: "noSlash", line: 3 }] },
    { name: "two heredocs", dockerfile: df("COPY <<A <<B /app\na\nA\nb\nB"), errors: [{ messageId: "noSlash", line: 3 }] },
    { name: "relative destination", dockerfile: df("COPY --from=0 a b out"), errors: [{ messageId: "noSlash", line: 3 }] },
    {
      name: "continuation lines",
      dockerfile: df("COPY a \\\n     b \\\n     /app"),
      errors: [{ messageId: "noSlash", line: 5 }],
    },
  ],
});
