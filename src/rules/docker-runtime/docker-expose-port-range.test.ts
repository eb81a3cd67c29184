import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-expose-port-range.js";

const df = (expose: string) => `FROM nginx:1.27\nEXPOSE ${expose}\n`;

ruleTester(rule, {
  valid: [
    { name: "ordinary ports", dockerfile: df("80 443/tcp 53/udp") },
    { name: "the extremes", dockerfile: df("0 65535") },
    { name: "a valid range", dockerfile: df("8000-8010/tcp") },
    { name: "unknown variable", dockerfile: df("${PORT}") },
    { name: "variable with a valid default", dockerfile: "FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n" },
    { name: "not a number at all is left to other checks", dockerfile: df("http") },
  ],
  invalid: [
    { name: "one digit too many", dockerfile: df("80 80800"), errors: [{ messageId: "outOfRange", line: 2, column: 11 }] },
    { name: "65536", dockerfile: df("65536/udp"), errors: [{ messageId: "outOfRange", line: 2 }] },
    { name: "range end out of range", dockerfile: df("60000-70000"), errors: [{ messageId: "outOfRange", line: 2 }] },
    { name: "from an ARG default", dockerfile: "FROM nginx:1.27\nARG PORT=99999\nEXPOSE ${PORT}\n", errors: [{ messageId: "outOfRange", line: 3 }] },
    {
      name: "every stage is judged",
      dockerfile: "FROM nginx:1.27 AS a\nEXPOSE 100000\nFROM nginx:1.27\nEXPOSE 80\n",
      errors: [{ messageId: "outOfRange", line: 2, object: "Dockerfile/a" }],
    },
  ],
});
