import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-apt-use-apt-get.js";

const df = (run: string) => `FROM ubuntu:24.04\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "apt-get and apt-cache", dockerfile: df("apt-get update && apt-get install --yes git && apt-cache policy git") },
    { name: "apt as an argument (checkov fixture)", dockerfile: df("apt-get clean autoclean && cd /var/lib && rm -rf apt dpkg cache log") },
    { name: "apt in quoted text", dockerfile: df("echo 'apt install curl' && printf \"%s\" \"apt update\"") },
    { name: "command -v apt is a lookup", dockerfile: df("if command -v apt > /dev/null; then apt-get update; fi") },
    { name: "apt-key and apt-mark are other programs", dockerfile: df("apt-mark hold curl && apt-key list") },
    { name: "HEALTHCHECK is not a RUN", dockerfile: "FROM ubuntu:24.04\nHEALTHCHECK CMD apt list --installed || exit 1\n" },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt install curl\n' },
  ],
  invalid: [
    { name: "apt install (checkov fixture)", dockerfile: "FROM busybox:1.0\nRUN apt install curl\n", errors: [{ messageId: "apt", line: 2, column: 5 }] },
    { name: "apt update in a chain with apt-get", dockerfile: df("apt update && \\\n    apt-get install --yes git"), errors: [{ messageId: "apt", line: 2, column: 5 }] },
    { name: "sudo apt and /usr/bin/apt", dockerfile: df("sudo -E apt -y upgrade && /usr/bin/apt search jq"), errors: [{ messageId: "apt", line: 2, column: 13 }, { messageId: "apt", line: 2, column: 31 }] },
    { name: "xargs apt", dockerfile: df("cat pkgs | xargs apt install -y"), errors: [{ messageId: "apt", line: 2, column: 22 }] },
    { name: "env prefix and continuation", dockerfile: "FROM ubuntu:24.04\nRUN set -e \\\n && DEBIAN_FRONTEND=noninteractive apt \\\n     install -y curl\n", errors: [{ messageId: "apt", line: 3, column: 36 }] },
    { name: "heredoc", dockerfile: "FROM ubuntu:24.04\nRUN <<EOF\nset -e\napt update\nEOF\n", errors: [{ messageId: "apt", line: 4, column: 1 }] },
    { name: "exec form", dockerfile: 'FROM ubuntu:24.04\nRUN ["apt", "install", "-y", "curl"]\n', errors: [{ messageId: "apt", line: 2 }] },
    {
      name: "an earlier build stage",
      dockerfile: "FROM ubuntu:24.04 AS build\nRUN apt install -y gcc\nFROM ubuntu:24.04\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "apt", line: 2, object: "Dockerfile/build" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-apt-use-apt-get fixes", () => {
  it("apt → apt-get, safe", () => {
    const r = fixed(df("apt update && sudo /usr/bin/apt install -y curl"));
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "replaceText", text: "apt-get", span: { line: 2, column: 5, endLine: 2, endColumn: 8 } }] });
    expect(r.text).toBe(df("apt-get update && sudo /usr/bin/apt-get install -y curl"));
  });
  it("upgrade keeps installing new dependencies; full-upgrade is dist-upgrade", () => {
    expect(fixed(df("apt -y upgrade && apt full-upgrade -y")).text).toBe(df("apt-get -y upgrade --with-new-pkgs && apt-get dist-upgrade -y"));
  });
  it("continuation lines and heredocs", () => {
    expect(fixed("FROM ubuntu:24.04\nRUN set -e \\\n && DEBIAN_FRONTEND=noninteractive apt \\\n     install -y curl\n").text).toBe("FROM ubuntu:24.04\nRUN set -e \\\n && DEBIAN_FRONTEND=noninteractive apt-get \\\n     install -y curl\n");
    expect(fixed("FROM ubuntu:24.04\nRUN <<EOF\napt update\nEOF\n").text).toBe("FROM ubuntu:24.04\nRUN <<EOF\napt-get update\nEOF\n");
  });
  it("no fix where apt-get has no such subcommand, nor for exec form", () => {
    for (const dockerfile of [df("apt search jq"), df("apt list --installed"), df("apt"), 'FROM ubuntu:24.04\nRUN ["apt", "install", "-y", "curl"]\n']) {
      const [f] = runRuleOn(rule, { name: dockerfile, dockerfile });
      expect(f?.messageId, dockerfile).toBe("apt");
      expect(f?.fix, dockerfile).toBeUndefined();
    }
  });
});
