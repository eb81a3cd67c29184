import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-json-cmd.js";

ruleTester(rule, {
  valid: [
    { name: "exec form CMD", dockerfile: 'FROM node:20.12\nCMD ["node", "server.js"]\n' },
    { name: "exec form ENTRYPOINT and CMD", dockerfile: 'FROM node:20.12\nENTRYPOINT ["/entry.sh"]\nCMD ["serve"]\n' },
    { name: "exec form over several lines", dockerfile: 'FROM node:20.12\nCMD ["node", \\\n     "server.js"]\n' },
    { name: "shell form ending in exec", dockerfile: 'FROM node:20.12\nCMD exec node server.js --port "$PORT"\n' },
    { name: "preparation then exec", dockerfile: "FROM node:20.12\nENTRYPOINT ./migrate.sh && exec node server.js\n" },
    { name: "shell form overridden later in the stage", dockerfile: 'FROM node:20.12\nCMD node server.js\nCMD ["node", "server.js"]\n' },
    { name: "shell form in a build stage only", dockerfile: 'FROM node:20.12 AS test\nCMD npm test\nFROM node:20.12\nCMD ["node", "server.js"]\n' },
    { name: "parent's shell CMD reset by the final ENTRYPOINT", dockerfile: 'FROM node:20.12 AS base\nCMD node server.js\nFROM base\nENTRYPOINT ["node", "server.js"]\n' },
    { name: "no CMD at all", dockerfile: "FROM node:20.12\nRUN npm ci\n" },
    { name: "empty exec form", dockerfile: "FROM node:20.12\nCMD []\n" },
  ],
  invalid: [
    { name: "shell form CMD", dockerfile: "FROM node:20.12\nCMD node server.js\n", errors: [{ messageId: "shellForm", line: 2, column: 1 }] },
    {
      name: "shell form ENTRYPOINT and CMD",
      dockerfile: "FROM node:20.12\nENTRYPOINT /entry.sh\nCMD serve --port 80\n",
      errors: [{ messageId: "shellForm", line: 2 }, { messageId: "shellForm", line: 3 }],
    },
    { name: "single quotes are not JSON", dockerfile: "FROM node:20.12\nCMD ['node', 'server.js']\n", errors: [{ messageId: "brokenExec", line: 2 }] },
    { name: "trailing text after the array", dockerfile: 'FROM node:20.12\nENTRYPOINT ["node"] server.js\n', errors: [{ messageId: "brokenExec", line: 2 }] },
    { name: "exec inside a quoted string is not an exec", dockerfile: "FROM node:20.12\nCMD echo 'exec node' && node server.js\n", errors: [{ messageId: "shellForm", line: 2 }] },
    {
      name: "inherited from the stage the final stage builds on",
      dockerfile: "FROM node:20.12 AS base\nCMD node server.js\nFROM base\nRUN npm ci\n",
      errors: [{ messageId: "shellForm", line: 2, object: "Dockerfile/1" }],
    },
    {
      name: "Windows image under PowerShell",
      dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Start-Service w3svc; ping -t localhost\n',
      errors: [{ messageId: "shellForm", line: 3 }],
    },
  ],
});
