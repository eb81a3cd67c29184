import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-labels.js";

const df = (labels: string) => `FROM alpine:3.20\nLABEL ${labels}\n`;
const oci = "org.opencontainers.image";

ruleTester(rule, {
  valid: [
    { name: "no labels, none required", dockerfile: "FROM alpine:3.20\nRUN true\n" },
    {
      name: "well-formed OCI labels",
      dockerfile:
        `FROM alpine:3.20\nLABEL ${oci}.created="2024-05-01T12:00:00Z" \\\n  ${oci}.url=https://example.com \\\n` +
        `  ${oci}.source="git@github.com:example/app.git" \\\n  ${oci}.documentation="https://example.com/docs?x=1" \\\n` +
        `  ${oci}.licenses="(MIT OR Apache-2.0) AND BSD-3-Clause" \\\n  ${oci}.revision=3f2a9c1 \\\n` +
        `  ${oci}.version=latest \\\n  maintainer="Jane Doe <jane@example.com>, Platform team"\n`,
    },
    { name: "date with offset and fraction", dockerfile: df(`${oci}.created=2024-02-29T23:59:60.123+05:30`) },
    { name: "licence forms", dockerfile: df(`${oci}.licenses="GPL-2.0-or-later WITH Classpath-exception-2.0 OR LicenseRef-Acme"`) },
    { name: "GPL with +", dockerfile: df(`${oci}.licenses=GPL-2.0+`) },
    { name: "NOASSERTION", dockerfile: df(`${oci}.licenses=NOASSERTION`) },
    { name: "build-time values are not judged", dockerfile: 'FROM alpine:3.20\nARG REV\nLABEL org.opencontainers.image.revision="${REV}" org.opencontainers.image.created=$DATE\n' },
    { name: "unknown labels are free text", dockerfile: df('description="anything at all" com.example.url="not a url"') },
    { name: "maintainer without an address", dockerfile: df('maintainer="Platform team (@octocat)"') },
    { name: "empty value of a label that is not required", dockerfile: df(`${oci}.url=""`) },
    { name: "required label set", dockerfile: df(`${oci}.source=https://github.com/x/y`), params: { requiredLabels: [`${oci}.source`] } },
    {
      name: "required label set in the stage the final stage builds on",
      dockerfile: "FROM alpine:3.20 AS base\nLABEL team=platform\nFROM base\nRUN true\n",
      params: { requiredLabels: ["team"] },
    },
    { name: "required label from a build argument", dockerfile: "FROM alpine:3.20\nARG T\nLABEL team=$T\n", params: { requiredLabels: ["team"] } },
    { name: "required labels judged on the final stage only", dockerfile: "FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20\nLABEL team=a\n", params: { requiredLabels: ["team"] } },
  ],
  invalid: [
    {
      name: "URL without a scheme, licence with a space",
      dockerfile: `FROM alpine:3.20\nLABEL ${oci}.source="github.com/example/app" \\\n      ${oci}.licenses="Apache 2.0"\n`,
      errors: [{ messageId: "url", line: 2, column: 7 }, { messageId: "license", line: 3, column: 7 }],
    },
    { name: "not a date-time", dockerfile: df(`${oci}.created="2024-05-01"`), errors: [{ messageId: "date", line: 2 }] },
    { name: "impossible date", dockerfile: df(`${oci}.created=2023-02-29T10:00:00Z`), errors: [{ messageId: "date", line: 2 }] },
    { name: "date without zone", dockerfile: df(`org.label-schema.build-date="2024-05-01 12:00:00"`), errors: [{ messageId: "date", line: 2 }] },
    { name: "licence spelled like a name", dockerfile: df(`${oci}.licenses=GPLv3`), errors: [{ messageId: "license", line: 2 }] },
    { name: "licence with a slash", dockerfile: df(`${oci}.licenses="MIT/Apache-2.0"`), errors: [{ messageId: "license", line: 2 }] },
    { name: "dangling operator", dockerfile: df(`${oci}.licenses="MIT OR"`), errors: [{ messageId: "license", line: 2 }] },
    { name: "Apache2", dockerfile: df(`${oci}.licenses=Apache2`), errors: [{ messageId: "license", line: 2 }] },
    { name: "revision that is not a hash", dockerfile: df(`${oci}.revision=main`), errors: [{ messageId: "hash", line: 2 }] },
    { name: "malformed e-mail in brackets", dockerfile: df('maintainer="Jane <jane@example>"'), errors: [{ messageId: "email", line: 2 }] },
    { name: "bare malformed e-mail", dockerfile: df("maintainer=jane@@example.com"), errors: [{ messageId: "email", line: 2 }] },
    { name: "label-schema vcs-url", dockerfile: df('org.label-schema.vcs-url="example.com/repo"'), errors: [{ messageId: "url", line: 2 }] },
    {
      name: "required label missing",
      dockerfile: "FROM alpine:3.20 AS build\nLABEL team=a\nFROM alpine:3.20\nLABEL other=b\n",
      params: { requiredLabels: ["team", "other"] },
      errors: [{ messageId: "missing", line: 3, object: "Dockerfile/1" }],
    },
    {
      name: "required label empty",
      dockerfile: 'FROM alpine:3.20\nLABEL team=""\n',
      params: { requiredLabels: ["team"] },
      errors: [{ messageId: "empty", line: 2 }],
    },
    {
      name: "invalid value in a build stage",
      dockerfile: `FROM alpine:3.20 AS build\nLABEL ${oci}.url=example.com\nFROM alpine:3.20\n`,
      errors: [{ messageId: "url", line: 2, object: "Dockerfile/build" }],
    },
  ],
});
