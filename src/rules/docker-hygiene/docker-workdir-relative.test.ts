import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-workdir-relative.js";

const df = (body: string) => `FROM alpine:3.20\n${body}\n`;

ruleTester(rule, {
  valid: [
    { name: "absolute path", dockerfile: df("WORKDIR /app") },
    { name: "root", dockerfile: df("WORKDIR /") },
    { name: "quoted absolute path", dockerfile: df('WORKDIR "/path/to/workdir"') },
    { name: "single-quoted absolute path", dockerfile: df("WORKDIR '/srv/my app'") },
    { name: "variable at the start", dockerfile: df("ENV DIRPATH=/path\nWORKDIR $DIRPATH/$DIRNAME") },
    { name: "braced variable", dockerfile: df("WORKDIR ${GLASSFISH_HOME}/bin") },
    { name: "quoted variable", dockerfile: df('WORKDIR "$HOME/app"') },
    { name: "Windows path with backslash escape", dockerfile: df("WORKDIR c:\\\\windows") },
    { name: "quoted Windows path", dockerfile: df('WORKDIR "C:\\\\app"') },
    { name: "Windows path with forward slash", dockerfile: df("WORKDIR c:/app") },
    { name: "Windows image with backtick escape", dockerfile: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n" },
    { name: "relative path in RUN cd is not WORKDIR", dockerfile: df("RUN cd app && make") },
  ],
  invalid: [
    { name: "bare name", dockerfile: df("WORKDIR app"), errors: [{ messageId: "relative", line: 2, column: 9 }] },
    { name: "quoted parent path", dockerfile: df('WORKDIR "../workdir"'), errors: [{ messageId: "relative", line: 2 }] },
    { name: "dot", dockerfile: df("WORKDIR ."), errors: [{ messageId: "relative", line: 2 }] },
    { name: "trailing slash", dockerfile: df("WORKDIR android/"), errors: [{ messageId: "relative", line: 2 }] },
    { name: "tilde is not expanded by Docker", dockerfile: df("WORKDIR ~/app"), errors: [{ messageId: "relative", line: 2 }] },
    {
      name: "relative after an absolute one, each reported",
      dockerfile: df("WORKDIR /path/to/workdir\nWORKDIR workdir\nCOPY a /b/\nWORKDIR workdir2"),
      errors: [{ messageId: "relative", line: 3 }, { messageId: "relative", line: 5 }],
    },
    {
      name: "in an earlier build stage",
      dockerfile: "FROM golang:1.22 AS build\nWORKDIR src\nFROM alpine:3.20\nWORKDIR /app\n",
      errors: [{ messageId: "relative", line: 2, object: "Dockerfile/build" }],
    },
    {
      name: "lower-case keyword",
      dockerfile: "FROM alpine:3.20\nworkdir app\n",
      errors: [{ messageId: "relative", line: 2 }],
    },
  ],
});
