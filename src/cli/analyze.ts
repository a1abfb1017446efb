/**
 * `npm run -s analyze -- [--json] <file|dir> ...`
 *
 * Analyses policy files (.html, .htm, .txt, .md) with the extension's own
 * code and prints a card: readable by default, one JSON card per line with
 * --json. A directory is read in name order (not recursively), skipping other
 * files. Exit codes: 0 ok, 1 some input could not be analysed, 2 usage.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPolicyFileName, loadPolicy, LoadError } from './load';
import { renderCard } from './render';
import { cardFor } from './run';

export const USAGE = `Usage: npm run -s analyze -- [--json] <file|dir> ...
  Reads a privacy policy (.html, .htm, .txt, .md) and prints its risk card.
  A directory: every policy file in it, in name order.
  --json   one card as JSON per line (nothing else on stdout)`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

interface Args {
  json: boolean;
  help: boolean;
  paths: string[];
  unknown: string[];
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, help: false, paths: [], unknown: [] };
  let flagsDone = false;
  for (const a of argv) {
    if (!flagsDone && a === '--') flagsDone = true;
    else if (!flagsDone && a === '--json') args.json = true;
    else if (!flagsDone && (a === '--help' || a === '-h')) args.help = true;
    else if (!flagsDone && a.startsWith('-') && a !== '-') args.unknown.push(a);
    else args.paths.push(a);
  }
  return args;
}

/** The files a path stands for: itself, or a directory's policy files sorted by name. */
async function filesOf(path: string): Promise<string[]> {
  let isDir = false;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch {
    return [path]; // loadPolicyFile says what is wrong with it
  }
  if (!isDir) return [path];
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isFile() && isPolicyFileName(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0)
    throw new LoadError(path, 'no policy files (.html, .htm, .txt, .md) in this directory');
  return names.map((n) => join(path, n));
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (args.unknown.length > 0) {
    io.err(`analyze: unknown option ${args.unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  if (args.paths.length === 0 || args.paths.includes('-')) {
    io.err(`analyze: give a file or a directory (standard input is not read)\n${USAGE}\n`);
    return 2;
  }
  let failed = 0;
  let printed = 0;
  for (const path of args.paths) {
    let files: string[];
    try {
      files = await filesOf(path);
    } catch (err) {
      io.err(`analyze: ${err instanceof Error ? err.message : String(err)}\n`);
      failed++;
      continue;
    }
    for (const file of files) {
      try {
        const loaded = await loadPolicy(file);
        for (const w of loaded.warnings) io.err(`analyze: ${file}: ${w}\n`);
        const card = cardFor(loaded.input);
        if (args.json) io.out(`${JSON.stringify(card)}\n`);
        else io.out(`${printed > 0 ? '\n' + '─'.repeat(60) + '\n\n' : ''}${renderCard(card)}\n`);
        printed++;
      } catch (err) {
        const message =
          err instanceof LoadError ? err.message : `${file}: analysis failed: ${String(err)}`;
        io.err(`analyze: ${message}\n`);
        failed++;
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(
        `analyze: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
