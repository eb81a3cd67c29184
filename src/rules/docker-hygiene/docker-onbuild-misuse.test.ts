import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-onbuild-misuse.js";

ruleTester(rule, {
  valid: [
    { name: "ONBUILD COPY", dockerfile: "FROM node:20\nWORKDIR /app\nONBUILD COPY package.json /app/\nONBUILD RUN npm ci\n" },
    { name: "ONBUILD RUN mentioning FROM", dockerfile: "FROM node:20\nONBUILD RUN echo FROM ONBUILD MAINTAINER\n" },
    { name: "MAINTAINER outside ONBUILD is another matter", dockerfile: "FROM node:20\nMAINTAINER someone\n" },
    { name: "ONBUILD without an instruction", dockerfile: "FROM node:20\nONBUILD\n" },
  ],
  invalid: [
    { name: "ONBUILD FROM", dockerfile: "FROM node:20\nONBUILD FROM node:20\n", errors: [{ messageId: "forbidden", line: 2, column: 9 }] },
    { name: "ONBUILD ONBUILD", dockerfile: "FROM node:20\nONBUILD ONBUILD RUN x\n", errors: [{ messageId: "forbidden", line: 2, column: 9 }] },
    { name: "lower-case ONBUILD maintainer", dockerfile: "FROM node:20\nonbuild maintainer me@example.com\n", errors: [{ messageId: "forbidden", line: 2 }] },
    {
      name: "in an earlier stage, next to a valid one",
      dockerfile: "FROM node:20 AS base\nONBUILD RUN npm ci\nONBUILD FROM x\nFROM base\n",
      errors: [{ messageId: "forbidden", line: 3, object: "Dockerfile/base" }],
    },
  ],
});
