import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-insecure-cmd.js";

ruleTester(rule, {
  valid: [
    { name: "no insecure option", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/sync", "--cacert=/ca.pem"]\n' },
    { name: "explicitly false", dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/sync", "--insecure=false", "--tls-insecure=0"]\n' },
    { name: "negated option", dockerfile: 'FROM alpine:3.20\nCMD ["/app", "--no-insecure-tls"]\n' },
    { name: "a word that is not an option", dockerfile: 'FROM alpine:3.20\nCMD ["/app", "insecure-mode-docs.txt"]\n' },
    { name: "only in an overridden CMD", dockerfile: 'FROM alpine:3.20\nCMD ["/app", "--insecure"]\nCMD ["/app"]\n' },
    { name: "only in a build stage", dockerfile: 'FROM alpine:3.20 AS test\nCMD ["/app", "--insecure"]\nFROM alpine:3.20\nCMD ["/app"]\n' },
    { name: "in a RUN, not the start command", dockerfile: 'FROM alpine:3.20\nRUN curl --insecure https://x -o /x\nCMD ["/app"]\n' },
    { name: "in a HEALTHCHECK", dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD curl --insecure https://localhost/\nCMD ["/app"]\n' },
  ],
  invalid: [
    {
      name: "exec form",
      dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/sync", "--insecure-skip-tls-verify"]\n',
      errors: [{ messageId: "insecure", line: 2, column: 22 }],
    },
    { name: "shell form", dockerfile: "FROM alpine:3.20\nCMD /app --kubelet-insecure-tls --port 80\n", errors: [{ messageId: "insecure", line: 2, column: 10 }] },
    { name: "=true", dockerfile: "FROM alpine:3.20\nCMD exec /app --insecure=true\n", errors: [{ messageId: "insecure", line: 2 }] },
    { name: "single dash", dockerfile: 'FROM alpine:3.20\nCMD ["/registry", "-insecure"]\n', errors: [{ messageId: "insecure", line: 2 }] },
    { name: "inside sh -c", dockerfile: 'FROM alpine:3.20\nCMD ["sh", "-c", "exec /app --insecure"]\n', errors: [{ messageId: "insecure", line: 2 }] },
    { name: "inside a quoted shell-form string", dockerfile: 'FROM alpine:3.20\nCMD su-exec app sh -c "/app --insecure"\n', errors: [{ messageId: "insecure", line: 2 }] },
    {
      name: "ENTRYPOINT and CMD, on a continued line",
      dockerfile: 'FROM alpine:3.20\nENTRYPOINT ["/app", "--insecure"]\nCMD /app serve \\\n  --tls-insecure\n',
      errors: [{ messageId: "insecure", line: 2 }, { messageId: "insecure", line: 4, column: 3 }],
    },
    {
      name: "inherited from the stage the final stage builds on",
      dockerfile: 'FROM alpine:3.20 AS base\nCMD ["/app", "--insecure"]\nFROM base\nUSER 1000\n',
      errors: [{ messageId: "insecure", line: 2, object: "Dockerfile/1" }],
    },
    {
      name: "Windows shell form",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD C:\\app\\app.exe --insecure\n',
      errors: [{ messageId: "insecure", line: 3 }],
    },
  ],
});
