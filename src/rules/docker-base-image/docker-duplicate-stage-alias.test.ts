import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-duplicate-stage-alias.js";

ruleTester(rule, {
  valid: [
    { name: "unique aliases", dockerfile: "FROM debian:12 AS build\nRUN make\nFROM debian:12 AS another-alias\nRUN make test\n" },
    { name: "platform flags and unique aliases", dockerfile: "FROM --platform=linux/amd64 node:16 as FOO\nRUN npm install\nFROM --platform=linux/amd64 node:16 as BAR\nUSER nobody\n" },
    { name: "unnamed stages", dockerfile: "FROM alpine:3.20\nFROM alpine:3.20\n" },
    { name: "alias equal to an image name", dockerfile: "FROM node:20 AS node\nFROM node\n" },
  ],
  invalid: [
    {
      name: "the second stage of the name",
      dockerfile: "FROM baseImage\nRUN Test\nFROM debian:jessie AS build\nRUN stuff\nFROM debian:jessie as build\nRUN more_stuff\n",
      errors: [{ messageId: "duplicate", line: 5, column: 23, object: "Dockerfile/build" }],
    },
    {
      name: "case-insensitive",
      dockerfile: "FROM alpine:3.20 AS Build\nFROM alpine:3.20 AS build\n",
      errors: [{ messageId: "duplicate", line: 2 }],
    },
    {
      name: "three stages with one name: two findings",
      dockerfile: "FROM alpine:3.20 AS x\nFROM alpine:3.20 AS x\nFROM alpine:3.20 AS x\n",
      errors: [{ messageId: "duplicate", line: 2 }, { messageId: "duplicate", line: 3 }],
    },
  ],
});
