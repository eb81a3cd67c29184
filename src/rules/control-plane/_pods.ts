// Small static Pods of the control-plane components, for rule examples and tests (shaped like kubeadm's).
import { stringify } from "yaml";
import type { Component } from "./_flags.js";

const IMAGES: Record<Component, string> = {
  "kube-apiserver": "registry.k8s.io/kube-apiserver:v1.35.0",
  "kube-controller-manager": "registry.k8s.io/kube-controller-manager:v1.35.0",
  "kube-scheduler": "registry.k8s.io/kube-scheduler:v1.35.0",
  etcd: "registry.k8s.io/etcd:3.6.5-0",
  kubelet: "registry.k8s.io/kubelet:v1.35.0",
  "kube-proxy": "registry.k8s.io/kube-proxy:v1.35.0",
};

type Obj = Record<string, unknown>;

/** A static Pod in kube-system whose container runs `component` with `flags` (command: [component, ...flags]). */
export function staticPod(component: Component, flags: readonly string[], extra: { name?: string; container?: Obj } = {}): Obj {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: extra.name ?? component, namespace: "kube-system", labels: { component, tier: "control-plane" } },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      containers: [{ name: component, image: IMAGES[component], command: [component, ...flags], ...extra.container }],
    },
  };
}

/** A minimal static Pod as YAML, for a rule's documented example (no labels or priority class). */
export function staticPodYaml(component: Component, flags: readonly string[]): string {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: component, namespace: "kube-system" },
    spec: { hostNetwork: true, containers: [{ name: component, image: IMAGES[component], command: [component, ...flags] }] },
  };
  return stringify(pod, { lineWidth: 0 });
}

/** A KubeletConfiguration document as YAML. */
export function kubeletConfigYaml(fields: Obj): string {
  return stringify({ apiVersion: "kubelet.config.k8s.io/v1beta1", kind: "KubeletConfiguration", ...fields }, { lineWidth: 0 });
}

/** Flags of a kubeadm control plane (v1.35), to start examples and tests from something real. */
export const KUBEADM_APISERVER_FLAGS = [
  "--advertise-address=192.168.0.10",
  "--allow-privileged=true",
  "--authorization-mode=Node,RBAC",
  "--client-ca-file=/etc/kubernetes/pki/ca.crt",
  "--enable-admission-plugins=NodeRestriction",
  "--enable-bootstrap-token-auth=true",
  "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
  "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
  "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
  "--etcd-servers=https://127.0.0.1:2379",
  "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
  "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key",
  "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
  "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
  "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key",
  "--requestheader-allowed-names=front-proxy-client",
  "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
  "--requestheader-extra-headers-prefix=X-Remote-Extra-",
  "--requestheader-group-headers=X-Remote-Group",
  "--requestheader-username-headers=X-Remote-User",
  "--secure-port=6443",
  "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
  "--service-account-key-file=/etc/kubernetes/pki/sa.pub",
  "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
  "--service-cluster-ip-range=10.96.0.0/12",
  "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
  "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key",
] as const;

export const KUBEADM_CONTROLLER_MANAGER_FLAGS = [
  "--allocate-node-cidrs=true",
  "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
  "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
  "--bind-address=127.0.0.1",
  "--client-ca-file=/etc/kubernetes/pki/ca.crt",
  "--cluster-cidr=10.244.0.0/16",
  "--cluster-name=kubernetes",
  "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
  "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
  "--controllers=*,bootstrapsigner,tokencleaner",
  "--kubeconfig=/etc/kubernetes/controller-manager.conf",
  "--leader-elect=true",
  "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
  "--root-ca-file=/etc/kubernetes/pki/ca.crt",
  "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
  "--service-cluster-ip-range=10.96.0.0/12",
  "--use-service-account-credentials=true",
] as const;

export const KUBEADM_SCHEDULER_FLAGS = [
  "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
  "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
  "--bind-address=127.0.0.1",
  "--kubeconfig=/etc/kubernetes/scheduler.conf",
  "--leader-elect=true",
] as const;

export const KUBEADM_ETCD_FLAGS = [
  "--advertise-client-urls=https://192.168.0.10:2379",
  "--cert-file=/etc/kubernetes/pki/etcd/server.crt",
  "--client-cert-auth=true",
  "--data-dir=/var/lib/etcd",
  "--initial-advertise-peer-urls=https://192.168.0.10:2380",
  "--initial-cluster=cp-1=https://192.168.0.10:2380",
  "--key-file=/etc/kubernetes/pki/etcd/server.key",
  "--listen-client-urls=https://127.0.0.1:2379,https://192.168.0.10:2379",
  "--listen-metrics-urls=http://127.0.0.1:2381",
  "--listen-peer-urls=https://192.168.0.10:2380",
  "--name=cp-1",
  "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
  "--peer-client-cert-auth=true",
  "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
  "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
  "--snapshot-count=10000",
  "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt",
] as const;

/** Flags with `name` (as `--name=` or `--name`) removed. */
export function without(flags: readonly string[], ...names: string[]): string[] {
  return flags.filter((f) => !names.some((n) => f === `--${n}` || f.startsWith(`--${n}=`)));
}

/** Flags with `--name=value` set (replacing any occurrence). */
export function withFlag(flags: readonly string[], name: string, value: string): string[] {
  return [...without(flags, name), `--${name}=${value}`];
}

// ---- for tests

/** Path of the command list of the first container. */
export const CMD = "spec.containers[0].command";

/** Path of the flag at index `i` of `staticPod(…, flags)` (command[0] is the executable). */
export function cmd(i: number): string {
  return `spec.containers[0].command[${i + 1}]`;
}

/** Path of the (last) flag `name` in `staticPod(…, flags)`. */
export function flagPath(flags: readonly string[], name: string): string {
  const i = flags.map((f, n) => (f === `--${name}` || f.startsWith(`--${name}=`) ? n : -1)).filter((n) => n >= 0).pop();
  if (i === undefined) throw new Error(`no --${name} in the flags`);
  return cmd(i);
}

/** A KubeletConfiguration object. */
export function kubeletConfig(fields: Obj = {}, name = "kubelet"): Obj {
  return { apiVersion: "kubelet.config.k8s.io/v1beta1", kind: "KubeletConfiguration", metadata: { name }, ...fields };
}

/** A kubeadm InitConfiguration, whose file gives the KubeletConfiguration beside it kubeadm's defaults. */
export const KUBEADM_INIT = { apiVersion: "kubeadm.k8s.io/v1beta4", kind: "InitConfiguration", metadata: { name: "init" } };
