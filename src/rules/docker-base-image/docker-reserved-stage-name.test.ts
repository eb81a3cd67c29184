import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-reserved-stage-name.js";

ruleTester(rule, {
  valid: [
    { name: "ordinary alias", dockerfile: "FROM alpine:3.20 AS build\n" },
    { name: "FROM scratch itself", dockerfile: "FROM scratch\nCOPY a /a\n" },
    { name: "scratch as the image with an alias", dockerfile: "FROM scratch AS final\nCOPY a /a\n" },
    { name: "alias containing a reserved word", dockerfile: "FROM alpine:3.20 AS build-context\nFROM alpine:3.20 AS scratchpad\n" },
    { name: "no alias", dockerfile: "FROM alpine:3.20\n" },
  ],
  invalid: [
    { name: "scratch", dockerfile: "FROM alpine:3.20 AS scratch\n", errors: [{ messageId: "reserved", line: 1, column: 21 }] },
    { name: "context", dockerfile: "FROM alpine:3.20 AS base\nFROM node:20 as context\n", errors: [{ messageId: "reserved", line: 2, object: "Dockerfile/context" }] },
    { name: "upper case", dockerfile: "FROM alpine:3.20 AS Scratch\n", errors: [{ messageId: "reserved", line: 1 }] },
  ],
});
