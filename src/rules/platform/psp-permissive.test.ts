import { ruleTester } from "../../testing/rule-tester.js";
import rule from "./psp-permissive.js";

const SECCOMP = { "seccomp.security.alpha.kubernetes.io/defaultProfileName": "runtime/default" };

const tight = {
  privileged: false,
  hostPID: false,
  allowPrivilegeEscalation: false,
  requiredDropCapabilities: ["ALL"],
  runAsUser: { rule: "MustRunAsNonRoot" },
  seLinux: { rule: "RunAsAny" },
};

const psp = (spec: Record<string, unknown>, annotations: Record<string, string> = SECCOMP, apiVersion = "policy/v1beta1") => ({
  apiVersion,
  kind: "PodSecurityPolicy",
  metadata: { name: "p", annotations },
  spec: { ...tight, ...spec },
});

ruleTester(rule, {
  valid: [
    { name: "restricted policy", manifest: psp({}) },
    { name: "MustRunAs with ranges above 0", manifest: psp({ runAsUser: { rule: "MustRunAs", ranges: [{ min: 1000, max: 2000 }] } }) },
    { name: "docker/default profile", manifest: psp({}, { "seccomp.security.alpha.kubernetes.io/defaultProfileName": "docker/default" }) },
    { name: "extensions/v1beta1 restricted policy", manifest: psp({}, SECCOMP, "extensions/v1beta1") },
    { name: "lowercase all in requiredDropCapabilities", manifest: psp({ requiredDropCapabilities: ["all"] }) },
  ],
  invalid: [
    {
      name: "privileged and host namespaces",
      manifest: psp({ privileged: true, hostPID: true, hostIPC: "true", hostNetwork: true }),
      errors: [
        { messageId: "privileged", path: "spec.privileged" },
        { messageId: "hostNamespace", path: "spec.hostPID" },
        { messageId: "hostNamespace", path: "spec.hostIPC" },
        { messageId: "hostNamespace", path: "spec.hostNetwork" },
      ],
    },
    {
      name: "allowPrivilegeEscalation unset defaults to true",
      manifest: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/defaultProfileName: runtime/default
spec:
  requiredDropCapabilities: [ALL]
  runAsUser:
    rule: MustRunAsNonRoot
`,
      errors: [{ messageId: "privilegeEscalation", path: "spec.allowPrivilegeEscalation", line: 8 }],
    },
    {
      name: "root users: RunAsAny, range from 0, no rule",
      manifest: [
        psp({ runAsUser: { rule: "RunAsAny" } }),
        { ...psp({ runAsUser: { rule: "MustRunAs", ranges: [{ min: 1000, max: 2000 }, { min: 0, max: 10 }] } }), metadata: { name: "q", annotations: SECCOMP } },
        { ...psp({ runAsUser: "nonsense" }), metadata: { name: "r", annotations: SECCOMP } },
      ],
      errors: [
        { messageId: "rootUser", path: "spec.runAsUser.rule", object: "PodSecurityPolicy/p" },
        { messageId: "rootUser", path: "spec.runAsUser.ranges[1].min", object: "PodSecurityPolicy/q" },
        { messageId: "rootUser", path: "spec.runAsUser.rule", object: "PodSecurityPolicy/r" },
      ],
    },
    {
      name: "added capabilities and no drop",
      manifest: psp({ allowedCapabilities: ["*"], defaultAddCapabilities: ["NET_ADMIN"], requiredDropCapabilities: ["NET_RAW"] }),
      errors: [
        { messageId: "addedCapabilities", path: "spec.allowedCapabilities" },
        { messageId: "addedCapabilities", path: "spec.defaultAddCapabilities" },
        { messageId: "capabilitiesNotDropped", path: "spec.requiredDropCapabilities" },
      ],
    },
    {
      name: "no seccomp default, and unconfined",
      manifest: [psp({}, {}), { ...psp({}, { "seccomp.security.alpha.kubernetes.io/defaultProfileName": "unconfined" }), metadata: { name: "u", annotations: { "seccomp.security.alpha.kubernetes.io/defaultProfileName": "unconfined" } } }],
      errors: [
        { messageId: "noSeccomp", path: 'metadata.annotations["seccomp.security.alpha.kubernetes.io/defaultProfileName"]' },
        { messageId: "noSeccomp", path: 'metadata.annotations["seccomp.security.alpha.kubernetes.io/defaultProfileName"]', object: "PodSecurityPolicy/u" },
      ],
    },
    {
      name: "spec of the wrong type: everything unset",
      manifest: { apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy", metadata: { name: "w", annotations: SECCOMP }, spec: "oops" },
      errors: [
        { messageId: "privilegeEscalation", path: "spec.allowPrivilegeEscalation" },
        { messageId: "rootUser", path: "spec.runAsUser.rule" },
        { messageId: "capabilitiesNotDropped", path: "spec.requiredDropCapabilities" },
      ],
    },
  ],
});
