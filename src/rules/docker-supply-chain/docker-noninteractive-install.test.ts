import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-noninteractive-install.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "dry run in a condition", dockerfile: df('if apt-get install -s "pg-jit" > /dev/null 2>&1; then apt-get install -y pg-jit; fi') },
    { name: "apt-get install -y", dockerfile: df("apt-get update && apt-get install -y curl") },
    { name: "apt-get --yes and --assume-yes", dockerfile: df("apt-get install --yes curl && apt-get --assume-yes install git") },
    { name: "combined short flags -qy", dockerfile: df("apt-get install -qy curl") },
    { name: "apt-get -qq implies -y", dockerfile: df("apt-get -qq install curl") },
    { name: "apt-get -o APT::Get::Assume-Yes=true", dockerfile: df("apt-get -o APT::Get::Assume-Yes=true install curl") },
    { name: "apt-get update and apt-cache do not prompt", dockerfile: df("apt-get update && apt-cache policy curl") },
    { name: "yes piped into apt-get", dockerfile: df("yes | apt-get install curl") },
    { name: "apt configured to assume yes in an earlier RUN", dockerfile: "FROM debian:12.5\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n" },
    { name: "yum -y, dnf --assumeyes", dockerfile: "FROM fedora:40\nRUN yum install -y git && dnf --assumeyes install make\n" },
    { name: "microdnf does not prompt", dockerfile: "FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install git\n" },
    { name: "yum clean all does not prompt", dockerfile: "FROM centos:7\nRUN yum clean all\n" },
    { name: "zypper -n in / --non-interactive", dockerfile: "FROM opensuse/leap:15.5\nRUN zypper -n in git && zypper --non-interactive install make && zypper install -y curl\n" },
    { name: "apk never prompts", dockerfile: "FROM alpine:3.20\nRUN apk add curl\n" },
    { name: "pacman --noconfirm, pacman -Sy", dockerfile: "FROM archlinux\nRUN pacman -Sy && pacman -S --noconfirm git\n" },
    { name: "quoted text is not a command", dockerfile: df("echo 'apt-get install curl'") },
    { name: "exec form is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "curl"]\n' },
    { name: "PowerShell image", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN choco install git\n' },
  ],
  invalid: [
    { name: "apt-get install without -y", dockerfile: df("apt-get update && apt-get install curl"), errors: [{ messageId: "prompt", line: 2, column: 23 }] },
    { name: "sudo apt install", dockerfile: df("sudo apt install -q curl"), errors: [{ messageId: "prompt", line: 2, column: 10 }] },
    { name: "apt-get -q (one q) still prompts", dockerfile: df("apt-get -q install curl"), errors: [{ messageId: "prompt", line: 2 }] },
    { name: "apt-get remove", dockerfile: df("apt-get install -y curl && apt-get purge gcc"), errors: [{ messageId: "prompt", line: 2, column: 32 }] },
    {
      name: "continued && chain, on its own line",
      dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n  && apt-get install --no-install-recommends \\\n     curl \\\n  && rm -rf /var/lib/apt/lists/*\n",
      errors: [{ messageId: "prompt", line: 3, column: 6 }],
    },
    { name: "yum install", dockerfile: "FROM centos:7\nRUN yum install git\n", errors: [{ messageId: "prompt", line: 2 }] },
    { name: "dnf group install", dockerfile: "FROM fedora:40\nRUN dnf group install 'Development Tools'\n", errors: [{ messageId: "prompt", line: 2 }] },
    { name: "zypper install", dockerfile: "FROM opensuse/leap:15.5\nRUN zypper install git\n", errors: [{ messageId: "prompt", line: 2 }] },
    { name: "pacman -Syu", dockerfile: "FROM archlinux\nRUN pacman -Syu git\n", errors: [{ messageId: "prompt", line: 2 }] },
    { name: "in a heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n", errors: [{ messageId: "prompt", line: 4, column: 1 }] },
    {
      name: "in an earlier build stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN apt-get install gcc\nFROM debian:12.5\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "prompt", line: 2, object: "Dockerfile/build" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-noninteractive-install fixes", () => {
  it("adds -y after the subcommand, safe", () => {
    const r = fixed(df("apt-get update && sudo apt-get -q install curl"));
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "insertText", text: " -y", position: "after", span: { line: 2, column: 39, endLine: 2, endColumn: 46 } }] });
    expect(r.text).toBe(df("apt-get update && sudo apt-get -q install -y curl"));
  });
  it("over continuation lines and in heredocs", () => {
    expect(fixed("FROM debian:12.5\nRUN apt-get update \\\n  # c\n  && apt-get install \\\n     curl\n").text).toBe("FROM debian:12.5\nRUN apt-get update \\\n  # c\n  && apt-get install -y \\\n     curl\n");
    expect(fixed("FROM debian:12.5\nRUN <<EOF\napt-get purge gcc\nEOF\n").text).toBe("FROM debian:12.5\nRUN <<EOF\napt-get purge -y gcc\nEOF\n");
  });
  it("yum and dnf: -y after the subcommand, before a two-word one", () => {
    expect(fixed("FROM fedora:40\nRUN yum install git && dnf group install 'Development Tools'\n").text).toBe("FROM fedora:40\nRUN yum install -y git && dnf -y group install 'Development Tools'\n");
  });
  it("zypper and pacman get their own flags", () => {
    expect(fixed("FROM opensuse/leap:15.5\nRUN zypper install git\n").text).toBe("FROM opensuse/leap:15.5\nRUN zypper --non-interactive install git\n");
    expect(fixed("FROM archlinux\nRUN pacman -Syu git\n").text).toBe("FROM archlinux\nRUN pacman -Syu --noconfirm git\n");
  });
  it("no fix for exec-form scripts", () => {
    const [f] = runRuleOn(rule, { name: "x", dockerfile: 'FROM debian:12.5\nRUN ["sh", "-c", "apt-get install curl"]\n' });
    expect(f?.messageId).toBe("prompt");
    expect(f?.fix).toBeUndefined();
  });
});
