import { type ImageRef, hasTemplate, parseImage } from "../../model/image.js";
import type { YamlPath } from "../../model/types.js";
import type { ContainerView, Workload } from "../../model/workload.js";

/** A container with a readable image reference. */
export interface ContainerImage {
  container: ContainerView;
  /** The image as written. */
  image: string;
  ref: ImageRef;
  /** Path of the `image` field. */
  path: YamlPath;
}

/**
 * The containers of a workload (init, regular and ephemeral) whose `image` is a non-empty string. Images a
 * template renderer has not filled in yet are left out unless `keepTemplated` is set.
 */
export function containerImages(workload: Workload | undefined, keepTemplated = false): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const c of workload?.containers ?? []) {
    const image = c.spec.image;
    if (typeof image !== "string" || image.trim() === "") continue;
    const ref = parseImage(image);
    if (!keepTemplated && !nameAndTagReadable(ref)) continue;
    out.push({ container: c, image, ref, path: [...c.path, "image"] });
  }
  return out;
}

/** Are the repository, tag and digest free of template text (the registry may still be templated)? */
export function nameAndTagReadable(ref: ImageRef): boolean {
  return !hasTemplate(ref.repository) && !hasTemplate(ref.tag ?? "") && !hasTemplate(ref.digest ?? "");
}

/**
 * Is this the community ingress-nginx controller (kubernetes/ingress-nginx)? Its images are
 * `registry.k8s.io/ingress-nginx/controller` (and `controller-chroot`), formerly on k8s.gcr.io and as
 * `quay.io/kubernetes-ingress-controller/nginx-ingress-controller`; mirrors keep the path. Repackagings named
 * `nginx-ingress-controller` (Bitnami, Rancher) build the same project. F5 NGINX's `nginx/nginx-ingress` is a
 * different product and does not match.
 */
export function isIngressNginxController(ref: ImageRef): boolean {
  const repo = ref.repository;
  return /(^|\/)ingress-nginx\/controller(-chroot)?$/.test(repo) || /(^|\/)nginx-ingress-controller$/.test(repo);
}
