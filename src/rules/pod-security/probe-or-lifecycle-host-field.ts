import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { isObject } from "../../model/types.js";

// Pod Security Admission, baseline control `hostProbesAndHostLifecycle` (policy/check_hostProbesAndhostLifecycle.go),
// new in policy version 1.34 (older clusters do not check it): in every container, init container and ephemeral
// container, the `host` of livenessProbe / readinessProbe / startupProbe and of lifecycle.postStart / preStop must be
// empty or unset, for both httpGet and tcpSocket handlers (tcpSocket in lifecycle hooks is deprecated but still checked).

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HOOKS = ["postStart", "preStop"] as const;
const HANDLERS = ["httpGet", "tcpSocket"] as const;

export default defineRule({
  id: "probe-or-lifecycle-host-field",
  title: "Probe or lifecycle hook targets another host",
  rationale:
    "Probes and lifecycle hooks are run by the kubelet, from the node, not from inside the pod. Their `host` field lets the " +
    "pod's author choose which address the kubelet connects to, so a pod can make the node send requests to any address it " +
    "can reach: services on the node's own loopback interface, cloud metadata endpoints, or internal systems that trust the node.",
  attack:
    "Someone who may create pods but not reach the node sets `httpGet.host: 127.0.0.1` or a cloud metadata address in a probe " +
    "and uses the kubelet as a proxy (server-side request forgery), for example to hit node-local admin endpoints.",
  remediation:
    "Remove `host` from probe and lifecycle `httpGet`/`tcpSocket` handlers so that the kubelet connects to the pod's own IP. " +
    "To send a virtual-host name, use `httpGet.httpHeaders` with a `Host` header instead.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          host: 169.254.169.254
          path: /latest/meta-data/
          port: 80
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /healthz
          port: 80
`,
  },
  messages: {
    probeHost: "The {{probe}} of container '{{container}}' sends the kubelet to host {{host}} instead of the pod",
    hookHost: "The {{hook}} hook of container '{{container}}' sends the kubelet to host {{host}} instead of the pod",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;
    if (!ctx.kubeVersion.atLeast(34)) return;
    for (const c of w.containers) {
      const visit = (handlerOwner: unknown, base: (string | number)[], messageId: "probeHost" | "hookHost", label: string): void => {
        if (!isObject(handlerOwner)) return;
        for (const h of HANDLERS) {
          const handler = handlerOwner[h];
          if (!isObject(handler)) continue;
          const host = handler.host;
          if (host === undefined || host === null || String(host) === "") continue;
          const path = [...base, h, "host"];
          ctx.report({
            messageId,
            data: { container: c.name, probe: label, hook: label, host: JSON.stringify(String(host)) },
            path,
            container: c,
            fix: fixes.remove(path, {
              description: "Remove the host so the kubelet connects to the pod's IP",
              safety: "unsafe",
              note:
                "The kubelet then connects to the pod's IP, so the container must listen there (not only on 127.0.0.1). If the " +
                "host named a virtual host, add an httpHeaders Host entry; a check of another service does not belong in a probe.",
            }),
          });
        }
      };
      for (const p of PROBES) visit(c.spec[p], [...c.path, p], "probeHost", p);
      const lifecycle = c.spec.lifecycle;
      if (isObject(lifecycle)) for (const k of HOOKS) visit(lifecycle[k], [...c.path, "lifecycle", k], "hookHost", k);
    }
  },
});
