/**
 * `npm run -s eval -- [--gold DIR] [--corpus FILE.jsonl ...] [--json] [--out FILE]`
 *
 * Scores the analyser against the gold cards and the annotated corpora (I/O
 * only: the scoring is in src/eval). With neither --gold nor --corpus it uses
 * ../shared/gold/ and every *.jsonl in ../shared/corpus/dev/; given either,
 * only what is given is used. Exit codes: 0 ran (whatever the figures),
 * 1 some input could not be read or analysed, 2 usage.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyFile } from '../src/cli/load';
import { cardFor } from '../src/cli/run';
import { corpusInput, inputText, parseCorpusLine, type CorpusPolicy } from '../src/eval/corpus';
import { parseGoldCard } from '../src/eval/gold';
import { buildReport, formatReport, type CorpusRun, type GoldRun } from '../src/eval/report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_GOLD = resolve(ROOT, '../shared/gold');
const DEFAULT_CORPUS_DIR = resolve(ROOT, '../shared/corpus/dev');
const SEEDS = resolve(ROOT, '../shared/seeds');
const TEXT_BESIDE_GOLD = ['.txt', '.md', '.html', '.htm'];

const USAGE = `Usage: npm run -s eval -- [--gold DIR] [--corpus FILE.jsonl ...] [--json] [--out FILE]
  --gold DIR      gold cards (ID.json, text in ID.txt beside it or ../shared/seeds/ID.txt)
  --corpus FILE   annotated corpus in the JSONL format of ../shared/corpus/README.md (repeatable)
  --json          print one JSON object instead of the table
  --out FILE      also write the JSON object to FILE
  Without --gold and --corpus: ../shared/gold/ and ../shared/corpus/dev/*.jsonl.`;

interface Args {
  gold?: string;
  corpora: string[];
  json: boolean;
  out?: string;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { corpora: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return undefined;
      i++;
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--gold') {
      const v = value();
      if (!v) return '--gold needs a directory';
      args.gold = v;
    } else if (a === '--out') {
      const v = value();
      if (!v) return '--out needs a file';
      args.out = v;
    } else if (a === '--corpus') {
      let v = value();
      if (!v) return '--corpus needs a file';
      while (v) {
        args.corpora.push(v);
        v = value();
      }
    } else if (a === '--help' || a === '-h') return '';
    else return `unknown argument ${a}`;
  }
  return args;
}

function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function goldRuns(dir: string, errors: string[]): Promise<GoldRun[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const runs: GoldRun[] = [];
  for (const name of names) {
    const id = basename(name, '.json');
    try {
      const gold = parseGoldCard(JSON.parse(await readFile(join(dir, name), 'utf8')), id);
      const candidates = [
        ...TEXT_BESIDE_GOLD.map((ext) => join(dir, id + ext)),
        join(SEEDS, `${id}.txt`),
      ];
      const textFile = candidates.find((p) => existsSync(p));
      if (!textFile)
        throw new Error(`no policy text (looked for ${candidates.map(show).join(', ')})`);
      const input = await loadPolicyFile(show(textFile));
      runs.push({ gold, card: cardFor(input), text: inputText(input) });
    } catch (err) {
      errors.push(`${show(join(dir, name))}: ${message(err)}`);
    }
  }
  return runs;
}

async function corpusRuns(files: string[], errors: string[]): Promise<CorpusRun[]> {
  const runs: CorpusRun[] = [];
  for (const file of files) {
    let lines: string[];
    try {
      lines = (await readFile(file, 'utf8')).split('\n');
    } catch (err) {
      errors.push(`${show(file)}: ${message(err)}`);
      continue;
    }
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let policy: CorpusPolicy;
      try {
        policy = parseCorpusLine(line);
      } catch (err) {
        errors.push(`${show(file)}:${i + 1}: ${message(err)}`);
        return;
      }
      try {
        runs.push({ policy, card: cardFor(corpusInput(policy)) });
      } catch (err) {
        errors.push(`${show(file)}:${i + 1} (${policy.id}): analysis failed: ${message(err)}`);
      }
    });
  }
  return runs;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args ? `eval: ${args}\n` : ''}${USAGE}\n`);
    return args ? 2 : 0;
  }
  const useDefaults = args.gold === undefined && args.corpora.length === 0;
  const goldDir =
    args.gold !== undefined ? resolve(args.gold) : useDefaults ? DEFAULT_GOLD : undefined;
  let corpusFiles = args.corpora.map((f) => resolve(f));
  if (useDefaults) {
    corpusFiles = (await readdir(DEFAULT_CORPUS_DIR))
      .filter((n) => n.endsWith('.jsonl'))
      .sort()
      .map((n) => join(DEFAULT_CORPUS_DIR, n));
  }
  const errors: string[] = [];
  const started = performance.now();
  let gold: GoldRun[] = [];
  if (goldDir !== undefined) {
    try {
      gold = await goldRuns(goldDir, errors);
    } catch (err) {
      errors.push(`${show(goldDir)}: ${message(err)}`);
    }
  }
  const corpora = await corpusRuns(corpusFiles, errors);
  const report = buildReport(gold, corpora);
  const elapsedMs = Math.round(performance.now() - started);
  const full = {
    inputs: { gold: goldDir !== undefined ? show(goldDir) : null, corpora: corpusFiles.map(show) },
    ...report,
    errors,
    elapsedMs,
  };
  const json = JSON.stringify(full, null, 2);
  if (args.out) await writeFile(args.out, `${json}\n`);
  if (args.json) process.stdout.write(`${json}\n`);
  else {
    process.stdout.write(`${formatReport(report)}\n`);
    process.stdout.write(
      `(${gold.length} gold cards, ${corpora.length} corpus policies, ${(elapsedMs / 1000).toFixed(1)} s)\n`,
    );
  }
  for (const e of errors) process.stderr.write(`eval: ${e}\n`);
  return errors.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `eval: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  },
);
