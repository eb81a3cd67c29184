import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-inline-ignore-used.js";

ruleTester(rule, {
  valid: [
    { name: "no comments", dockerfile: "FROM alpine:3.20\nRUN true\n" },
    { name: "ordinary comments", dockerfile: "# syntax=docker/dockerfile:1\nFROM alpine:3.20\n# ignore the cache here\nRUN true\n" },
    { name: "hadolint shell pragma is not a suppression", dockerfile: "# hadolint shell=powershell\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n" },
    { name: "text in RUN is not a comment", dockerfile: "FROM alpine:3.20\nRUN echo '# hadolint ignore=DL3008'\n" },
  ],
  invalid: [
    {
      name: "hadolint ignore above RUN",
      dockerfile: "FROM debian:12.5\n# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n",
      errors: [{ messageId: "ignore", line: 3 }],
    },
    {
      name: "hadolint ignore on the first line is read as a parser directive",
      dockerfile: "# hadolint ignore=DL3006\nFROM debian\n",
      errors: [{ messageId: "ignore", line: 2 }],
    },
    {
      name: "hadolint global ignore later in the file",
      dockerfile: "FROM debian:12.5\n\n# hadolint global ignore=DL3003\nRUN true\n",
      errors: [{ messageId: "ignore", line: 4 }],
    },
    {
      name: "checkov skip",
      dockerfile: "FROM debian:12.5\n#checkov:skip=CKV_DOCKER_2:no healthcheck needed\nRUN true\n",
      errors: [{ messageId: "ignore", line: 3 }],
    },
    { name: "trivy ignore", dockerfile: "FROM debian:12.5\n# trivy:ignore:AVD-DS-0002\nUSER root\n", errors: [{ messageId: "ignore", line: 3 }] },
    {
      name: "shipshape ignore with and without reason",
      dockerfile: "FROM debian:12.5\n# shipshape ignore=docker-user-root needs root to bind\nUSER root\n# shipshape ignore=docker-x\nRUN true\n",
      errors: [{ messageId: "ignore", line: 3 }, { messageId: "noReason", line: 5 }],
    },
    {
      name: "after the last instruction, reported on it",
      dockerfile: "FROM debian:12.5\nRUN true\n# shipshape ignore-file=docker-x reviewed by sec team\n",
      errors: [{ messageId: "ignore", line: 2 }],
    },
    {
      name: "multi-stage: each reported once, by its own stage",
      dockerfile: "FROM golang:1.22 AS build\n# hadolint ignore=DL3003\nRUN cd x\nFROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n",
      errors: [{ messageId: "ignore", line: 3, object: "Dockerfile/build" }, { messageId: "ignore", line: 6, object: "Dockerfile/1" }],
    },
    {
      name: "shipshape ignore on the first line (read as a parser directive)",
      dockerfile: "# shipshape ignore=docker-x reviewed\nFROM debian:12.5\n",
      errors: [{ messageId: "ignore", line: 2 }],
    },
    { name: "kics ignore-line", dockerfile: "FROM debian:12.5\n# kics-scan ignore-line\nUSER root\n", errors: [{ messageId: "ignore", line: 3 }] },
    {
      name: "before the first FROM, reported once by the first stage",
      dockerfile: "ARG V=1\n\n# hadolint ignore=DL3006\nFROM debian AS a\nFROM debian\n",
      errors: [{ messageId: "ignore", line: 4, object: "Dockerfile/a" }],
    },
  ],
});
