import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadManifestText } from "../../loaders/manifest.js";
import { KubeVersion } from "../../model/kube-version.js";
import { findWorkload } from "../../model/workload.js";
import {
  type Invocation, admissionPlugin, authorizationModes, boolValue, featureGate, flag, invocationOf, isLoopback, isStrongCipher,
  listItems, parseDuration,
} from "./_flags.js";

function inv(container: Record<string, unknown>, more: Record<string, unknown> = {}): Invocation | undefined {
  const obj = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", ...container }], ...more } };
  const r = loadManifestText(stringify(obj), "t.yaml").resources[0]!;
  const c = findWorkload(r)!.containers[0]!;
  return invocationOf(c);
}
const path = (p: readonly (string | number)[] | undefined) => p?.join(".");

describe("component detection", () => {
  it.each([
    ["command with the bare name", { command: ["kube-apiserver", "--a=1"] }, "kube-apiserver"],
    ["command with a full path", { command: ["/usr/local/bin/kube-controller-manager"] }, "kube-controller-manager"],
    ["Windows executable", { command: ["C:\\k\\kube-proxy.exe"] }, "kube-proxy"],
    ["Windows executable with forward slashes", { command: ["c:/k/kube-proxy.exe", "--v=2"] }, "kube-proxy"],
    ["hyperkube sub-command", { command: ["/hyperkube", "apiserver", "--a=1"] }, "kube-apiserver"],
    ["hyperkube with the full name", { command: ["/hyperkube", "kube-scheduler"] }, "kube-scheduler"],
    ["init shim", { command: ["/tini", "--", "etcd", "--name=x"] }, "etcd"],
    ["kops' go-runner with its own flags", { command: ["/go-runner", "--log-file=/var/log/kube-apiserver.log", "--also-stdout", "/usr/local/bin/kube-apiserver", "--a=1"] }, "kube-apiserver"],
    ["args only, image entrypoint", { image: "registry.k8s.io/kube-apiserver:v1.30.0", args: ["--a=1"] }, "kube-apiserver"],
    ["args only with an arch suffix", { image: "k8s.gcr.io/kube-scheduler-amd64:v1.10.0", args: ["--a=1"] }, "kube-scheduler"],
    ["no command or args, etcd image", { image: "quay.io/coreos/etcd:v3.5.0" }, "etcd"],
    ["args naming the executable (no entrypoint)", { image: "busybox", args: ["etcd", "--name=x"] }, "etcd"],
    ["shell script", { command: ["/bin/sh", "-c", "exec kube-apiserver --a=1 --b 2"] }, "kube-apiserver"],
    ["shell script with -ec and an env assignment", { command: ["bash", "-ec", "FOO=1 etcd --x=y"] }, "etcd"],
    ["command wins over the image", { image: "registry.k8s.io/etcd:3.5", command: ["etcdctl", "get", "/"] }, undefined],
    ["shell script that copies the binary is not a run", { image: "registry.k8s.io/etcd:3.5", command: ["sh", "-c", "cp /usr/local/bin/etcd /out/"] }, undefined],
    ["other image names", { image: "bitnami/etcd-operator:1", args: ["--a"] }, undefined],
    ["a controller's own kube-apiserver-proxy", { command: ["kube-apiserver-proxy"] }, undefined],
    ["command is a string (wrong type)", { command: "kube-apiserver --a=1", image: "nginx" }, undefined],
    ["args is a map (wrong type)", { image: "registry.k8s.io/kube-apiserver:v1", args: { a: 1 } }, undefined],
    ["command is a string in an apiserver image (wrong type)", { image: "registry.k8s.io/kube-apiserver:v1", command: "kube-apiserver" }, undefined],
  ])("%s", (_, c, want) => {
    expect(inv({ image: "registry.example/x:1", ...c })?.component).toBe(want);
  });
});

describe("flag parsing", () => {
  it("reads --name=value, --name value and bare booleans, with paths", () => {
    const i = inv({ image: "x", command: ["kube-apiserver", "--a=1", "--b", "2", "--profiling", "--c="], args: ["--d=4"] })!;
    expect(flag(i, "a")).toMatchObject({ value: "1", form: "eq" });
    expect(path(flag(i, "a")?.path)).toBe("spec.containers.0.command.1");
    expect(flag(i, "b")).toMatchObject({ value: "2", form: "sep" });
    expect(path(flag(i, "b")?.valuePath)).toBe("spec.containers.0.command.3");
    expect(flag(i, "profiling")).toMatchObject({ value: "true", form: "bare" });
    expect(flag(i, "c")?.value).toBe("");
    expect(path(flag(i, "d")?.path)).toBe("spec.containers.0.args.0");
    expect(path(i.listPath)).toBe("spec.containers.0.args");
  });

  it("never gives a boolean the next argument, and the last occurrence wins", () => {
    const i = inv({ image: "x", command: ["kube-apiserver", "--anonymous-auth", "false", "--x=1", "--x=2"] })!;
    expect(boolValue(flag(i, "anonymous-auth")!)).toBe(true);
    expect(flag(i, "x")?.value).toBe("2");
  });

  it("takes '-' and negative numbers as values, and stops at --", () => {
    const i = inv({ image: "x", command: ["kube-apiserver", "--audit-log-path", "-", "--n", "-1", "--", "--late=1"] })!;
    expect(flag(i, "audit-log-path")?.value).toBe("-");
    expect(flag(i, "n")?.value).toBe("-1");
    expect(flag(i, "late")).toBeUndefined();
  });

  it("normalises underscores for Kubernetes components, not for etcd; etcd accepts single-dash flags", () => {
    expect(flag(inv({ image: "x", command: ["kube-apiserver", "--client_ca_file=/ca"] })!, "client-ca-file")?.value).toBe("/ca");
    const e = inv({ image: "x", command: ["etcd", "-cert-file=/c", "--key-file", "/k"] })!;
    expect(flag(e, "cert-file")?.value).toBe("/c");
    expect(flag(e, "key-file")?.value).toBe("/k");
  });

  it("expands $(VAR) from literal env values and marks other values unknown", () => {
    const i = inv({
      image: "x",
      command: ["kube-apiserver", "--a=$(LIT)", "--b=$(SECRET)", "--c=$(UNDEFINED)", "--d=$$(LIT)", "--e={{ .Values.x }}"],
      env: [{ name: "LIT", value: "hello" }, { name: "SECRET", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }],
    })!;
    expect(flag(i, "a")).toMatchObject({ value: "hello", known: true });
    expect(flag(i, "b")?.known).toBe(false);
    expect(flag(i, "c")).toMatchObject({ value: "$(UNDEFINED)", known: true });
    expect(flag(i, "d")?.value).toBe("$(LIT)");
    expect(flag(i, "e")?.known).toBe(false);
  });

  it("reads etcd's ETCD_ environment variables, which flags override", () => {
    const i = inv({
      image: "x",
      command: ["etcd", "--client-cert-auth=true"],
      env: [{ name: "ETCD_CLIENT_CERT_AUTH", value: "false" }, { name: "ETCD_CERT_FILE", value: "/c" }, { name: "ETCD_KEY_FILE", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }],
    })!;
    expect(flag(i, "client-cert-auth")?.value).toBe("true");
    expect(flag(i, "cert-file")).toMatchObject({ value: "/c", form: "env" });
    expect(path(flag(i, "cert-file")?.path)).toBe("spec.containers.0.env.1.value");
    expect(flag(i, "key-file")?.known).toBe(false);
  });

  it("reads flags from a shell script, quotes and line continuations included", () => {
    const i = inv({ image: "x", command: ["/bin/sh", "-c", "set -e\nexec kube-apiserver \\\n  --a='x y' \\\n  --b \"2\" --c=$HOST && echo done --d=1"] })!;
    expect(i.script).toBe(true);
    expect(flag(i, "a")).toMatchObject({ value: "x y", form: "script" });
    expect(flag(i, "b")?.value).toBe("2");
    expect(flag(i, "c")?.known).toBe(false);
    expect(flag(i, "d")).toBeUndefined();
    expect(path(i.listPath)).toBe("spec.containers.0.command.2");
  });

  it("an unreadable non-flag argument makes the command line opaque (it may hold any flag)", () => {
    expect(inv({ image: "x", command: ["/bin/sh", "-c", "kube-apiserver --a=1 $EXTRA_ARGS"] })!.opaque).toBe(true);
    expect(inv({ image: "x", command: ["kube-apiserver", "{{ .Values.extraArgs }}"] })!.opaque).toBe(true);
    expect(inv({ image: "x", command: ["kube-apiserver", "--a=$(SECRET)"], env: [{ name: "SECRET", valueFrom: { secretKeyRef: { name: "s", key: "k" } } }] })!.opaque).toBe(false);
    expect(inv({ image: "x", command: ["kube-apiserver", "positional"] })!.opaque).toBe(false);
  });

  it("list flags append over occurrences, feature gates merge", () => {
    const i = inv({ image: "x", command: ["kube-apiserver", "--enable-admission-plugins=A,B", "--enable-admission-plugins=C", "--feature-gates=X=true,Y=false", "--feature-gates=X=false"] })!;
    expect(listItems(i, "enable-admission-plugins").map((x) => x.item)).toEqual(["A", "B", "C"]);
    expect(featureGate(i, "X")?.value).toBe(false);
    expect(featureGate(i, "Y")?.value).toBe(false);
    expect(featureGate(i, "Z")).toBeUndefined();
  });

  it("places missing flags in the list that holds the flags", () => {
    expect(path(inv({ image: "x", command: ["kube-apiserver"] })!.listPath)).toBe("spec.containers.0.command");
    expect(path(inv({ image: "x", command: ["kube-apiserver"], args: ["--a=1"] })!.listPath)).toBe("spec.containers.0.args");
    const bare = inv({ image: "registry.k8s.io/etcd:3.5.0" })!;
    expect(path(bare.listPath)).toBe("spec.containers.0.args");
    expect(bare.listExists).toBe(false);
  });
});

describe("admission plugins", () => {
  const v = KubeVersion.DEFAULT;
  const api = (...flags: string[]) => inv({ image: "x", command: ["kube-apiserver", ...flags] })!;
  it("defaults, enable, disable and the legacy --admission-control list", () => {
    expect(admissionPlugin(api(), "ServiceAccount", v)).toMatchObject({ enabled: true, how: "default" });
    expect(admissionPlugin(api(), "NodeRestriction", v)).toMatchObject({ enabled: false, how: "default" });
    expect(admissionPlugin(api("--enable-admission-plugins=NodeRestriction"), "NodeRestriction", v)).toMatchObject({ enabled: true, how: "enabled" });
    expect(admissionPlugin(api("--disable-admission-plugins=ServiceAccount"), "ServiceAccount", v)).toMatchObject({ enabled: false, how: "disabled" });
    expect(admissionPlugin(api("--admission-control=NamespaceLifecycle"), "ServiceAccount", v)).toMatchObject({ enabled: false, how: "admission-control" });
    expect(admissionPlugin(api(), "PodSecurity", KubeVersion.parse("1.22")).enabled).toBe(false);
    expect(admissionPlugin(api(), "PodSecurity", KubeVersion.parse("1.23")).enabled).toBe(true);
  });

  it("authorization modes: default AlwaysAllow, not judged with --authorization-config", () => {
    expect(authorizationModes(api())).toEqual({ modes: ["AlwaysAllow"] });
    expect(authorizationModes(api("--authorization-mode", "Node,RBAC"))?.modes).toEqual(["Node", "RBAC"]);
    expect(authorizationModes(api("--authorization-config=/etc/authz.yaml"))).toBeUndefined();
  });
});

describe("values", () => {
  it.each([
    ["0", 0], ["300s", 300], ["1h30m", 5400], ["4h0m0s", 14400], ["1.5h", 5400], ["500ms", 0.5], ["-1m", -60], ["60", undefined], ["x", undefined],
  ])("duration %s", (s, want) => expect(parseDuration(s)).toBe(want));

  it.each([
    ["127.0.0.1", true], ["127.0.0.1:10249", true], ["127.1.2.3", true], ["[::1]:10249", true], ["::1", true], ["localhost:10257", true],
    ["127.0.0.0/8", true], ["0.0.0.0", false], ["0.0.0.0:10249", false], [":10249", false], ["[::]:10249", false], ["10.0.0.1", false],
    ["0.0.0.0/0", false], ["", false], ["::", false],
  ])("loopback %s", (s, want) => expect(isLoopback(s)).toBe(want));

  it.each([
    ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", true], ["TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", true], ["TLS_AES_256_GCM_SHA384", true],
    ["TLS_RSA_WITH_AES_128_GCM_SHA256", true], ["TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", false], ["TLS_RSA_WITH_3DES_EDE_CBC_SHA", false],
    ["TLS_ECDHE_RSA_WITH_RC4_128_SHA", false], ["nonsense", false],
  ])("cipher %s strong: %s", (s, want) => expect(isStrongCipher(s)).toBe(want));
});
