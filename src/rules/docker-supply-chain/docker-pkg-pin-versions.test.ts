import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-pkg-pin-versions.js";

const alpine = (run: string) => `FROM alpine:3.20\nRUN ${run}\n`;
const py = (run: string) => `FROM python:3.12.4-slim\nRUN ${run}\n`;
const node = (run: string) => `FROM node:20.14.0\nRUN ${run}\n`;
const rhel = (run: string) => `FROM rockylinux:9.3\nRUN ${run}\n`;
const go = (run: string) => `FROM golang:1.22.4\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "apk pinned, option values skipped", dockerfile: alpine("apk add --no-cache --virtual .build-deps -X http://x/edge gcc=13.2.1-r0 'musl-dev~1.2'") },
    { name: "apk add with only a virtual name and no packages", dockerfile: alpine("apk add --no-cache -t .deps") },
    { name: "pip pinned forms", dockerfile: py('pip install --no-cache-dir requests==2.32.3 "flask[async]~=3.0" "numpy>=1.26,<2" django===5.0.6') },
    { name: "pip from requirements, local paths, URLs, wheels", dockerfile: py("pip install -r requirements.txt -c constraints.txt . ./lib /wheels/x-1.0-py3-none-any.whl git+https://github.com/o/r@v1 -e ./src") },
    { name: "python -m pip pinned, and other modules", dockerfile: py("python3 -m pip install --user poetry==1.8.3 && python -m venv /venv && python -c 'pip install x'") },
    { name: "pip package list only known at build time", dockerfile: py('pip install $PACKAGES "flask==${FLASK_VERSION}"') },
    { name: "pip download and uninstall", dockerfile: py("pip uninstall -y setuptools && pip download requests") },
    { name: "npm ci and bare install read the lock file", dockerfile: node("npm ci --omit dev && npm install && yarn install --frozen-lockfile && yarn && pnpm install") },
    { name: "npm pinned and ranges with a major", dockerfile: node("npm install -g typescript@5.4.5 @angular/cli@^17.3.0 pm2@~5.3 && yarn global add serve@14.2.3") },
    { name: "npm local and git sources", dockerfile: node("npm install ./pkg file:../x owner/repo git+https://github.com/o/r.git x.tgz") },
    { name: "rpm pinned forms", dockerfile: rhel("dnf install -y --setopt=tsflags=nodocs nginx-1.24.0 httpd-2.4.57-5.el9.x86_64 nodejs-1:18.19.0-1 && yum install -y gcc-toolset-12 ./x.rpm @development") },
    { name: "yum groupinstall and dnf module install", dockerfile: rhel("yum groupinstall -y 'Development Tools' && dnf module install -y nodejs:20") },
    { name: "microdnf pinned", dockerfile: rhel("microdnf install -y shadow-utils-4.9-8.el9") },
    { name: "zypper pinned", dockerfile: "FROM opensuse/leap:15.6\nRUN zypper --non-interactive install -y curl=8.6.0 'git>=2.43' vim-9.1.0330 && zypper in -t pattern devel_basis\n" },
    { name: "gem pinned with -v or name:version, build args after --", dockerfile: "FROM ruby:3.3.3\nRUN gem install bundler -v 2.5.11 && gem install rails:7.1.3 && gem install mysql2:0.5.6 -- --with-mysql-dir=/usr\n" },
    { name: "go install with a version, go install from go.mod", dockerfile: go("go install golang.org/x/tools/gopls@v0.16.0 && go install ./cmd/... && go install && go get -d -v ./... && go install github.com/o/r@8a3f2c1") },
    { name: "apt is the other rule", dockerfile: "FROM debian:12.5\nRUN apt-get install -y curl\n" },
    { name: "pacman has no version pins", dockerfile: "FROM archlinux:base\nRUN pacman -Syu --noconfirm git\n" },
    { name: "quoted text is not a command", dockerfile: py("echo 'pip install requests' >> /notes") },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install requests\n' },
  ],
  invalid: [
    { name: "apk add unpinned", dockerfile: alpine("apk add --no-cache curl=8.5.0-r0 git"), errors: [{ messageId: "unpinned", line: 2, column: 38 }] },
    { name: "apk --update add", dockerfile: alpine("apk --update add bash"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "pip install unpinned", dockerfile: py("pip install --no-cache-dir requests"), errors: [{ messageId: "unpinned", line: 2, column: 32 }] },
    { name: "pip >= is not a pin", dockerfile: py('pip3 install "django>=4"'), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "pip install --upgrade pip", dockerfile: py("pip install --upgrade pip setuptools==70.0.0"), errors: [{ messageId: "unpinned", line: 2, column: 27 }] },
    {
      name: "python -m pip behind sudo in a continued chain",
      dockerfile: "FROM ubuntu:24.04\nRUN apt-get update \\\n && sudo -H python3 -m pip install \\\n      flask\n",
      errors: [{ messageId: "unpinned", line: 4, column: 7 }],
    },
    { name: "npm -g without a version and @latest", dockerfile: node("npm install -g npm@latest @nestjs/cli"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "yarn global add", dockerfile: node("yarn global add --prefix /usr/local serve"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "npm option value is not a package, the package is", dockerfile: node("npm i --loglevel warn -g nodemon"), errors: [{ messageId: "unpinned", line: 2, column: 30 }] },
    { name: "dnf and yum unpinned names", dockerfile: rhel("dnf install -y --enablerepo crb java-17-openjdk-devel && yum -y install python3-pip"), errors: [{ messageId: "unpinned", line: 2, column: 37 }, { messageId: "unpinned", line: 2 }] },
    { name: "microdnf", dockerfile: rhel("microdnf install -y tar gzip"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "zypper in", dockerfile: "FROM opensuse/leap:15.6\nRUN zypper -n in curl\n", errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "gem install without -v", dockerfile: "FROM ruby:3.3.3\nRUN gem install bundler --no-document\n", errors: [{ messageId: "unpinned", line: 2, column: 17 }] },
    { name: "go install @latest", dockerfile: go("go install github.com/go-delve/delve/cmd/dlv@latest"), errors: [{ messageId: "unpinned", line: 2 }] },
    { name: "go get without a version", dockerfile: go("go get -u github.com/golang/dep/cmd/dep"), errors: [{ messageId: "unpinned", line: 2, column: 15 }] },
    { name: "heredoc script", dockerfile: "FROM python:3.12.4-slim\nRUN <<EOF\npip install gunicorn\nEOF\n", errors: [{ messageId: "unpinned", line: 3, column: 13 }] },
    { name: "exec form", dockerfile: 'FROM python:3.12.4-slim\nRUN ["pip", "install", "gunicorn"]\n', errors: [{ messageId: "unpinned", line: 2 }] },
    {
      name: "an earlier build stage",
      dockerfile: "FROM node:20.14.0 AS build\nRUN npm install -g pnpm\nFROM node:20.14.0\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "unpinned", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
