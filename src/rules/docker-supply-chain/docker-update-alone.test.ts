import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-update-alone.js";

const df = (...runs: string[]) => `FROM debian:12.5\n${runs.map((r) => `RUN ${r}\n`).join("")}`;

ruleTester(rule, {
  valid: [
    { name: "update and install in one RUN", dockerfile: df("apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*") },
    { name: "apt update then apt-get install (one family)", dockerfile: df("apt update && apt-get install -y curl") },
    { name: "update then upgrade uses the index", dockerfile: df("apt-get update && apt-get upgrade -y") },
    { name: "apk update then apk upgrade (checkov fixture)", dockerfile: "FROM alpine:3.20\nRUN apk update --no-cache && apk upgrade --no-cache\n" },
    { name: "apk --update add", dockerfile: "FROM alpine:3.20\nRUN apk --update add moo\n" },
    { name: "yum makecache with install", dockerfile: "FROM rockylinux:9.3\nRUN yum makecache && yum install -y tar\n" },
    { name: "yum update upgrades packages, it is not an index refresh", dockerfile: "FROM rockylinux:9.3\nRUN yum update -y\n" },
    { name: "update-locale and quoted text are not index updates", dockerfile: df("update-locale LANG=en_US.UTF-8 && echo 'apt-get update' > /notes") },
    { name: "install inside a sh -c string of the same RUN", dockerfile: df("apt-get update && sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y curl'") },
    { name: "apt-get source uses the index", dockerfile: df("apt-get update && apt-get source --compile hello") },
    { name: "a script of the RUN may install", dockerfile: df("apt-get update && ./install-deps.sh", "apt-get update && bash -e /tmp/setup.sh") },
    { name: "heredoc with update and install", dockerfile: "FROM debian:12.5\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n" },
    { name: "pacman -Sy with packages", dockerfile: "FROM archlinux:base\nRUN pacman -Sy --noconfirm git\n" },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get update\n' },
  ],
  invalid: [
    { name: "apt-get update alone", dockerfile: df("apt-get update", "apt-get install -y curl"), errors: [{ messageId: "alone", line: 2, column: 13 }] },
    { name: "apk update alone (checkov fixture)", dockerfile: "FROM base\n\nRUN apk update", errors: [{ messageId: "alone", line: 3 }] },
    { name: "update with sudo and || true", dockerfile: df("sudo apt-get -qq update || true"), errors: [{ messageId: "alone", line: 2, column: 22 }] },
    { name: "an install of another manager does not use the apt index", dockerfile: df("apt-get update && pip install requests==2.32.3"), errors: [{ messageId: "alone", line: 2 }] },
    {
      name: "one per RUN, only the RUNs without install",
      dockerfile: "FROM base:1\n\nRUN apt install first \\\n&& apt update first\nRUN apt update second\nRUN apt update third\n",
      errors: [{ messageId: "alone", line: 5 }, { messageId: "alone", line: 6 }],
    },
    { name: "dnf makecache and zypper refresh", dockerfile: "FROM fedora:40\nRUN dnf makecache && zypper --non-interactive refresh\n", errors: [{ messageId: "alone", line: 2, column: 9 }, { messageId: "alone", line: 2, column: 47 }] },
    { name: "pacman -Sy without packages", dockerfile: "FROM archlinux:base\nRUN pacman -Sy\n", errors: [{ messageId: "alone", line: 2 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "update"]\n', errors: [{ messageId: "alone", line: 2 }] },
    { name: "a program from /usr/bin is not a script", dockerfile: df("apt-get update && /usr/bin/env | sort"), errors: [{ messageId: "alone", line: 2 }] },
    { name: "continued line", dockerfile: "FROM debian:12.5\nRUN set -eux; \\\n    apt-get update; \\\n    echo done\n", errors: [{ messageId: "alone", line: 3, column: 13 }] },
    {
      name: "an earlier build stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN apt-get update\nFROM debian:12.5\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "alone", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
