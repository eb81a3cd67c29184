import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-from-platform.js";

ruleTester(rule, {
  valid: [
    { name: "no flag", dockerfile: "FROM alpine:3.20\n" },
    { name: "BUILDPLATFORM for a cross-compiling stage", dockerfile: "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM alpine:3.20\n" },
    { name: "BUILDPLATFORM in braces", dockerfile: "FROM --platform=${BUILDPLATFORM} golang:1.22 AS build\n" },
    { name: "a build argument", dockerfile: "ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n" },
    { name: "other flags", dockerfile: "FROM alpine:3.20 AS base\n" },
  ],
  invalid: [
    { name: "fixed platform", dockerfile: "FROM --platform=linux/amd64 alpine:3.20\n", errors: [{ messageId: "fixed", line: 1, column: 6 }] },
    { name: "TARGETPLATFORM", dockerfile: "FROM --platform=$TARGETPLATFORM alpine:3.20\n", errors: [{ messageId: "redundant", line: 1 }] },
    { name: "TARGETPLATFORM in braces", dockerfile: "FROM --platform=${TARGETPLATFORM} alpine:3.20\n", errors: [{ messageId: "redundant", line: 1 }] },
    {
      name: "each stage",
      dockerfile: "FROM --platform=linux/arm64 node:20 AS FOO\nRUN npm ci\nFROM --platform=linux/amd64 node:20 AS BAR\n",
      errors: [{ messageId: "fixed", line: 1, object: "Dockerfile/FOO" }, { messageId: "fixed", line: 3, object: "Dockerfile/BAR" }],
    },
    { name: "Windows platform", dockerfile: "FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\n", errors: [{ messageId: "fixed", line: 1 }] },
  ],
});
