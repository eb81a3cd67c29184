import { describe, expect, it } from "vitest";
import { CATALOG } from "../catalog.generated.js";
import { container, deployment, pod, withSc } from "../../testing/builders.js";
import { ruleTester, runRuleOn } from "../../testing/rule-tester.js";
import { PSS_FINER_VARIANTS, PSS_RULE_MODULES } from "./_pss-rules.js";
import rule from "./pss-namespace-would-reject.js";

const ENFORCE = "pod-security.kubernetes.io/enforce";
const VERSION = "pod-security.kubernetes.io/enforce-version";
const ns = (labels: Record<string, string>, name = "shop"): Record<string, unknown> => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
const inShop = (o: Record<string, unknown>, namespace = "shop"): Record<string, unknown> => ({ ...o, metadata: { ...(o.metadata as object), namespace } });

const restrictedSc = { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } };
const restrictedPod = (extra: Record<string, unknown> = {}, sc: Record<string, unknown> = restrictedSc): Record<string, unknown> =>
  inShop(pod({ securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } }, containers: [withSc(sc)], ...extra }));

ruleTester(rule, {
  valid: [
    { name: "baseline namespace, ordinary pod", manifest: [ns({ [ENFORCE]: "baseline" }), inShop(pod({ containers: [container()] }))] },
    { name: "restricted namespace, restricted pod", manifest: [ns({ [ENFORCE]: "restricted" }), restrictedPod()] },
    { name: "privileged namespace admits anything", manifest: [ns({ [ENFORCE]: "privileged" }), inShop(pod({ hostNetwork: true, containers: [container()] }))] },
    { name: "warn label only", manifest: [ns({ "pod-security.kubernetes.io/warn": "restricted" }), inShop(pod({ hostNetwork: true, containers: [container()] }))] },
    { name: "the namespace is not in the scan", manifest: inShop(pod({ hostNetwork: true, containers: [container()] })) },
    { name: "a pod in another namespace", manifest: [ns({ [ENFORCE]: "baseline" }), inShop(pod({ hostNetwork: true, containers: [container()] }), "other")] },
    {
      name: "policy version v1.21 predates capabilities_restricted",
      manifest: [ns({ [ENFORCE]: "restricted", [VERSION]: "v1.21" }), restrictedPod({}, { allowPrivilegeEscalation: false })],
    },
    {
      name: "two Namespace objects of one name that disagree: the policy is unknown",
      manifest: [ns({ [ENFORCE]: "restricted" }), { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } }, inShop(pod({ hostNetwork: true, containers: [container()] }))],
    },
    {
      name: "a restricted-only violation in a baseline namespace",
      manifest: [ns({ [ENFORCE]: "baseline" }), inShop(pod({ containers: [container()] }))],
    },
  ],
  invalid: [
    {
      name: "hostNetwork pod in a baseline namespace, with line",
      manifest:
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\n" +
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    image: x\n",
      errors: [{ messageId: "podRejected", path: "spec.hostNetwork", line: 14, object: "Pod/web" }],
    },
    {
      name: "a Deployment is accepted with a warning, its pods are rejected; one finding per control",
      manifest: [
        ns({ [ENFORCE]: "baseline" }),
        inShop(deployment({ hostPID: true, hostIPC: true, containers: [withSc({ privileged: true }, "a"), withSc({ privileged: true }, "b")] })),
      ],
      errors: [
        { messageId: "templateRejected", path: "spec.template.spec.hostPID", object: "Deployment/d" },
        { messageId: "templateRejected", path: "spec.template.spec.containers[0].securityContext.privileged", container: "a" },
      ],
    },
    {
      name: "restricted: every missing setting, one finding per control",
      manifest: [ns({ [ENFORCE]: "restricted" }), inShop(pod({ containers: [container()] }))],
      errors: [
        { messageId: "podRejected", path: "spec.containers[0].securityContext.allowPrivilegeEscalation", container: "app" },
        { messageId: "podRejected", path: "spec.containers[0].securityContext.runAsNonRoot", container: "app" },
        { messageId: "podRejected", path: "spec.containers[0].securityContext.seccompProfile", container: "app" },
        { messageId: "podRejected", path: "spec.containers[0].securityContext.capabilities.drop", container: "app" },
      ],
    },
    {
      name: "the policy version gates version-dependent controls: capabilities from v1.22",
      manifest: [ns({ [ENFORCE]: "restricted", [VERSION]: "v1.22" }), restrictedPod({}, { allowPrivilegeEscalation: false })],
      errors: [{ messageId: "podRejected", path: "spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "an invalid level label is enforced as restricted",
      manifest: [ns({ [ENFORCE]: "strict" }), restrictedPod({}, { allowPrivilegeEscalation: false })],
      errors: [{ messageId: "podRejected", path: "spec.containers[0].securityContext.capabilities.drop", container: "app" }],
    },
    {
      name: "a custom resource with a pod template: not checked at admission, its pods are rejected",
      manifest: [
        ns({ [ENFORCE]: "baseline" }),
        {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Rollout",
          metadata: { name: "r", namespace: "shop" },
          spec: { template: { spec: { hostNetwork: true, containers: [container()] } } },
        },
      ],
      errors: [{ messageId: "customRejected", path: "spec.template.spec.hostNetwork", object: "Rollout/r" }],
    },
    {
      name: "unset namespace lands in the scan's default namespace",
      manifest: [ns({ [ENFORCE]: "baseline" }, "default"), pod({ hostNetwork: true, containers: [container()] })],
      errors: [{ messageId: "podRejected", path: "spec.hostNetwork" }],
    },
  ],
});

describe("pss-namespace-would-reject", () => {
  it("evaluates every Pod Security Standards rule of the catalogue, or knows why not", () => {
    const pss = CATALOG.filter((c) => c.pss).map((c) => c.id).sort();
    expect([...PSS_RULE_MODULES.map((m) => m.id), ...PSS_FINER_VARIANTS].sort()).toEqual(pss);
  });

  it("names the control, the policy and the first violation, and says what happens to a Deployment", () => {
    const [f] = runRuleOn(rule, {
      name: "message",
      manifest: [ns({ [ENFORCE]: "restricted", [VERSION]: "v1.30" }), inShop(deployment({ securityContext: { runAsNonRoot: true, seccompProfile: { type: "Unconfined" } }, containers: [withSc(restrictedSc)] }))],
    });
    expect(f?.message).toBe(
      "Namespace 'shop' enforces Pod Security restricted:v1.30: the API server accepts this Deployment with a warning, then rejects every pod it creates: " +
        "seccompProfile_restricted (The pod sets seccompProfile.type to Unconfined, turning syscall filtering off)",
    );
  });
});
