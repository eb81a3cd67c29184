import { container, cronJob, deployment, pod } from "../../testing/builders.js";
import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./privileged-port.js";

const ports = (...p: unknown[]) => container({ ports: p });

ruleTester(rule, {
  valid: [
    { name: "no ports", manifest: pod({ containers: [container()] }) },
    { name: "port 8080", manifest: deployment({ containers: [ports({ containerPort: 8080 })] }) },
    { name: "port 1024 is not privileged", manifest: pod({ containers: [ports({ containerPort: 1024 })] }) },
    { name: "a Windows pod has no privileged ports", manifest: pod({ os: { name: "windows" }, containers: [ports({ containerPort: 80 })] }) },
    { name: "templated or zero ports are not judged", manifest: pod({ containers: [ports({ containerPort: "{{ .Values.port }}" }, { containerPort: 0 }, "junk")] }) },
    { name: "a lower maxPrivilegedPort", manifest: pod({ containers: [ports({ containerPort: 443 })] }), params: { maxPrivilegedPort: 100 } },
    { name: "ports is not a list", manifest: pod({ containers: [container({ ports: "80" })] }) },
  ],
  invalid: [
    {
      name: "port 80 in a Pod",
      manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      ports:\n        - containerPort: 80\n",
      errors: [{ messageId: "privilegedPort", path: "spec.containers[0].ports[0].containerPort", container: "web", line: 10 }],
    },
    {
      name: "init container and sidecar of a Deployment",
      manifest: deployment({
        initContainers: [{ ...ports({ containerPort: 443 }), name: "proxy", restartPolicy: "Always" }],
        containers: [ports({ containerPort: 8080 }, { containerPort: "22" })],
      }),
      errors: [
        { messageId: "privilegedPort", path: "spec.template.spec.initContainers[0].ports[0].containerPort", container: "proxy" },
        { messageId: "privilegedPort", path: "spec.template.spec.containers[0].ports[1].containerPort", container: "app" },
      ],
    },
    {
      name: "CronJob",
      manifest: cronJob({ containers: [ports({ containerPort: 1023 })] }),
      errors: [{ messageId: "privilegedPort", path: "spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort", container: "app" }],
    },
  ],
});
