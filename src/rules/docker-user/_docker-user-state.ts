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

