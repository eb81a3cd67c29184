import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-non-numeric-user.js";

ruleTester(rule, {
  valid: [
    { name: "numeric UID", dockerfile: "FROM debian:12.5\nUSER 10001\n" },
    { name: "numeric UID with a named group", dockerfile: "FROM debian:12.5\nUSER 10001:app\n" },
    { name: "no USER at all", dockerfile: "FROM debian:12.5\nCMD [\"app\"]\n" },
    { name: "root is docker-user-root's business", dockerfile: "FROM debian:12.5\nUSER root\n" },
    { name: "named user only before the last USER", dockerfile: "FROM debian:12.5\nUSER app\nRUN make\nUSER 1000\n" },
    { name: "named user only in a build stage", dockerfile: "FROM golang:1.22 AS build\nUSER builder\nRUN go build .\nFROM debian:12.5\nUSER 65532\n" },
    { name: "variable with a numeric ARG default", dockerfile: "FROM debian:12.5\nARG UID=10001\nUSER ${UID}:${UID}\n" },
    { name: "unknown variable", dockerfile: "FROM debian:12.5\nARG APP_USER\nUSER $APP_USER\n" },
    { name: "Windows user names", dockerfile: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n" },
  ],
  invalid: [
    { name: "USER app", dockerfile: "FROM debian:12.5\nRUN useradd app\nUSER app\n", errors: [{ messageId: "named", line: 3, column: 6 }] },
    { name: "name with a numeric group", dockerfile: "FROM debian:12.5\nUSER nobody:65534\n", errors: [{ messageId: "named", line: 2 }] },
    { name: "variable with a named default", dockerfile: "FROM debian:12.5\nENV APP_USER=web\nUSER ${APP_USER}\n", errors: [{ messageId: "named", line: 3 }] },
    {
      name: "inherited from the stage the final one builds on",
      dockerfile: "FROM node:20.11 AS base\nUSER node\nFROM base\nCOPY . /app\n",
      errors: [{ messageId: "inherited", line: 3, object: "Dockerfile/1" }],
    },
    {
      name: "only the final stage is reported",
      dockerfile: "FROM node:20.11 AS build\nUSER node\nRUN npm ci\nFROM node:20.11-slim\nUSER node\n",
      errors: [{ messageId: "named", line: 5, object: "Dockerfile/1" }],
    },
  ],
});
