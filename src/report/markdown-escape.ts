// Escaping for the Markdown formats (`markdown`, `threat-model`): manifests are untrusted, and GitHub renders
// inline HTML, links and emphasis in comments, so every manifest string is made inert before it is written.

/** Text in Markdown prose or a table cell: no HTML, no links/emphasis/code spans, no table breaks, one line. */
export function md(s: unknown): string {
  return String(s)
    .replace(/\r?\n|\r/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|~])/g, "\\$1")
    .replace(/:\/\//g, ":\\/\\/");
}

/** Text inside a code span: backticks cannot be escaped there, so they become a look-alike. */
export function mdCode(s: unknown): string {
  const t = String(s).replace(/\r?\n|\r/g, " ").replace(/`/g, "ˋ").replace(/\|/g, "¦");
  return `\`${t}\``;
}

/** A Mermaid node label, for `id["..."]`: quotes, angle brackets and the like become Mermaid entity codes. */
export function mermaidLabel(s: unknown): string {
  return String(s)
    .replace(/\r?\n|\r/g, " ")
    .replace(/[#"<>&`|{}[\]()\\;]/g, (c) => `#${c.charCodeAt(0)};`);
}
