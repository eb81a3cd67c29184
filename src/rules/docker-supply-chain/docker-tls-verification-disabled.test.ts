import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-tls-verification-disabled.js";

const df = (run: string) => `FROM debian:12.5\nRUN ${run}\n`;

ruleTester(rule, {
  valid: [
    { name: "plain curl", dockerfile: df("curl -fsSL -o /tmp/a https://x/a") },
    { name: "curl -o value holding a k", dockerfile: df("curl -ok.tgz https://x/k.tgz") },
    { name: "curl -H value glued", dockerfile: df("curl -Hkey:1 https://x") },
    { name: "-k belongs to grep, not curl", dockerfile: df("curl https://x | grep -k lol") },
    { name: "quoted option is only text", dockerfile: df('wget https://x && echo "--no-check-certificate --insecure --trusted-host"') },
    { name: "pip without trusted-host", dockerfile: df("pip install --no-cache-dir checkov==3.2.0") },
    { name: "NODE_TLS_REJECT_UNAUTHORIZED=1", dockerfile: "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN NODE_TLS_REJECT_UNAUTHORIZED='0\\'' node x.js\n" },
    { name: "similar variable names", dockerfile: "FROM node:20\nENV ASDFNODE_TLS_REJECT_UNAUTHORIZED=0 GIT_SSL_NO_VERIFYX=1\nARG PYTHONHTTPSVERIFYLOL=0\n" },
    { name: "ARG without a default is not set", dockerfile: "FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY\n" },
    { name: "unset GIT_SSL_NO_VERIFY", dockerfile: df("unset GIT_SSL_NO_VERIFY && git clone https://x/r.git") },
    { name: "strict-ssl true and unrelated false", dockerfile: "FROM node:20\nRUN npm config set strict-ssl true || false\nRUN npm install strict-ssl false\nRUN npm config get strict-ssl\nRUN yarn config set audit false\n" },
    { name: "git config sslVerify true", dockerfile: df("git config --global http.sslVerify true") },
    { name: "yum setopt other options", dockerfile: "FROM rockylinux:9\nRUN yum-config-manager --save --setopt=sslverify=1 --setopt=install_weak_deps=False\nRUN yum-config-manager --save --setopt=x=0 && echo \"--setopt=sslverify=0\"\n" },
    { name: "exec form is not parsed", dockerfile: 'FROM debian:12.5\nRUN ["curl", "-k", "https://x"]\n' },
    { name: "PowerShell stage", dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN curl.exe -k https://x -o x.zip\n' },
    { name: "curlrc without insecure", dockerfile: df("echo 'retry = 3' >> ~/.curlrc") },
  ],
  invalid: [
    { name: "curl -k", dockerfile: df("curl -k https://x"), errors: [{ messageId: "option", line: 2, column: 10 }] },
    { name: "curl combined -Lkv", dockerfile: df("curl -Lkv https://x"), errors: [{ messageId: "option", line: 2, column: 10 }] },
    { name: "curl --insecure on a continuation line", dockerfile: "FROM debian:12.5\nRUN curl \\\n    --insecure \\\n    https://x\n", errors: [{ messageId: "option", line: 3, column: 5 }] },
    { name: "sudo curl --proxy-insecure after &&", dockerfile: df("echo -n -Lv x && sudo curl --proxy-insecure https://x"), errors: [{ messageId: "option", line: 2 }] },
    { name: "wget --no-check-certificate", dockerfile: df("wget --no-progress --no-check-certificate -O a https://x"), errors: [{ messageId: "option", line: 2 }] },
    {
      name: "pip and python -m pip --trusted-host",
      dockerfile: "FROM python:3.12\nRUN pip install x --trusted-host pypi.org\nRUN python3 -m pip --trusted-host=pypi.org install y\n",
      errors: [{ messageId: "option", line: 2, column: 19 }, { messageId: "option", line: 3 }],
    },
    {
      name: "ENV and ARG variables in every spelling",
      dockerfile: "FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nENV LOL=1 PYTHONHTTPSVERIFY=\"0\"\nARG npm_config_strict_ssl=false\nENV PIP_TRUSTED_HOST=pypi.org\nENV GIT_SSL_NO_VERIFY=0\n",
      errors: [
        { messageId: "variable", line: 2 },
        { messageId: "variable", line: 3, column: 11 },
        { messageId: "variable", line: 4 },
        { messageId: "variable", line: 5 },
        { messageId: "variable", line: 6 },
      ],
    },
    {
      name: "RUN assignments, export and env",
      dockerfile: "FROM node:20\nRUN A=1 NODE_TLS_REJECT_UNAUTHORIZED='0' node x.js\nRUN cd /x && export GIT_SSL_NO_VERIFY=true \\\n && git clone https://x/r.git\nRUN env NPM_CONFIG_STRICT_SSL=false npm ci\n",
      errors: [{ messageId: "variable", line: 2 }, { messageId: "variable", line: 3 }, { messageId: "variable", line: 5 }],
    },
    { name: "stage ARG takes the global default", dockerfile: "ARG PYTHONHTTPSVERIFY=0\nFROM python:3.12\nARG PYTHONHTTPSVERIFY\n", errors: [{ messageId: "variable", line: 3 }] },
    {
      name: "npm and yarn strict-ssl settings",
      dockerfile: "FROM node:20\nRUN npm config set strict-ssl false -g\nRUN yarn config set 'strict-ssl'=\"false\"\nRUN npm set strict-ssl false && npm i\nRUN npm install --strict-ssl=false\n",
      errors: [{ messageId: "setting", line: 2 }, { messageId: "setting", line: 3 }, { messageId: "setting", line: 4 }, { messageId: "option", line: 5 }],
    },
    {
      name: "npm config set inside an if block",
      dockerfile: "FROM node:20\nRUN set -eux \\\n    && if [ -n \"$P\" ]; then \\\n          npm config set strict-ssl  false; \\\n        fi\n",
      errors: [{ messageId: "setting", line: 4 }],
    },
    {
      name: "git config and git -c",
      dockerfile: "FROM alpine:3.20\nRUN git config --global http.sslVerify false\nRUN git -c http.sslverify=0 clone https://x/r.git\nRUN git config --global http.https://x.example.sslVerify no\n",
      errors: [{ messageId: "setting", line: 2 }, { messageId: "setting", line: 3 }, { messageId: "setting", line: 4 }],
    },
    {
      name: "yum and dnf sslverify",
      dockerfile: "FROM rockylinux:9\nRUN yum-config-manager --save --setopt=\\*.sslverify=0\nRUN dnf config-manager --setopt=\"epel.sslverify=False\" --save\nRUN dnf --setopt=sslverify=no install -y x\n",
      errors: [{ messageId: "setting", line: 2 }, { messageId: "setting", line: 3 }, { messageId: "setting", line: 4 }],
    },
    { name: "apt Verify-Peer", dockerfile: df("apt-get -o Acquire::https::Verify-Peer=false update"), errors: [{ messageId: "setting", line: 2 }] },
    { name: "conda ssl_verify", dockerfile: "FROM continuumio/miniconda3:24.1.2-0\nRUN conda config --set ssl_verify false\n", errors: [{ messageId: "setting", line: 2 }] },
    {
      name: "config files written by echo, tee and COPY heredoc",
      dockerfile:
        "FROM debian:12.5\nRUN echo insecure >> ~/.curlrc\nRUN echo 'check_certificate = off' | tee -a /etc/wgetrc\nCOPY <<EOF /etc/pip.conf\n[global]\ntrusted-host = pypi.org\nEOF\n",
      errors: [{ messageId: "configFile", line: 2 }, { messageId: "configFile", line: 3 }, { messageId: "configFile", line: 5 }],
    },
    { name: "in a heredoc RUN", dockerfile: "FROM debian:12.5\nRUN <<EOF\nset -e\ncurl -k https://x\nEOF\n", errors: [{ messageId: "option", line: 4, column: 6 }] },
    { name: "ONBUILD RUN", dockerfile: "FROM debian:12.5\nONBUILD RUN wget --no-check-certificate https://x\n", errors: [{ messageId: "option", line: 2 }] },
    {
      name: "in a build stage, reported on that stage",
      dockerfile: "FROM debian:12.5 AS build\nRUN curl -k -o /a https://x\nFROM debian:12.5\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "option", line: 2, object: "Dockerfile/build" }],
    },
    { name: "ENV in a Windows image still counts", dockerfile: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", errors: [{ messageId: "variable", line: 2 }] },
  ],
});
