// The CEL encoders extension: base64.encode and base64.decode.
import type { CelLibrary } from "./index.js";
import { celError, registerNamespace } from "./util.js";

/** Standard base64 with or without padding (Go's StdEncoding, then RawStdEncoding); newlines are ignored as Go does. */
export function decodeBase64(s: string): Uint8Array {
  const text = s.replace(/[\r\n]/g, "");
  const ok = /^[A-Za-z0-9+/]*$/.test(text) ? text.length % 4 !== 1 : /^[A-Za-z0-9+/]*={1,2}$/.test(text) && text.length % 4 === 0;
  if (!ok) throw celError("invalid_argument", `base64.decode: illegal base64 data in ${JSON.stringify(s)}`);
  return new Uint8Array(Buffer.from(text, "base64"));
}

export function encodeBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("base64");
}

export const base64Library: CelLibrary = {
  name: "base64",
  summary: "Base64 encoding of bytes and decoding of strings.",
  functions: ["base64.encode(bytes) -> string", "base64.decode(string) -> bytes"],
  gaps: [],
  register(env) {
    const ns = registerNamespace(env, "base64", "Base64Namespace");
    env.registerFunction(`${ns}.encode(bytes): string`, (_ns: unknown, b: Uint8Array) => encodeBase64(b));
    env.registerFunction(`${ns}.decode(string): bytes`, (_ns: unknown, s: string) => decodeBase64(s));
  },
};
