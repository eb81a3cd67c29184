import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./gatekeeper-repo-prefix-ambiguous.js";

const constraint = (repos: unknown, apiVersion = "constraints.gatekeeper.sh/v1beta1") => ({
  apiVersion,
  kind: "K8sAllowedRepos",
  metadata: { name: "repos" },
  spec: { parameters: { repos } },
});

ruleTester(rule, {
  valid: [
    { name: "prefixes ending in /", manifest: constraint(["docker.io/myorg/", "registry.example.com/", "gcr.io/my-project/"]) },
    { name: "a full repository path on a public registry", manifest: constraint(["docker.io/library/nginx", "quay.io/myorg/app"]) },
    { name: "a private registry with a path", manifest: constraint(["registry.example.com/team"]) },
    { name: "a digest or a tag ends the reference", manifest: constraint(["nginx@sha256:abcd", "nginx:1.27", "registry.example.com:5000"]) },
    { name: "repos of the wrong type", manifest: constraint("docker.io") },
    { name: "not a Gatekeeper constraint", manifest: constraint(["docker.io"], "example.com/v1") },
  ],
  invalid: [
    {
      name: "bare registry host and bare name",
      manifest: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: repos
spec:
  parameters:
    repos:
      - "registry.example.com/"
      - "myregistry.io"
      - openpolicyagent
`,
      errors: [
        { messageId: "ambiguous", path: "spec.parameters.repos[1]", line: 9, column: 9 },
        { messageId: "ambiguous", path: "spec.parameters.repos[2]" },
      ],
    },
    {
      name: "a namespace of a public registry without a trailing slash",
      manifest: constraint(["docker.io/library", "quay.io/myorg", "ghcr.io/owner", 42], "constraints.gatekeeper.sh/v1"),
      errors: [
        { messageId: "ambiguous", path: "spec.parameters.repos[0]" },
        { messageId: "ambiguous", path: "spec.parameters.repos[1]" },
        { messageId: "ambiguous", path: "spec.parameters.repos[2]" },
      ],
    },
  ],
});
