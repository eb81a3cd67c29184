import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-no-install-recommends.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "dry run", dockerfile: df("apt-get install -s pg-jit && apt-get install --simulate x") },
    { name: "with --no-install-recommends", dockerfile: df("apt-get update && apt-get install -y --no-install-recommends curl") },
    { name: "flag after the packages", dockerfile: df("apt-get install -y curl git --no-install-recommends") },
    { name: "-o APT::Install-Recommends=false", dockerfile: df("apt-get -o APT::Install-Recommends=false install -y curl") },
    { name: "apt config written earlier", dockerfile: "FROM debian:12.5\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n" },
    { name: "apt config in the base stage", dockerfile: "FROM debian:12.5 AS base\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/99n\nFROM base\nRUN apt-get install -y curl\n" },
    { name: "aptitude -R", dockerfile: df("aptitude install -y -R curl") },
    { name: "apt-get update, remove and build-dep", dockerfile: df("apt-get update && apt-get remove -y curl && apt-get build-dep -y foo") },
    { name: "quoted text", dockerfile: df("echo \"apt-get install curl\"") },
    { name: "apt-get install in exec form is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "-y", "curl"]\n' },
    { name: "Alpine apk", dockerfile: "FROM alpine:3.20\nRUN apk add --no-cache curl\n" },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\n' },
  ],
  invalid: [
    { name: "apt-get install", dockerfile: df("apt-get update && apt-get install -y curl"), errors: [{ messageId: "recommends", line: 2, column: 23 }] },
    { name: "sudo apt install", dockerfile: df("sudo apt install -y curl"), errors: [{ messageId: "recommends", line: 2, column: 10 }] },
    { name: "recommends set to true", dockerfile: df("apt-get -o APT::Install-Recommends=true install -y curl"), errors: [{ messageId: "recommends", line: 2 }] },
    { name: "aptitude install", dockerfile: df("aptitude install -y curl"), errors: [{ messageId: "recommends", line: 2 }] },
    {
      name: "two installs in a continued chain, one fixed",
      dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl \\\n && apt-get install -y git\n",
      errors: [{ messageId: "recommends", line: 4, column: 5 }],
    },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n", errors: [{ messageId: "recommends", line: 4, column: 1 }] },
    {
      name: "a later stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN apt-get install -y --no-install-recommends gcc\nFROM debian:12.5 AS run\nRUN apt-get install -y ca-certificates\n",
      errors: [{ messageId: "recommends", line: 4, object: "Dockerfile/run" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-no-install-recommends fixes", () => {
  it("adds --no-install-recommends after install, unsafe with a note", () => {
    const r = fixed("FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n");
    expect(r.findings[0]!.fix).toMatchObject({ safety: "unsafe", note: expect.stringContaining("ca-certificates"), ops: [{ op: "insertText", text: " --no-install-recommends", position: "after" }] });
    expect(r.text).toBe("FROM debian:12.5\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n");
  });
  it("heredocs, continuation lines, aptitude", () => {
    expect(fixed("FROM debian:12.5\nRUN <<EOF\napt install -y jq\nEOF\n").text).toBe("FROM debian:12.5\nRUN <<EOF\napt install --no-install-recommends -y jq\nEOF\n");
    expect(fixed("FROM debian:12.5\nRUN apt-get install \\\n  # x\n  -y curl\n").text).toBe("FROM debian:12.5\nRUN apt-get install --no-install-recommends \\\n  # x\n  -y curl\n");
    expect(fixed("FROM debian:12.5\nRUN aptitude install -y vim\n").text).toBe("FROM debian:12.5\nRUN aptitude install --without-recommends -y vim\n");
  });
});
