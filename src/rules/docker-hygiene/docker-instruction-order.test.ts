import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-instruction-order.js";

ruleTester(rule, {
  valid: [
    { name: "FROM first", dockerfile: "FROM alpine:3.20\nRUN true\n" },
    { name: "global ARGs first", dockerfile: "ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG}\n" },
    { name: "comments and directives first", dockerfile: "# syntax=docker/dockerfile:1\n# a comment\n\nFROM alpine:3.20\n" },
    { name: "multi-stage", dockerfile: "ARG V=1\nFROM alpine:3.20 AS a\nLABEL x=y\nFROM alpine:3.20\nCOPY --from=a /x /x\n" },
  ],
  invalid: [
    { name: "LABEL before FROM", dockerfile: 'LABEL maintainer="team@example.com"\nFROM alpine:3.20\n', errors: [{ messageId: "beforeFrom", line: 1, column: 1 }] },
    {
      name: "after a global ARG, reported once for a multi-stage file",
      dockerfile: "ARG V=1\nENV X=1\nRUN true\nFROM alpine:3.20 AS a\nFROM alpine:3.20\n",
      errors: [{ messageId: "beforeFrom", line: 2, object: "Dockerfile/a" }],
    },
    { name: "after comments", dockerfile: "# build me\nMAINTAINER me\nFROM alpine:3.20\n", errors: [{ messageId: "beforeFrom", line: 2 }] },
  ],
});
