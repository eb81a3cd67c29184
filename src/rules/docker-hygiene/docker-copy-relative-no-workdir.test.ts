import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-copy-relative-no-workdir.js";

ruleTester(rule, {
  valid: [
    { name: "WORKDIR before COPY", dockerfile: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n" },
    { name: "absolute destination", dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt /app/\n" },
    { name: "variable destination", dockerfile: "FROM python:3.12-slim\nCOPY app $APP_HOME/\n" },
    { name: "quoted absolute destination", dockerfile: 'FROM python:3.12-slim\nCOPY a "/opt/app/"\n' },
    { name: "JSON form absolute", dockerfile: 'FROM python:3.12-slim\nCOPY ["a b", "/app/"]\n' },
    { name: "Windows destination", dockerfile: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\\\n" },
    { name: "WORKDIR inherited from the stage it builds on", dockerfile: "FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY . .\n" },
    { name: "heredoc with absolute destination", dockerfile: "FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n" },
    { name: "ADD is not COPY", dockerfile: "FROM alpine:3.20\nADD a.tar.gz .\n" },
    { name: "JSON form after --from with Windows paths", dockerfile: String.raw`FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY --from=golang:1.26.7-windowsservercore-ltsc2022 ["C:\\Program Files\\Go","C:\\Program Files\\Go"]
` },
  ],
  invalid: [
    { name: "COPY . . without WORKDIR", dockerfile: "FROM python:3.12-slim\nCOPY . .\n", errors: [{ messageId: "relative", line: 2, column: 8 }] },
    {
      name: "only COPYs before the WORKDIR",
      dockerfile: "FROM python:3.12-slim\nCOPY requirements.txt app/\nWORKDIR /app\nCOPY . .\n",
      errors: [{ messageId: "relative", line: 2, column: 23 }],
    },
    { name: "relative with --chown flag", dockerfile: "FROM node:20\nCOPY --chown=node:node package.json ./\n", errors: [{ messageId: "relative", line: 2 }] },
    { name: "JSON form relative", dockerfile: 'FROM node:20\nCOPY ["package.json", "./"]\n', errors: [{ messageId: "relative", line: 2 }] },
    { name: "heredoc to a relative path", dockerfile: "FROM alpine:3.20\nCOPY <<EOF app.conf\nk=v\nEOF\n", errors: [{ messageId: "relative", line: 2 }] },
    {
      name: "WORKDIR of another, unrelated stage does not count",
      dockerfile: "FROM node:20 AS build\nWORKDIR /src\nFROM nginx:1.27\nCOPY --from=build /src/dist html/\n",
      errors: [{ messageId: "relative", line: 4, object: "Dockerfile/1" }],
    },
  ],
});
