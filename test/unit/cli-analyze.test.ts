import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types';
import { cardQuotes } from '../../src/eval/corpus';

const SEEDS = '../shared/seeds';
const schema = JSON.parse(readFileSync('../shared/spec/card.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const seedFiles = readdirSync(SEEDS)
  .filter((n) => n.endsWith('.txt'))
  .sort();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the real CLI as `npm run analyze` does. Standard input stays open and
 * empty, so a CLI that read it would hang and be killed: code null.
 */
function runCli(args: string[], timeoutMs = 25_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** GBK bytes of a string, from the inverse of Node's GBK decoder (two-byte codes only, plus ASCII). */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

function expectValid(card: unknown): void {
  const ok = validate(card);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policylens-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('analyze CLI', () => {
  it('--json on one file prints exactly one valid card, with the file as given', async () => {
    const file = `${SEEDS}/${seedFiles[0]}`;
    const r = await runCli(['--json', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const card = JSON.parse(lines[0]!) as Card;
    expectValid(card);
    expect(card.source?.file).toBe(file);
    const text = readFileSync(file, 'utf8');
    const quotes = cardQuotes(card);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => !text.includes(q.quote))).toEqual([]);
  });

  it('a directory gives one card per policy file, in name order, other files skipped', async () => {
    const sub = join(dir, 'set');
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub);
    copyFileSync(`${SEEDS}/${seedFiles[3]}`, join(sub, 'b-policy.txt'));
    copyFileSync(`${SEEDS}/${seedFiles[4]}`, join(sub, 'a-policy.md'));
    writeFileSync(join(sub, 'notes.json'), '{"not": "a policy"}');
    writeFileSync(
      join(sub, 'c-policy.html'),
      '<html><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>' +
        '<p>We collect your e-mail address and your precise location.</p>' +
        '<p>We keep your data for 30 days. Write to privacy@example.com to opt out.</p></main></body></html>',
    );
    const r = await runCli(['--json', sub]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    const cards = lines.map((l) => JSON.parse(l) as { source?: { file?: string } });
    cards.forEach(expectValid);
    expect(cards.map((c) => c.source?.file)).toEqual(
      ['a-policy.md', 'b-policy.txt', 'c-policy.html'].map((n) => join(sub, n)),
    );
  });

  it('reads a GBK page declared in <meta charset>', async () => {
    const file = join(dir, 'gbk.html');
    const body =
      '<h1>隐私政策</h1><p>我们会收集您的位置信息和设备标识符，用于向您提供服务。</p>' +
      '<p>您可以在设置中撤回授权或注销账号。</p>';
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('<html><head><meta charset="gbk"></head><body>'),
        encodeGbk(body),
        Buffer.from('</body></html>'),
      ]),
    );
    const r = await runCli(['--json', file]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as Card;
    expectValid(card);
    // read as UTF-8, these bytes would give replacement characters and no Chinese
    expect(r.stdout).not.toContain('\uFFFD');
    expect(card.language).toBe('zh');
  });

  it('without --json prints a readable card with every area', async () => {
    const r = await runCli([`${SEEDS}/${seedFiles[0]}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Grade [A-E] /m);
    for (const area of [
      'Sensitive data (',
      'Third parties and SDKs (',
      'Retention: ',
      'Opt-out paths (',
      'Sharing',
    ]) {
      expect(r.stdout).toContain(area);
    }
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('an empty file exits non-zero with a message on stderr', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const r = await runCli(['--json', file]);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('empty.txt');
    expect(r.stderr).toMatch(/empty/);
  });

  it('a missing file exits non-zero with a message on stderr', async () => {
    const r = await runCli(['--json', join(dir, 'no-such-policy.txt')]);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no-such-policy\.txt: no such file/);
  });

  it('no path: usage on stderr, exit 2, without waiting for standard input', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
    expect(r.stdout).toBe('');
  });
});

describe('analyze main()', () => {
  async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const { main } = await import('../../src/cli/analyze');
    let out = '';
    let err = '';
    const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  it('a directory with an empty file: the other cards are printed, the empty one reported, exit 1', async () => {
    const sub = join(dir, 'mixed');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a-empty.txt'), '');
    copyFileSync(`${SEEDS}/${seedFiles[3]}`, join(sub, 'b-policy.txt'));
    const r = await runMain(['--json', sub]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as Card).source?.file).toBe(join(sub, 'b-policy.txt'));
    expect(r.err).toContain(`${join(sub, 'a-empty.txt')}: the file is empty`);
  });

  it('a directory without policy files, an unknown option and "-" are refused', async () => {
    const sub = join(dir, 'nothing');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'data.csv'), 'a,b');
    const none = await runMain([sub]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no policy files/);
    const unknown = await runMain(['--jsno', sub]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option --jsno/);
    const stdin = await runMain(['-']);
    expect(stdin.code).toBe(2);
    expect(stdin.err).toMatch(/standard input is not read/);
  });
});
