/**
 * Reading a policy file into what analyze() takes, the way the extension
 * would see it: HTML goes through the same extraction the content script
 * runs (src/extract, here under linkedom), text and Markdown are passed as
 * they are, so every quote stays a substring of the analysed text.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import type { PolicyInput } from '../core/types';
import { extractPage } from '../extract/index';

export const HTML_EXTENSIONS = ['.html', '.htm'] as const;
export const TEXT_EXTENSIONS = ['.txt', '.md'] as const;
export const POLICY_EXTENSIONS: readonly string[] = [...HTML_EXTENSIONS, ...TEXT_EXTENSIONS];

/** A file that cannot be analysed, with a message meant for people. */
export class LoadError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'LoadError';
  }
}

export function isPolicyFileName(name: string): boolean {
  return POLICY_EXTENSIONS.includes(extname(name).toLowerCase());
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A label TextDecoder knows, or undefined. */
function knownEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;

/**
 * The encoding of an HTML document: its byte-order mark, else the charset of
 * a <meta> in the first 4 KB (`<meta charset>` or the http-equiv form), else
 * UTF-8. As browsers do, a declared UTF-16 without a BOM is read as UTF-8.
 */
export function htmlEncoding(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const declared = META_CHARSET.exec(head)?.[1];
  const known = declared ? knownEncoding(declared) : undefined;
  if (!known || known.startsWith('utf-16')) return 'utf-8';
  return known;
}

export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(htmlEncoding(bytes)).decode(bytes);
}

/** Text files: a BOM decides, else UTF-8 (invalid bytes become U+FFFD). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(bomEncoding(bytes) ?? 'utf-8').decode(bytes);
}

export interface LoadedPolicy {
  input: PolicyInput;
  /** What the extraction skipped or cut, worth telling the user. */
  warnings: string[];
}

/** Extract an HTML document the way the extension does. */
export function htmlInput(html: string, file?: string): LoadedPolicy {
  const { document } = parseHTML(html);
  const page = extractPage(document as unknown as Document);
  return {
    input: {
      blocks: page.blocks,
      ...(page.title ? { title: page.title } : {}),
      ...(file !== undefined ? { file } : {}),
    },
    warnings: page.warnings,
  };
}

function reason(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Read one policy file (.html, .htm, .txt, .md) into a PolicyInput whose
 * `file` is the path as given. Throws a LoadError when the file is missing,
 * unreadable, of another type, or has no text.
 */
export async function loadPolicyFile(path: string): Promise<PolicyInput> {
  return (await loadPolicy(path)).input;
}

/** loadPolicyFile, plus the extraction's warnings. */
export async function loadPolicy(path: string): Promise<LoadedPolicy> {
  const ext = extname(path).toLowerCase();
  if (!POLICY_EXTENSIONS.includes(ext)) {
    throw new LoadError(path, `not a policy file (expected ${POLICY_EXTENSIONS.join(', ')})`);
  }
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = await readFile(path);
  } catch (err) {
    throw new LoadError(path, reason(err));
  }
  if (bytes.length === 0) throw new LoadError(path, 'the file is empty');
  if ((HTML_EXTENSIONS as readonly string[]).includes(ext)) {
    const loaded = htmlInput(decodeHtml(bytes), path);
    if (!loaded.input.blocks?.some((b) => b.text.trim() !== '')) {
      throw new LoadError(path, 'no readable text in this page');
    }
    return loaded;
  }
  const text = decodeText(bytes);
  if (text.trim() === '') throw new LoadError(path, 'the file has no text');
  return { input: { text, file: path }, warnings: [] };
}
