import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-latest-tag.js";

ruleTester(rule, {
  valid: [
    { name: "version tag", dockerfile: "FROM alpine:3.20\n" },
    { name: "digest pin without a tag", dockerfile: "FROM alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n" },
    { name: "latest pinned by digest", dockerfile: "FROM alpine:latest@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n" },
    { name: "scratch", dockerfile: "FROM scratch\nCOPY app /app\n" },
    { name: "earlier stage alias", dockerfile: "FROM alpine:3 AS base\nRUN true\nFROM base\nRUN true\n" },
    { name: "earlier stage alias in other case", dockerfile: "FROM alpine:3 AS base\nFROM BASE AS build\nFROM build\n" },
    { name: "scratch as a stage then built on", dockerfile: "FROM scratch AS base\nCOPY a /a\nFROM base\n" },
    { name: "platform flag and a tag", dockerfile: "FROM --platform=$BUILDPLATFORM python:3.11-slim AS build\nFROM build AS run\n" },
    { name: "registry with a port and a tag", dockerfile: "FROM localhost:5000/team/app:1.4.2\n" },
    { name: "variable with a tagged default", dockerfile: "ARG BASE=node:20.11-alpine\nFROM ${BASE}\n" },
    { name: "tag from a variable default", dockerfile: "ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\n" },
    { name: "variable without a default", dockerfile: "ARG BASE_IMAGE\nFROM $BASE_IMAGE\n" },
    { name: "Windows base with a tag", dockerfile: "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n" },
  ],
  invalid: [
    { name: "no tag", dockerfile: "FROM alpine\n", errors: [{ messageId: "noTag", line: 1, column: 6 }] },
    { name: "latest", dockerfile: "FROM alpine:latest\n", errors: [{ messageId: "latest", line: 1, column: 6 }] },
    { name: "registry with a port but no tag", dockerfile: "FROM registry.local:5000/team/app\n", errors: [{ messageId: "noTag", line: 1 }] },
    { name: "after a platform flag", dockerfile: "FROM --platform=linux/amd64 ubuntu AS build\n", errors: [{ messageId: "noTag", line: 1, column: 29 }] },
    { name: "variable defaulting to latest", dockerfile: "ARG TAG=latest\nFROM node:${TAG}\n", errors: [{ messageId: "latest", line: 2 }] },
    { name: "variable defaulting to an untagged image", dockerfile: "ARG BASE=debian\nFROM $BASE AS base\n", errors: [{ messageId: "noTag", line: 2 }] },
    {
      name: "each stage judged on its own",
      dockerfile: "FROM golang AS build\nRUN go build .\nFROM build AS test\nFROM gcr.io/distroless/static:latest\nCOPY --from=build /a /a\n",
      errors: [{ messageId: "noTag", line: 1, object: "Dockerfile/build" }, { messageId: "latest", line: 4, object: "Dockerfile/2" }],
    },
    { name: "a later stage's alias is an image, not a stage", dockerfile: "FROM app\nFROM alpine:3 AS app\n", errors: [{ messageId: "noTag", line: 1 }] },
  ],
});
