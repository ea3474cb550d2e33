// The part of docs/BENCHMARKS.md a script owns: between `<!-- name:begin -->` and
// `<!-- name:end -->`, rewritten on every run; the prose around it is written by people.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib.mjs';

export const BENCHMARKS_MD = path.join(ROOT, 'docs/BENCHMARKS.md');

export function writeSection(name, markdown, file = BENCHMARKS_MD) {
  const begin = `<!-- ${name}:begin (written by the script; edits here are lost) -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  const block = `${begin}\n\n${markdown.trim()}\n\n${end}`;
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

/** When and where a run was made, in one line: date, Node, cores, the database (without its paths). */
export function runLine(mongoDescription) {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const mongo = mongoDescription.replace(/ \(SQLite[^)]*\)/, ' (SQLite)').replace(/ on mongodb:.*/, '');
  return `${when} UTC, Node ${process.version}, ${os.cpus().length} cores, ${mongo}`;
}
