// Tiny builders for rule tests: objects that become manifests.
type Obj = Record<string, unknown>;

export function pod(spec: Obj, metadata: Obj = {}): Obj {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p", ...metadata }, spec };
}

export function deployment(podSpec: Obj, templateMetadata: Obj = {}): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "d" },
    spec: { selector: { matchLabels: { app: "d" } }, template: { metadata: { labels: { app: "d" }, ...templateMetadata }, spec: podSpec } },
  };
}

export function cronJob(podSpec: Obj): Obj {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "c" },
    spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: podSpec } } } },
  };
}

/** A container with a name and image, plus whatever is given. */
export function container(extra: Obj = {}, name = "app"): Obj {
  return { name, image: "registry.example/app:1.0", ...extra };
}

/** A container whose securityContext is `sc`. */
export function withSc(sc: Obj, name = "app"): Obj {
  return container({ securityContext: sc }, name);
}
