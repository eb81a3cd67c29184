import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-user-root.js";

ruleTester(rule, {
  valid: [
    { name: "named non-root user", dockerfile: "FROM debian:12.5\nRUN useradd -r app\nUSER app\n" },
    { name: "numeric user and group", dockerfile: "FROM debian:12.5\nUSER 10001:10001\n" },
    { name: "root for setup, then a user", dockerfile: "FROM debian:12.5\nUSER root\nRUN apt-get update\nUSER 1000\nCMD [\"app\"]\n" },
    { name: "a user whose name starts with root is not root", dockerfile: "FROM debian:12.5\nUSER rootless\n" },
    { name: "uid 1000 is not uid 0", dockerfile: "FROM debian:12.5\nUSER 1000\n" },
    {
      name: "root only in a build stage",
      dockerfile: "FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM debian:12.5\nCOPY --from=build /app /app\nUSER nobody\n",
    },
    {
      name: "USER inherited from the stage the final one builds on",
      dockerfile: "FROM debian:12.5 AS base\nRUN useradd app\nUSER app\nFROM base\nCOPY . /app\n",
    },
    {
      name: "USER inherited through two FROM <alias> hops, case-insensitive alias",
      dockerfile: "FROM debian:12.5 AS Base\nUSER 1000\nFROM base AS mid\nRUN true\nFROM MID\nCMD [\"app\"]\n",
    },
    { name: "variable with an ARG default", dockerfile: "FROM debian:12.5\nARG APP_UID=10001\nUSER ${APP_UID}\n" },
    { name: "variable with an ENV value", dockerfile: "FROM debian:12.5\nENV APP_USER=app\nUSER $APP_USER:$APP_USER\n" },
    { name: "unknown variable: silent", dockerfile: "FROM debian:12.5\nARG RUN_AS\nUSER ${RUN_AS}\n" },
    { name: "variable from the base image: silent", dockerfile: "FROM bitnami/redis:7.2\nUSER $REDIS_USER\n" },
    { name: "global ARG redeclared in the stage", dockerfile: "ARG UID=1001\nFROM debian:12.5\nARG UID\nUSER $UID\n" },
    { name: "distroless nonroot base without USER", dockerfile: "FROM golang:1.22 AS b\nRUN go build -o /a .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=b /a /a\n" },
    { name: "Chainguard base (non-root by default) pinned by digest", dockerfile: "FROM cgr.dev/chainguard/static@sha256:60582b2ae6074f641094af0f370d4ab241aab271858a66223dcde7eee9f51638\nCOPY app /app\n" },
    { name: "unprivileged nginx base without USER", dockerfile: "FROM nginxinc/nginx-unprivileged:1.25-alpine\nCOPY site /usr/share/nginx/html\n" },
    { name: "Windows image without USER", dockerfile: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host hi\n" },
    { name: "Windows image as ContainerUser", dockerfile: "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n" },
  ],
  invalid: [
    { name: "no USER at all", dockerfile: "FROM debian:12.5\nRUN apt-get update\nCMD [\"app\"]\n", errors: [{ messageId: "noUser", line: 1, column: 1 }] },
    { name: "USER root last", dockerfile: "FROM debian:12.5\nUSER app\nRUN make\nUSER root\n", errors: [{ messageId: "root", line: 4, column: 6 }] },
    { name: "USER 0", dockerfile: "FROM debian:12.5\nUSER 0\n", errors: [{ messageId: "root", line: 2 }] },
    { name: "USER root:root", dockerfile: "FROM debian:12.5\nUSER root:root\n", errors: [{ messageId: "root", line: 2 }] },
    { name: "USER 0:0 written as 00", dockerfile: "FROM debian:12.5\nUSER 00:0\n", errors: [{ messageId: "root", line: 2 }] },
    { name: "variable that resolves to root", dockerfile: "FROM debian:12.5\nARG RUN_AS=root\nUSER ${RUN_AS}\n", errors: [{ messageId: "root", line: 3 }] },
    { name: "ENV overrides ARG of the same name", dockerfile: "FROM debian:12.5\nARG U=app\nENV U=0\nUSER $U\n", errors: [{ messageId: "root", line: 4 }] },
    { name: "${VAR:-root} with no value", dockerfile: "FROM debian:12.5\nARG U=\nUSER ${U:-root}\n", errors: [{ messageId: "root", line: 3 }] },
    {
      name: "USER in a build stage does not carry into an unrelated final stage",
      dockerfile: "FROM golang:1.22 AS build\nUSER 1000\nRUN go build .\nFROM debian:12.5\nCOPY --from=build /app /app\n",
      errors: [{ messageId: "noUser", line: 4, object: "Dockerfile/1" }],
    },
    {
      name: "final stage inherits USER root from its base stage",
      dockerfile: "FROM debian:12.5 AS base\nUSER root\nFROM base\nCOPY . /app\n",
      errors: [{ messageId: "inheritedRoot", line: 3, object: "Dockerfile/1" }],
    },
    {
      name: "final stage built on a stage without USER",
      dockerfile: "FROM debian:12.5 AS base\nRUN apt-get update\nFROM base AS final\nCOPY . /app\n",
      errors: [{ messageId: "noUser", line: 3, object: "Dockerfile/final" }],
    },
    { name: "FROM scratch without USER", dockerfile: "FROM scratch\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", errors: [{ messageId: "noUser", line: 1 }] },
    { name: "Chainguard -dev variant is judged", dockerfile: "FROM cgr.dev/chainguard/python:latest-dev\nCOPY app /app\n", errors: [{ messageId: "noUser", line: 1 }] },
    { name: "distroless without :nonroot runs as root", dockerfile: "FROM gcr.io/distroless/static-debian12\nCOPY app /app\n", errors: [{ messageId: "noUser", line: 1 }] },
    { name: "Windows image as ContainerAdministrator", dockerfile: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n", errors: [{ messageId: "windowsAdmin", line: 2 }] },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-user-root fixes", () => {
  it("no USER: adds USER 10001 after the last instruction of the final stage, unsafe with a note", () => {
    const r = fixed("FROM golang:1.22 AS b\nRUN go build .\nFROM debian:12.5\nCOPY --from=b /app /app\nCMD [\"/app\"]\n# end\n");
    expect(r.findings[0]!.fix).toMatchObject({ safety: "unsafe", note: expect.stringMatching(/owns nothing.*port/), ops: [{ op: "insertText", text: "\nUSER 10001", position: "after" }] });
    expect(r.text).toBe("FROM golang:1.22 AS b\nRUN go build .\nFROM debian:12.5\nCOPY --from=b /app /app\nCMD [\"/app\"]\nUSER 10001\n# end\n");
  });
  it("USER root last: its argument is replaced", () => {
    expect(fixed("FROM debian:12.5\nUSER root:root\nCMD [\"app\"]\n").text).toBe("FROM debian:12.5\nUSER 10001\nCMD [\"app\"]\n");
  });
  it("USER root before a RUN: the RUN keeps root and USER 10001 is added at the end", () => {
    expect(fixed("FROM debian:12.5\nUSER root\nRUN apt-get update \\\n && apt-get install -y curl\n").text).toBe("FROM debian:12.5\nUSER root\nRUN apt-get update \\\n && apt-get install -y curl\nUSER 10001\n");
  });
  it("inherited root: USER 10001 at the end of the final stage", () => {
    expect(fixed("FROM debian:12.5 AS base\nUSER root\nFROM base\nCOPY . /app\n").text).toBe("FROM debian:12.5 AS base\nUSER root\nFROM base\nCOPY . /app\nUSER 10001\n");
  });
  it("no fix for Windows images", () => {
    const [f] = runRuleOn(rule, { name: "w", dockerfile: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n" });
    expect(f?.fix).toBeUndefined();
  });
});
