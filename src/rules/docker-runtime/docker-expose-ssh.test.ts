import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-expose-ssh.js";

const df = (expose: string) => `FROM debian:12.5\nEXPOSE ${expose}\n`;

ruleTester(rule, {
  valid: [
    { name: "web port only", dockerfile: df("8080") },
    { name: "port 2222 is not 22", dockerfile: df("2222 220 8022") },
    { name: "udp 22 is not SSH", dockerfile: df("22/udp") },
    { name: "a range without 22", dockerfile: df("8000-8010") },
    { name: "unknown variable is skipped", dockerfile: df("${PORT}") },
    { name: "ARG default that is not 22", dockerfile: "FROM debian:12.5\nARG PORT=8080\nEXPOSE ${PORT}\n" },
    { name: "22 exposed only in a build stage the image does not build on", dockerfile: "FROM debian:12.5 AS build\nEXPOSE 22\nFROM debian:12.5\nEXPOSE 80\n" },
    { name: "ENV in a later stage is not visible to an earlier one", dockerfile: "FROM debian:12.5\nEXPOSE $P\nENV P=22\n" },
    { name: "sshPorts configured without 22", dockerfile: df("22"), params: { sshPorts: [2222] } },
    { name: "ONBUILD EXPOSE belongs to child images", dockerfile: "FROM debian:12.5\nONBUILD EXPOSE 22\n" },
  ],
  invalid: [
    { name: "EXPOSE 8080 22", dockerfile: df("8080 22"), errors: [{ messageId: "port", line: 2, column: 13 }] },
    { name: "EXPOSE 22/tcp", dockerfile: df("22/tcp"), errors: [{ messageId: "port", line: 2, column: 8 }] },
    { name: "upper-case protocol", dockerfile: df("22/TCP"), errors: [{ messageId: "port", line: 2 }] },
    { name: "a range including 22", dockerfile: df("20-30"), errors: [{ messageId: "range", line: 2 }] },
    { name: "quoted port", dockerfile: df('"22"'), errors: [{ messageId: "port", line: 2 }] },
    { name: "ARG default 22", dockerfile: "FROM debian:12.5\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n", errors: [{ messageId: "port", line: 3 }] },
    { name: "default in ${VAR:-22}", dockerfile: df("${SSH_PORT:-22}"), errors: [{ messageId: "port", line: 2 }] },
    { name: "global ARG redeclared in the stage", dockerfile: "ARG P=22\nFROM debian:12.5\nARG P\nEXPOSE $P\n", errors: [{ messageId: "port", line: 4 }] },
    { name: "ENV holding several ports", dockerfile: 'FROM debian:12.5\nENV PORTS="80 22"\nEXPOSE $PORTS\n', errors: [{ messageId: "port", line: 3 }] },
    {
      name: "inherited from the stage the final stage builds on, ENV too",
      dockerfile: "FROM debian:12.5 AS base\nENV P=22\nEXPOSE 22\nFROM base\nEXPOSE $P\n",
      errors: [{ messageId: "port", line: 3, object: "Dockerfile/1" }, { messageId: "port", line: 5, object: "Dockerfile/1" }],
    },
    { name: "configured SSH port", dockerfile: df("80 2222"), params: { sshPorts: [22, 2222] }, errors: [{ messageId: "port", line: 2, column: 11 }] },
    { name: "continuation line", dockerfile: "FROM debian:12.5\nEXPOSE 80 \\\n  22\n", errors: [{ messageId: "port", line: 3, column: 3 }] },
  ],
});
