/** The `--preset` part of `revlens --help`, from the preset registry: each preset's id and what it reads. */
import { IMPORT_PRESETS } from '../import/presets/registry';

/** Help lines are at most this wide. */
const WIDTH = 100;
/** Where the option descriptions of the help start. */
const INDENT = 23;

/** `text` as lines of at most WIDTH characters: the first after `first`, the rest indented as deep. */
function wrap(first: string, text: string): string[] {
  const indent = ' '.repeat(first.length);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** One entry per preset, in registry order: `id   Name: what it reads`, wrapped. */
export function presetHelp(): string {
  const idWidth = Math.max(...IMPORT_PRESETS.map((p) => p.id.length)) + 2;
  return IMPORT_PRESETS.flatMap((p) =>
    wrap(`${' '.repeat(INDENT + 2)}${p.id.padEnd(idWidth)}`, `${p.name}: ${p.reads}`),
  ).join('\n');
}
