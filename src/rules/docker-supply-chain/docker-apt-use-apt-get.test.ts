import { ruleTester } from "../../testing/rule-tester.js";
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
