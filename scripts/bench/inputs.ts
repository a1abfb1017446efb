/**
 * What the bench analyses: the seeds (text), their HTML fixtures (loaded as
 * the CLI loads them), the non-policy fixtures and the dev corpora.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PolicyInput } from '../../src/core/types';
import { decodeHtml, htmlInput } from '../../src/cli/load';

export interface TextItem {
  name: string;
  text: string;
  bytes: number;
}

export interface HtmlItem {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface CorpusDoc {
  id: string;
  text: string;
}

export function readSeeds(seedDir: string): TextItem[] {
  return readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(seedDir, f));
      return { name: f, text: bytes.toString('utf8'), bytes: bytes.length };
    });
}

export function readHtml(fixtureDir: string, pattern: RegExp): HtmlItem[] {
  return readdirSync(fixtureDir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => ({ name: f, path: join(fixtureDir, f), bytes: readFileSync(join(fixtureDir, f)) }));
}

/**
 * An HTML file to what analyze() takes, with the CLI's own code
 * (src/cli/load.ts: decode by BOM/meta charset, parse with linkedom, extract).
 * Only the disk read is left out, so the timing is not about the file system.
 */
export function loadHtml(item: HtmlItem): PolicyInput {
  return htmlInput(decodeHtml(item.bytes), item.path).input;
}

interface CorpusLine {
  id?: string;
  segments?: { text?: string }[];
}

/** A dev corpus (JSONL): one document per line, its text the segments joined with a blank line. */
export function readCorpus(path: string): { name: string; docs: CorpusDoc[] } {
  const docs: CorpusDoc[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const row = JSON.parse(line) as CorpusLine;
      const text = (row.segments ?? []).map((s) => s.text ?? '').join('\n\n');
      docs.push({ id: row.id ?? `line ${i + 1}`, text });
    });
  return { name: basename(path, '.jsonl'), docs };
}

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

export { basename };
