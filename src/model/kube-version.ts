/** A target Kubernetes minor version, e.g. 1.34 (`--kube-version`). */
export class KubeVersion {
  static readonly DEFAULT = new KubeVersion(1, 35);

  constructor(
    readonly major: number,
    readonly minor: number,
  ) {}

  /** Accepts "1.34", "v1.34", "1.34.2", "v1.34.2-gke.1". */
  static parse(text: string): KubeVersion {
    const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
    if (!m) throw new RangeError(`not a Kubernetes version: "${text}" (expected something like 1.34)`);
    return new KubeVersion(Number(m[1]), Number(m[2]));
  }

  /** Is this version at least 1.minor (for major 1)? */
  atLeast(minor: number, major = 1): boolean {
    return this.major > major || (this.major === major && this.minor >= minor);
  }

  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}
