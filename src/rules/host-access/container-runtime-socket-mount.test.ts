import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./container-runtime-socket-mount.js";

const hostPaths = (...paths: unknown[]) => ({
  containers: [container()],
  volumes: paths.map((path, i) => ({ name: `v${i}`, hostPath: { path } })),
});
const at = (i: number) => `spec.volumes[${i}].hostPath.path`;

ruleTester(rule, {
  valid: [
    { name: "example secure", manifest: rule.example!.secure },
    { name: "no volumes", manifest: pod({ containers: [container()] }) },
    { name: "other host paths", manifest: pod(hostPaths("/var/log", "/var/run/app.sock", "/run/containerd-other", "/var/lib/docker", "/tmp")) },
    { name: "a file beside the socket is not the socket", manifest: pod(hostPaths("/var/run/docker.sock.bak", "/run/docker")) },
    { name: "socket path of a wrong type", manifest: pod(hostPaths(["/var/run/docker.sock"])) },
    { name: "an emptyDir named docker-sock", manifest: pod({ containers: [container()], volumes: [{ name: "docker-sock", emptyDir: {} }] }) },
  ],
  invalid: [
    {
      name: "example insecure",
      manifest: rule.example!.insecure,
      errors: [{ messageId: "socket", path: at(0), line: 15 }],
    },
    {
      name: "every default socket",
      manifest: pod(hostPaths(
        "/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
        "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/run/k3s/containerd/containerd.sock",
      )),
      errors: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ messageId: "socket", path: at(i) })),
    },
    {
      name: "directories that contain a socket",
      manifest: pod(hostPaths("/var/run", "/run", "/var/run/containerd", "/run/k3s", "/")),
      errors: [0, 1, 2, 3, 4].map((i) => ({ messageId: "socketDir", path: at(i) })),
    },
    {
      name: "normalised spellings",
      manifest: pod(hostPaths("/var/run/docker.sock/", "//run//docker.sock", "/var/run/../run/crio/crio.sock")),
      errors: [0, 1, 2].map((i) => ({ messageId: "socket", path: at(i) })),
    },
    {
      name: "a Windows named pipe added to the parameter, any case",
      manifest: pod({ os: { name: "windows" }, ...hostPaths("\\\\.\\pipe\\Docker_Engine") }),
      params: { socketPaths: ["\\\\.\\pipe\\docker_engine"] },
      errors: [{ messageId: "socket", path: at(0) }],
    },
    {
      name: "Deployment",
      manifest: deployment(hostPaths("/var/run/docker.sock")),
      errors: [{ messageId: "socket", path: "spec.template.spec.volumes[0].hostPath.path" }],
    },
    {
      name: "CronJob",
      manifest: cronJob(hostPaths("/run/containerd")),
      errors: [{ messageId: "socketDir", path: "spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path" }],
    },
  ],
});
