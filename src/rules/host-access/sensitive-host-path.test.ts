import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./sensitive-host-path.js";

const hostPaths = (...paths: unknown[]) => ({
  containers: [container()],
  volumes: paths.map((path, i) => ({ name: `v${i}`, hostPath: { path } })),
});
const at = (i: number) => `spec.volumes[${i}].hostPath.path`;

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "paths outside every sensitive directory", manifest: pod(hostPaths("/var/log", "/tmp/x", "/srv/data", "/opt", "/home/user", "/run/app")) },
    { name: "a prefix that is not a whole segment: /etcd, /devices, /usrlocal", manifest: pod(hostPaths("/etcd", "/devices", "/usrlocal", "/var/lib/kubeletx", "/system")) },
    { name: "\"/\" in the list matches only the root itself, not everything", manifest: pod(hostPaths("/data")), params: { sensitivePaths: ["/"] } },
    { name: "paths are case-sensitive on Linux", manifest: pod(hostPaths("/ETC", "/Proc")) },
    { name: "relative and empty paths", manifest: pod(hostPaths("etc", "")) },
    { name: "path of a wrong type", manifest: pod(hostPaths(42, null, ["/etc"])) },
    { name: "non-hostPath volumes", manifest: pod({ containers: [container()], volumes: [{ name: "etc", configMap: { name: "etc" } }] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "sensitive", path: at(0), line: 16, column: 15 }],
    },
    {
      name: "exact matches, one per volume",
      manifest: pod(hostPaths("/", "/etc", "/proc", "/sys", "/dev", "/var/lib/kubelet", "/boot", "/root")),
      errors: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ messageId: "sensitive", path: at(i) })),
    },
    {
      name: "paths inside a sensitive directory",
      manifest: pod(hostPaths("/etc/kubernetes/pki", "/proc/1/root", "/var/lib/kubelet/pods", "/dev/sda", "/usr/bin/kubectl")),
      errors: [0, 1, 2, 3, 4].map((i) => ({ messageId: "sensitive", path: at(i) })),
    },
    {
      name: "parents of a sensitive directory: /var and /var/lib contain /var/lib/kubelet",
      manifest: pod(hostPaths("/var", "/var/lib", "/var/lib/")),
      errors: [0, 1, 2].map((i) => ({ messageId: "containsSensitive", path: at(i) })),
    },
    {
      name: "trailing slashes, double slashes, dots and .. are normalised",
      manifest: pod(hostPaths("/etc/", "//etc", "/./proc/", "/tmp/../etc", "  /sys  ")),
      errors: [0, 1, 2, 3, 4].map((i) => ({ messageId: "sensitive", path: at(i) })),
    },
    {
      name: "\"/\" mounted is reported even when the list does not hold \"/\" (it contains everything)",
      manifest: pod(hostPaths("/", "/data")),
      params: { sensitivePaths: ["/data/secret"] },
      errors: [
        { messageId: "containsSensitive", path: at(0) },
        { messageId: "containsSensitive", path: at(1) },
      ],
    },
    {
      name: "parameter entries with trailing slashes",
      manifest: pod(hostPaths("/opt/secrets/key", "/opt")),
      params: { sensitivePaths: ["/opt/secrets/"] },
      errors: [
        { messageId: "sensitive", path: at(0) },
        { messageId: "containsSensitive", path: at(1) },
      ],
    },
    {
      name: "Deployment",
      manifest: deployment(hostPaths("/etc/ssl")),
      errors: [{ messageId: "sensitive", path: "spec.template.spec.volumes[0].hostPath.path" }],
    },
    {
      name: "CronJob",
      manifest: cronJob(hostPaths("/var/lib/docker")),
      errors: [{ messageId: "sensitive", path: "spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path" }],
    },
  ],
});
