import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./docker-secret-in-env-arg.js";

const df = (body: string) => `FROM node:20.12-alpine\n${body}\n`;

ruleTester(rule, {
  valid: [
    {
      name: "names that describe where a secret is, not the secret",
      dockerfile: df("ENV PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://auth.example/token SECRET_NAME=db-creds\nARG API_KEY_ID\nENV SECRET_KEY_BASE_DUMMY=1"),
    },
    { name: "empty, reference, boolean and number values", dockerfile: df("ENV DB_PASSWORD=\"\" API_TOKEN=${API_TOKEN} USE_SECRET=true TOKEN_TTL=3600 AUTH_TOKEN=$T") },
    { name: "a public key fingerprint", dockerfile: df("ENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D") },
    { name: "a plain URL", dockerfile: df("ENV DATABASE_URL=postgres://db.example:5432/app") },
    { name: "secret mount", dockerfile: df("RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci") },
    {
      name: "public key and certificate files",
      dockerfile: df("COPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY dns/cert-chain.pem /cert.crt\nCOPY ca.pem sample-public.pem /certs/\nADD https://x.example/repo.gpg.key /tmp/"),
    },
    { name: "env-like file names that are not .env", dockerfile: df("COPY 15-local-resolvers.envsh /docker-entrypoint.d/\nCOPY .env.example /app/") },
    { name: "a custom pattern list", dockerfile: df("ARG NPM_TOKEN\nCOPY app.key /app/"), params: { secretNamePatterns: ["password"], secretFilePatterns: ["id_rsa"] } },
  ],
  invalid: [
    { name: "ARG named like a token, without a default", dockerfile: df("ARG NPM_TOKEN"), errors: [{ messageId: "arg", line: 2, column: 5 }] },
    { name: "ENV with a literal password", dockerfile: df("ENV LOG=info DB_PASSWORD=hunter2"), errors: [{ messageId: "env", line: 2, column: 14 }] },
    { name: "camelCase and dashed names", dockerfile: df("ENV apiKey=abc123 \\\n    aws-secret-access-key=xyz"), errors: [{ messageId: "env", line: 2 }, { messageId: "env", line: 3 }] },
    { name: "old ENV syntax with a space", dockerfile: df("ENV ADMIN_PASSWORD changeme"), errors: [{ messageId: "env", line: 2 }] },
    { name: "value shaped like a credential under any name", dockerfile: df("ENV DATABASE_URL=postgres://app:s3cret@db:5432/app\nARG GH=ghp_0123456789abcdefghijABCDEFGHIJ012345"), errors: [{ messageId: "value", line: 2 }, { messageId: "value", line: 3 }] },
    { name: "global ARG reported once, with the first stage", dockerfile: "ARG GITHUB_TOKEN\nFROM alpine:3.20 AS a\nFROM alpine:3.20\n", errors: [{ messageId: "arg", line: 1, object: "Dockerfile/a" }] },
    {
      name: "secret files copied",
      dockerfile: df("COPY id_rsa /root/.ssh/\nCOPY ./test/certs/server.key /etc/certs/\nADD --chown=app .env /app/\nCOPY deploy /root/.ssh/id_ed25519\nCOPY [\"config/.npmrc\", \"/root/\"]\nCOPY creds /root/.aws/credentials"),
      errors: [
        { messageId: "file", line: 2, column: 6 },
        { messageId: "file", line: 3 },
        { messageId: "file", line: 4 },
        { messageId: "file", line: 5, column: 13 },
        { messageId: "file", line: 6 },
        { messageId: "file", line: 7 },
      ],
    },
    { name: "private pem", dockerfile: df("COPY key.pem sample-RSA-private.pem /keys/"), errors: [{ messageId: "file", line: 2 }] },
    { name: "copied from a build stage", dockerfile: "FROM alpine:3.20 AS keys\nRUN ssh-keygen -f /id_rsa\nFROM alpine:3.20\nCOPY --from=keys /id_rsa /root/.ssh/\n", errors: [{ messageId: "file", line: 4, object: "Dockerfile/1" }] },
    { name: "ONBUILD ENV", dockerfile: df("ONBUILD ENV API_KEY=abc"), errors: [{ messageId: "env", line: 2 }] },
  ],
});
