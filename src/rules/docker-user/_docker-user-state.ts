// Shared by the docker-user rules: the word of a command that names sudo (or another wrapper), and the programs a
// `sh -c '<script>'` string runs. Stage chains, variables, the user in force and the commands of a stage are queries
// of the model (src/model/dockerfile-queries.ts).
import { SHELLS, type ShellCommand, type ShellWord, effectiveCommand, programName } from "../../model/dockerfile.js";

/** The word of a command that names a given wrapper or program (`sudo` in `env A=1 sudo -E make`), if any. */
export function commandWordNamed(command: ShellCommand, name: string): ShellWord | undefined {
  const words = command.name ? [command.name, ...command.args] : [];
  const e = effectiveCommand(command);
  const end = e.word ? words.indexOf(e.word) : words.length;
  for (let i = 0; i < (end < 0 ? words.length : end + 1); i++) {
    if (programName(words[i]!) === name) return words[i];
  }
  return undefined;
}

/**
 * For `sh -c '<script>'` (and bash/dash/...): the script string, which the model keeps as one word. Returns the word
 * and the program names that start its simple commands, read with a light tokenizer (split at ; & | newline and
 * parentheses, leading VAR=value assignments skipped); quoting inside the script is not interpreted.
 */
export function shellCStrings(command: ShellCommand): { word: ShellWord; programs: string[] } | undefined {
  const e = effectiveCommand(command);
  if (!e.program || !SHELLS.has(e.program)) return undefined;
  const at = e.args.findIndex((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a.text));
  const word = at >= 0 ? e.args[at + 1] : undefined;
  if (!word) return undefined;
  const programs: string[] = [];
  for (const part of word.text.split(/[;&|\n()]+|\$\(|`/)) {
    const tokens = part.trim().split(/\s+/).filter((t) => t !== "");
    let i = 0;
    while (i < tokens.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(tokens[i]!)) i++;
    const t = tokens[i];
    if (t !== undefined) programs.push(t.replace(/^["']+|["']+$/g, "").replace(/^.*\//, ""));
  }
  return { word, programs };
}
