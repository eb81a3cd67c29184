import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-dist-upgrade.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "plain upgrade", dockerfile: df("apt-get update && apt-get upgrade -y") },
    { name: "dnf upgrade and apk upgrade", dockerfile: "FROM fedora:40\nRUN dnf upgrade -y && apk upgrade --no-cache\n" },
    { name: "pacman -Syu is Arch's only supported upgrade", dockerfile: "FROM archlinux:base\nRUN pacman -Syu --noconfirm\n" },
    { name: "quoted text", dockerfile: df("echo 'never run apt-get dist-upgrade here'") },
    { name: "an argument named dist-upgrade", dockerfile: df("echo dist-upgrade && apt-get install -y --only-upgrade openssl") },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN apt-get dist-upgrade\n' },
  ],
  invalid: [
    { name: "apt-get dist-upgrade", dockerfile: df("apt-get update && apt-get dist-upgrade -y"), errors: [{ messageId: "distUpgrade", line: 2, column: 31 }] },
    { name: "options before the subcommand, sudo", dockerfile: df("sudo apt-get -y -o Dpkg::Options::=--force-confold full-upgrade"), errors: [{ messageId: "distUpgrade", line: 2, column: 56 }] },
    { name: "apt full-upgrade", dockerfile: df("apt full-upgrade -y"), errors: [{ messageId: "distUpgrade", line: 2 }] },
    { name: "zypper dup", dockerfile: "FROM opensuse/tumbleweed\nRUN zypper -n dup\n", errors: [{ messageId: "distUpgrade", line: 2, column: 15 }] },
    { name: "dnf distro-sync", dockerfile: "FROM fedora:40\nRUN dnf -y distro-sync\n", errors: [{ messageId: "distUpgrade", line: 2 }] },
    { name: "apk upgrade --available", dockerfile: "FROM alpine:3.20\nRUN apk upgrade --available\n", errors: [{ messageId: "distUpgrade", line: 2 }] },
    { name: "do-release-upgrade", dockerfile: "FROM ubuntu:22.04\nRUN do-release-upgrade -f DistUpgradeViewNonInteractive\n", errors: [{ messageId: "distUpgrade", line: 2, column: 5 }] },
    { name: "continued line", dockerfile: "FROM debian:12.5\nRUN apt-get update \\\n && apt-get \\\n      dist-upgrade -y\n", errors: [{ messageId: "distUpgrade", line: 4, column: 7 }] },
    { name: "heredoc", dockerfile: "FROM debian:12.5\nRUN <<EOF\napt-get update\napt-get dist-upgrade -y\nEOF\n", errors: [{ messageId: "distUpgrade", line: 4, column: 9 }] },
    { name: "exec form", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "dist-upgrade", "-y"]\n', errors: [{ messageId: "distUpgrade", line: 2 }] },
    {
      name: "an earlier build stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN apt-get dist-upgrade -y\nFROM debian:12.5\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "distUpgrade", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
