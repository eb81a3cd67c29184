// etcd specifics shared by the etcd rules.
import { type Invocation, isSet } from "./_flags.js";

/**
 * etcd started with --config-file (or ETCD_CONFIG_FILE) ignores its other flags and environment variables; the
 * manifest does not show that file, so such an etcd is not judged.
 */
export function etcdConfiguredByFile(inv: Invocation): boolean {
  return isSet(inv, "config-file");
}
