import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-unsigned-packages.js";

const deb = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "apt-get install", dockerfile: deb("apt-get update && apt-get install -y --no-install-recommends curl") },
    { name: "quoted options are only text", dockerfile: deb('apt-get install -y x | grep "--allow-unauthenticated" && echo "--force-yes --nogpgcheck"') },
    { name: "apk index of local packages", dockerfile: "FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/p/APKINDEX.tar.gz /tmp/p/*.apk\n" },
    {
      name: "apk add of packages built in a build stage",
      dockerfile: "FROM alpine:3.20\nRUN --mount=type=bind,target=/tmp/p,source=/tmp/p,from=builder \\\n    apk add --no-cache --allow-untrusted /tmp/p/nginx-module-*.apk\n",
    },
    { name: "local file: APT repository marked trusted", dockerfile: deb('echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list') },
    { name: "APT source with signed-by", dockerfile: deb('echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://x.example/apt stable main" > /etc/apt/sources.list.d/x.list') },
    { name: "rpm query with --nodigest", dockerfile: "FROM fedora:40\nRUN rpm -qa --nodigest --nosignature\n" },
    { name: "rpm install with checks", dockerfile: "FROM fedora:40\nRUN rpm -ivh x.rpm && rpm -V x\n" },
    { name: "gpgcheck=1 and repo_gpgcheck=0", dockerfile: "FROM rockylinux:9\nRUN dnf --setopt=gpgcheck=1 --setopt=repo_gpgcheck=0 install -y x\n" },
    { name: "exec form is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["apt-get", "install", "--force-yes", "x"]\n' },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN choco install -y --allow-unauthenticated git\n' },
  ],
  invalid: [
    { name: "apt-get --allow-unauthenticated", dockerfile: deb("apt-get install -y --allow-unauthenticated python3"), errors: [{ messageId: "option", line: 2, column: 24 }] },
    { name: "sudo apt-get --force-yes after &&", dockerfile: deb('echo "x" && sudo apt-get --force-yes install python3'), errors: [{ messageId: "option", line: 2 }] },
    { name: "apt-get option on a continuation line", dockerfile: "FROM debian:12.5\nRUN apt-get \\\n    install python3 \\\n    --allow-unauthenticated\n", errors: [{ messageId: "option", line: 4, column: 5 }] },
    { name: "apt-get -o AllowUnauthenticated", dockerfile: deb("apt-get -o APT::Get::AllowUnauthenticated=true install -y x"), errors: [{ messageId: "setting", line: 2 }] },
    { name: "apt-get update --allow-insecure-repositories", dockerfile: deb("apt-get update --allow-insecure-repositories"), errors: [{ messageId: "option", line: 2 }] },
    { name: "apk --allow-untrusted", dockerfile: "FROM alpine:3.20\nRUN apk --allow-untrusted add python3\n", errors: [{ messageId: "option", line: 2, column: 9 }] },
    { name: "apk add of a file downloaded in the same RUN", dockerfile: "FROM alpine:3.20\nRUN wget -O /tmp/x.apk https://x/x.apk && apk add --allow-untrusted /tmp/x.apk\n", errors: [{ messageId: "option", line: 2 }] },
    {
      name: "yum, dnf, tdnf, microdnf --nogpgcheck",
      dockerfile: "FROM fedora:40\nRUN yum install -y --nogpgcheck a\nRUN dnf --nogpgcheck install b\nRUN tdnf install -y ${package} --nogpgcheck && tdnf clean all\nRUN microdnf install --nogpgcheck c\n",
      errors: [{ messageId: "option", line: 2 }, { messageId: "option", line: 3 }, { messageId: "option", line: 4 }, { messageId: "option", line: 5 }],
    },
    { name: "zypper --no-gpg-checks", dockerfile: "FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y x\n", errors: [{ messageId: "option", line: 2 }] },
    { name: "dnf --setopt gpgcheck=0", dockerfile: "FROM fedora:40\nRUN dnf --setopt=\\*.gpgcheck=0 install -y x\n", errors: [{ messageId: "setting", line: 2 }] },
    {
      name: "rpm install without signature checks",
      dockerfile: "FROM fedora:40\nRUN rpm -i --nodigest --nosignature x.rpm\nRUN rpm \\\n    -Uvh x.rpm \\\n    --noverify\n",
      errors: [{ messageId: "option", line: 2 }, { messageId: "option", line: 5 }],
    },
    { name: "dpkg --force-bad-verify", dockerfile: deb("dpkg -i --force-bad-verify x.deb"), errors: [{ messageId: "option", line: 2 }] },
    {
      name: "network APT source marked trusted",
      dockerfile: 'FROM debian:12.5\nRUN echo "deb [trusted=yes] http://repo.example.com/apt ./" > /etc/apt/sources.list.d/x.list\nRUN add-apt-repository "deb [trusted=yes] https://x.example/apt stable main"\n',
      errors: [{ messageId: "trustedSource", line: 2 }, { messageId: "trustedSource", line: 3 }],
    },
    {
      name: "gpgcheck=0 in a repo file from a COPY heredoc and echo",
      dockerfile: "FROM rockylinux:9\nCOPY <<EOF /etc/yum.repos.d/x.repo\n[x]\nbaseurl=https://x\ngpgcheck=0\nEOF\nRUN echo 'gpgcheck=0' >> /etc/dnf/dnf.conf\n",
      errors: [{ messageId: "configFile", line: 3 }, { messageId: "configFile", line: 7 }],
    },
    { name: "in a heredoc RUN", dockerfile: "FROM debian:12.5\nRUN <<EOF\napt-get update\napt-get install -y --force-yes x\nEOF\n", errors: [{ messageId: "option", line: 4, column: 20 }] },
    {
      name: "in a build stage",
      dockerfile: "FROM fedora:40 AS build\nRUN dnf install -y --nogpgcheck gcc\nFROM scratch\nCOPY --from=build /x /x\n",
      errors: [{ messageId: "option", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
