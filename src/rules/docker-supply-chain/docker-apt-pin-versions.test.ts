import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-apt-pin-versions.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "pinned with =", dockerfile: df("apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 git=1:2.39.2-1.1") },
    { name: "pinned with a glob version", dockerfile: df("apt-get install -y nginx=1.22.*") },
    { name: "pinned through a variable", dockerfile: 'FROM debian:12.5\nARG V=1\nRUN apt-get install -y "curl=${V}"\n' },
    { name: "package list only known at build time", dockerfile: df("apt-get install -y $PACKAGES $(cat /tmp/pkgs)") },
    { name: "a local .deb file", dockerfile: df("apt-get install -y ./google-chrome-stable_current_amd64.deb /tmp/x.deb") },
    { name: "quoted text is not a command", dockerfile: df("echo 'apt-get install -y curl' > /notes") },
    { name: "install without packages (fix broken)", dockerfile: df("apt-get install -f -y") },
    { name: "option values are not packages", dockerfile: df("apt-get -o Dpkg::Options::=--force-confnew -t bookworm-backports install -y curl=8.0") },
    { name: "apt-get update and remove are not installs", dockerfile: df("apt-get update && apt-get purge -y curl && apt-get autoremove -y") },
    { name: "build-dep names source packages", dockerfile: df("apt-get build-dep -y python3") },
    { name: "exec form, pinned", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "-y", "curl=8.0"]\n' },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get install curl\n' },
    { name: "apk is another rule", dockerfile: "FROM alpine:3.20\nRUN apk add --no-cache curl\n" },
  ],
  invalid: [
    { name: "one unpinned package", dockerfile: df("apt-get install -y curl"), errors: [{ messageId: "unpinned", line: 2, column: 24 }] },
    {
      name: "one finding per command, at the first unpinned package",
      dockerfile: df("apt-get update && apt-get install -y --no-install-recommends git=1:2.39 curl wget"),
      errors: [{ messageId: "unpinned", line: 2, column: 77 }],
    },
    {
      name: "continuation lines and sudo + env wrapper",
      dockerfile: "FROM ubuntu:24.04\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y \\\n      ca-certificates=20240203 \\\n      tzdata\n",
      errors: [{ messageId: "unpinned", line: 5, column: 7 }],
    },
    { name: "a release is not a version", dockerfile: df("apt-get install -y -t bookworm-backports curl/bookworm-backports"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "apt and aptitude too", dockerfile: df("apt install -y curl && aptitude install -y git"), errors: [{ messageId: "unpinned", line: 2, column: 20 }, { messageId: "unpinned", line: 2, column: 48 }] },
    { name: "xargs apt-get install", dockerfile: df("cat pkgs | xargs apt-get install -y vim"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "heredoc script", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\napt-get update\napt-get install -y jq\nEOF\n", errors: [{ messageId: "unpinned", line: 5, column: 20 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "-y", "curl"]\n', errors: [{ messageId: "unpinned", line: 2 }] },
    {
      name: "an earlier build stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN apt-get install -y gcc\nFROM debian:12.5\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "unpinned", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
