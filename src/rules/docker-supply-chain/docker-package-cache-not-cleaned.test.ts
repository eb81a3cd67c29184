import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-package-cache-not-cleaned.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;
const alpine = (run: string) => `FROM alpine:3.20\nRUN ${run}\n`;
const fedora = (run: string) => `FROM fedora:40\nRUN ${run}\n`;
const py = (run: string) => `FROM python:3.12-slim\nRUN ${run}\n`;
const node = (run: string) => `FROM node:20-slim\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "apt-get dist-clean removes the lists", dockerfile: df("apt-get update; apt-get install -y curl; apt-get dist-clean") },
    { name: "apk add --no-network downloads nothing", dockerfile: alpine("apk add --no-cache --virtual .b gcc && scanelf x | xargs -rt apk add --no-network --virtual .rundeps") },
    { name: "yarn --version is not an install", dockerfile: node("yarn --version && yarn -v") },
    { name: "apt lists removed in the same RUN", dockerfile: df("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*") },
    { name: "apt lists removed over continuation lines", dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n && apt-get install -y curl \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/* /tmp/*\n" },
    { name: "install without update leaves no lists", dockerfile: df("apt-get install -y ./pkg.deb") },
    { name: "apt cache mount", dockerfile: "# syntax=docker/dockerfile:1\nFROM debian:12.5\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y curl\n" },
    { name: "apk add --no-cache", dockerfile: alpine("apk add --no-cache curl && apk --no-cache add git") },
    { name: "apk cache removed", dockerfile: alpine("apk update && apk add curl && rm -rf /var/cache/apk/*") },
    { name: "pip --no-cache-dir", dockerfile: py("pip install --no-cache-dir -r requirements.txt && python -m pip install --no-cache-dir flask") },
    { name: "PIP_NO_CACHE_DIR in ENV", dockerfile: "FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n" },
    { name: "PIP_NO_CACHE_DIR on the command", dockerfile: py("PIP_NO_CACHE_DIR=1 pip install flask && env PIP_NO_CACHE_DIR=off pip3 install gunicorn") },
    { name: "pip cache purged later", dockerfile: py("pip install flask && pip cache purge") },
    { name: "pip cache removed later", dockerfile: py("pip install flask && rm -rf ~/.cache/pip") },
    { name: "pip cache mount", dockerfile: "FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n" },
    { name: "dnf clean all", dockerfile: fedora("dnf install -y git && dnf clean all") },
    { name: "yum clean all and microdnf clean all", dockerfile: "FROM centos:7\nRUN yum -y install git && yum clean all && microdnf install x && microdnf clean all\n" },
    { name: "dnf cache removed", dockerfile: fedora("dnf install -y git && rm -rf /var/cache/dnf") },
    { name: "zypper clean", dockerfile: "FROM opensuse/leap:15.5\nRUN zypper -n in git && zypper clean -a\n" },
    { name: "yarn cache clean", dockerfile: node("yarn install --frozen-lockfile && yarn cache clean") },
    { name: "yarn build is not an install", dockerfile: node("yarn build && yarn test") },
    { name: "build stage that is not shipped", dockerfile: "FROM node:20 AS build\nRUN yarn install\nRUN apt-get update\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n" },
    { name: "quoted text", dockerfile: df("echo 'apt-get update'") },
    { name: "exec form is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "update"]\n' },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install flask\n' },
  ],
  invalid: [
    { name: "one finding per cache and RUN", dockerfile: alpine("apk update && apk upgrade && apk add -U --no-cache curl"), errors: [{ messageId: "apk", line: 2, column: 5 }] },
    { name: "apt-get update without removing lists", dockerfile: df("apt-get update && apt-get install -y curl"), errors: [{ messageId: "apt", line: 2, column: 5 }] },
    { name: "lists removed in a later RUN still ship", dockerfile: "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n", errors: [{ messageId: "apt", line: 2 }] },
    { name: "lists removed before the update", dockerfile: df("rm -rf /var/lib/apt/lists/* && sudo apt update"), errors: [{ messageId: "apt", line: 2, column: 41 }] },
    { name: "rm in quoted text does not count", dockerfile: df("apt-get update && echo 'rm -rf /var/lib/apt/lists/*'"), errors: [{ messageId: "apt", line: 2 }] },
    { name: "unrelated cache mount", dockerfile: "FROM debian:12.5\nRUN --mount=type=cache,target=/root/.npm apt-get update\n", errors: [{ messageId: "apt", line: 2 }] },
    { name: "apk add without --no-cache", dockerfile: alpine("apk add curl"), errors: [{ messageId: "apk", line: 2, column: 5 }] },
    { name: "apk update then add --no-cache", dockerfile: alpine("apk update && apk add --no-cache curl"), errors: [{ messageId: "apk", line: 2, column: 5 }] },
    { name: "pip install", dockerfile: py("pip install -r requirements.txt"), errors: [{ messageId: "pip", line: 2 }] },
    { name: "python -m pip install", dockerfile: py("python3 -m pip install flask"), errors: [{ messageId: "pip", line: 2, column: 5 }] },
    { name: "PIP_NO_CACHE_DIR set after the RUN", dockerfile: "FROM python:3.12-slim\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n", errors: [{ messageId: "pip", line: 2 }] },
    { name: "dnf without clean", dockerfile: fedora("dnf install -y git"), errors: [{ messageId: "yum", line: 2 }] },
    { name: "yum clean only metadata", dockerfile: "FROM centos:7\nRUN yum install -y git && yum clean metadata\n", errors: [{ messageId: "yum", line: 2 }] },
    { name: "zypper without clean", dockerfile: "FROM opensuse/leap:15.5\nRUN zypper -n install git\n", errors: [{ messageId: "zypper", line: 2 }] },
    { name: "bare yarn installs", dockerfile: node("yarn --frozen-lockfile"), errors: [{ messageId: "yarn", line: 2 }] },
    { name: "yarn global add", dockerfile: node("yarn global add pm2"), errors: [{ messageId: "yarn", line: 2 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n", errors: [{ messageId: "apt", line: 4, column: 1 }] },
    {
      name: "stage the final stage builds on",
      dockerfile: "FROM debian:12.5 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nCMD [\"curl\"]\n",
      errors: [{ messageId: "apt", line: 2, object: "Dockerfile/base" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-package-cache-not-cleaned fixes", () => {
  it("apt: removes the lists after the last apt command of the RUN, safe", () => {
    const r = fixed(df("apt-get update && apt-get install -y curl && curl -V"));
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "insertText", text: " && rm -rf /var/lib/apt/lists/*", position: "after" }] });
    expect(r.text).toBe(df("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* && curl -V"));
  });
  it("apt: over continuation lines, in heredocs, with sudo", () => {
    expect(fixed("FROM debian:12.5\nRUN apt-get update \\\n\n && apt-get install -y \\\n   # c\n   curl\n").text).toBe("FROM debian:12.5\nRUN apt-get update \\\n\n && apt-get install -y \\\n   # c\n   curl && rm -rf /var/lib/apt/lists/*\n");
    expect(fixed("FROM debian:12.5\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n").text).toBe("FROM debian:12.5\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n");
    expect(fixed(df("sudo apt update && sudo apt install -y curl")).text).toBe(df("sudo apt update && sudo apt install -y curl && sudo rm -rf /var/lib/apt/lists/*"));
  });
  it("apt: no fix where the remedy is not clear", () => {
    for (const run of [
      "apt-get update", // the lists are for a later RUN
      "apt-get update && apt-get install -y curl | tee log", // a pipeline
      "apt-get update && apt-get install -y curl > /dev/null", // a redirection
      "apt-get update && for p in a b; do apt-get install -y $p; done", // a loop
      "apt-get update && nice apt-get install -y curl", // a wrapper other than sudo
    ]) {
      const [f] = runRuleOn(rule, { name: run, dockerfile: df(run) });
      expect(f?.messageId, run).toBe("apt");
      expect(f?.fix, run).toBeUndefined();
    }
  });
  it("apk: --no-cache on every add, or the index removed after an update", () => {
    expect(fixed(alpine("apk add curl && apk add --virtual .b gcc")).text).toBe(alpine("apk add --no-cache curl && apk add --no-cache --virtual .b gcc"));
    expect(fixed(alpine("apk update && apk add curl")).text).toBe(alpine("apk update && apk add curl && rm -rf /var/cache/apk/*"));
  });
  it("yum/dnf: clean all with the same tool", () => {
    expect(fixed(fedora("dnf install -y git && git --version")).text).toBe(fedora("dnf install -y git && dnf clean all && git --version"));
    expect(fixed("FROM centos:7\nRUN yum -y install git\n").text).toBe("FROM centos:7\nRUN yum -y install git && yum clean all\n");
  });
  it("pip: --no-cache-dir on each install", () => {
    expect(fixed(py("pip install -U pip && python3 -m pip install flask")).text).toBe(py("pip install --no-cache-dir -U pip && python3 -m pip install --no-cache-dir flask"));
  });
  it("the fixed file is clean", () => {
    for (const text of [df("apt-get update && apt-get install -y curl"), alpine("apk update && apk add curl"), fedora("dnf install -y git"), py("pip install flask"), node("yarn install && yarn build"), "FROM opensuse/leap:15.5\nRUN zypper -n install git\n"]) {
      expect(runRuleOn(rule, { name: "again", dockerfile: fixed(text).text }), text).toEqual([]);
    }
  });
});
