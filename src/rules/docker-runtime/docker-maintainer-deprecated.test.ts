import { describe, expect, it } from "vitest";
import { fixDockerfile, ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import rule from "./docker-maintainer-deprecated.js";

ruleTester(rule, {
  valid: [
    { name: "maintainer label", dockerfile: 'FROM base\nLABEL maintainer="Jane <jane@example.com>"\n' },
    { name: "the word in a RUN", dockerfile: "FROM base\nRUN echo MAINTAINER\n" },
  ],
  invalid: [
    { name: "MAINTAINER", dockerfile: "FROM  base\n\nMAINTAINER checkov\n", errors: [{ messageId: "deprecated", line: 3, column: 1 }] },
    {
      name: "one per stage, reported once each",
      dockerfile: "FROM base AS a\nmaintainer Jane\nFROM a\nMAINTAINER Joe <joe@example.com>\n",
      errors: [{ messageId: "deprecated", line: 2, object: "Dockerfile/a" }, { messageId: "deprecated", line: 4, object: "Dockerfile/1" }],
    },
    {
      name: "before the first FROM, reported once",
      dockerfile: "MAINTAINER Jane\nFROM base AS a\nFROM base\n",
      errors: [{ messageId: "deprecated", line: 1, object: "Dockerfile/a" }],
    },
  ],
});

const fixed = (dockerfile: string) => fixDockerfile(rule, dockerfile);

describe("docker-maintainer-deprecated fixes", () => {
  it("MAINTAINER → LABEL org.opencontainers.image.authors, safe", () => {
    const r = fixed("FROM base\nMAINTAINER Jane Doe <jane@example.com>\n");
    expect(r.findings[0]!.fix).toMatchObject({ safety: "safe", ops: [{ op: "replaceText", span: { line: 2, column: 1, endLine: 2, endColumn: 39 } }] });
    expect(r.text).toBe('FROM base\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n');
  });
  it("escapes quotes, $ and the escape character", () => {
    expect(fixed('FROM base\nMAINTAINER "Jane" \\o/ $USER\n').text).toBe('FROM base\nLABEL org.opencontainers.image.authors="\\"Jane\\" \\\\o/ \\$USER"\n');
    expect(fixed('# escape=`\nFROM base\nMAINTAINER "Jane" `\n  \\o/\n').text).toBe('# escape=`\nFROM base\nLABEL org.opencontainers.image.authors="`"Jane`" \\o/"\n');
  });
  it("no fix before the first FROM, where LABEL is not allowed", () => {
    const [f] = runRuleOn(rule, { name: "x", dockerfile: "MAINTAINER Jane\nFROM base\n" });
    expect(f?.fix).toBeUndefined();
  });
});
