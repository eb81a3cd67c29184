import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./cloud-credentials-mount.js";

const withHostPath = (path: unknown, name = "v"): Record<string, unknown> => ({ containers: [container()], volumes: [{ name, hostPath: { path } }] });

ruleTester(rule, {
  valid: [
    { name: "an ordinary host path", manifest: pod(withHostPath("/var/log")) },
    { name: "segment-aware: .awsome is not .aws", manifest: pod(withHostPath("/data/.awsome")) },
    { name: "the root directory is left to sensitive-host-path", manifest: pod(withHostPath("/")) },
    { name: "home directories may or may not hold credentials", manifest: pod(withHostPath("/home")) },
    { name: "a configMap volume", manifest: pod({ containers: [container()], volumes: [{ name: "c", configMap: { name: "aws" } }] }) },
    { name: "a host path that is not a string", manifest: pod(withHostPath(42)) },
    { name: "an empty list is not configured", manifest: pod(withHostPath("/root/.aws")), params: { credentialPaths: [] } },
  ],
  invalid: [
    {
      name: "~/.aws of root, with line",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n  volumes:\n  - name: aws\n    hostPath:\n      path: /root/.aws\n",
      errors: [{ messageId: "credentials", path: "spec.volumes[0].hostPath.path", line: 12 }],
    },
    { name: "a file inside .aws", manifest: deployment(withHostPath("/home/ec2-user/.aws/credentials")), errors: [{ messageId: "credentials", path: "spec.template.spec.volumes[0].hostPath.path" }] },
    { name: "azure.json itself", manifest: cronJob(withHostPath("/etc/kubernetes/azure.json")), errors: [{ messageId: "credentials", path: "spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path" }] },
    { name: "gcloud config, unnormalised", manifest: pod(withHostPath("//root/./.config/gcloud/")), errors: [{ messageId: "credentials", path: "spec.volumes[0].hostPath.path" }] },
    { name: "a directory that contains azure.json", manifest: pod(withHostPath("/etc/kubernetes")), errors: [{ messageId: "containsCredentials", path: "spec.volumes[0].hostPath.path" }] },
    { name: "Windows path to .azure", manifest: pod(withHostPath("C:\\Users\\admin\\.azure")), errors: [{ messageId: "credentials", path: "spec.volumes[0].hostPath.path" }] },
    { name: "a custom list", manifest: pod(withHostPath("/opt/creds/key.json")), params: { credentialPaths: ["/opt/creds"] }, errors: [{ messageId: "credentials", path: "spec.volumes[0].hostPath.path" }] },
  ],
});
