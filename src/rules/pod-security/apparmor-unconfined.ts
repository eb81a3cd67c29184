import { defineRule } from "../../engine/rule-types.js";
import { fixes } from "../../engine/fixes.js";
import { type YamlPath, isObject } from "../../model/types.js";
import type { ContainerView } from "../../model/workload.js";
import { jsonText } from "../../model/json-text.js";

// Pod Security Admission, baseline control `appArmorProfile` (policy/check_appArmorProfile.go), one version for all
// policy versions, so it applies the same way whatever the target cluster:
// - the securityContext.appArmorProfile field (GA in 1.31), in the pod-level securityContext and in every container, init
//   container and ephemeral container, each checked on its own: when set, its type must be RuntimeDefault or Localhost;
// - every pod annotation whose key starts with container.apparmor.security.beta.kubernetes.io/ (deprecated, still
//   checked): the value must be empty, runtime/default or localhost/<profile>.

const VALID_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function validAnnotation(v: string): boolean {
  return v === "" || v === "runtime/default" || v.startsWith("localhost/");
}

const FIX_NOTE =
  "The runtime's default AppArmor profile denies mounts, writes to parts of /proc and /sys and raw access to some kernel " +
  "interfaces. Containers that manage the node (CSI and CNI agents, nested container runtimes) may need more; test first " +
  "or write a Localhost profile.";

export default defineRule({
  id: "apparmor-unconfined",
  title: "AppArmor disabled",
  rationale:
    "On nodes with AppArmor (Ubuntu, Debian, COS), the container runtime confines every container with a default profile that " +
    "forbids mounting filesystems, writing to sensitive parts of /proc and /sys and similar operations. Setting the profile to " +
    "`Unconfined` (or to anything other than the runtime default or a profile loaded on the node) removes that layer of defence.",
  attack:
    "Without AppArmor, an attacker in the container can use operations the default profile blocks, such as mounting a " +
    "filesystem or writing to kernel tunables under /proc/sys, as steps of a container escape.",
  remediation:
    "Remove the `Unconfined` setting, or set `appArmorProfile.type: RuntimeDefault` (or `Localhost` with a profile loaded " +
    "on the nodes) in the pod or container securityContext. Replace the deprecated " +
    "`container.apparmor.security.beta.kubernetes.io/<container>` annotations with the `appArmorProfile` field.",
  example: {
    insecure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        appArmorProfile:
          type: Unconfined
`,
    secure: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        appArmorProfile:
          type: RuntimeDefault
`,
  },
  messages: {
    podUnconfined: "The pod sets appArmorProfile.type to Unconfined, removing AppArmor confinement from its containers",
    podInvalid: "The pod's appArmorProfile has type {{type}}; only RuntimeDefault or Localhost are allowed",
    containerUnconfined: "Container '{{container}}' sets appArmorProfile.type to Unconfined, removing AppArmor confinement",
    containerInvalid: "The appArmorProfile of container '{{container}}' has type {{type}}; only RuntimeDefault or Localhost are allowed",
    annotation: "Annotation {{key}} sets AppArmor profile {{value}}; only runtime/default or localhost/* are allowed",
  },
  check(ctx) {
    const w = ctx.workload;
    if (!w) return;

    const check = (profile: unknown, path: YamlPath, c: ContainerView | undefined): void => {
      const type = isObject(profile) ? profile.type : undefined;
      if (typeof type === "string" && VALID_TYPES.has(type)) return;
      const where = c ? "container" : "pod";
      ctx.report({
        messageId: type === "Unconfined" ? `${where}Unconfined` : `${where}Invalid`,
        data: { ...(c ? { container: c.name } : {}), type: type === undefined || type === null ? "(none)" : jsonText(type) },
        path: isObject(profile) && type !== undefined && type !== null ? [...path, "type"] : path,
        container: c,
        fix: fixes.set(path, { type: "RuntimeDefault" }, {
          description: c ? `Use the runtime's default AppArmor profile for container '${c.name}'` : "Use the runtime's default AppArmor profile for the pod",
          safety: "unsafe",
          note: FIX_NOTE,
        }),
      });
    };

    const pod = w.podSecurityContext.appArmorProfile;
    if (pod !== undefined && pod !== null) check(pod, [...w.podSecurityContextPath, "appArmorProfile"], undefined);
    for (const c of w.containers) {
      const s = c.effective("appArmorProfile");
      // A value inherited from the pod was checked once, above.
      if (s.from === "container") check(s.value, s.path, c);
    }

    for (const [key, value] of Object.entries(w.podAnnotations())) {
      if (!key.startsWith(ANNOTATION_PREFIX) || validAnnotation(value)) continue;
      const path = [...w.podMetadataPath, "annotations", key];
      const name = key.slice(ANNOTATION_PREFIX.length);
      ctx.report({
        messageId: "annotation",
        data: { key, value: jsonText(value) },
        path,
        container: w.containers.find((c) => c.name === name),
        fix: fixes.set(path, "runtime/default", { description: "Use the runtime's default AppArmor profile", safety: "unsafe", note: FIX_NOTE }),
      });
    }
  },
});
