import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtml, htmlEncoding, loadPolicyFile, LoadError } from '../../src/cli/load';

const ascii = (s: string) => new TextEncoder().encode(s);
const GBK_PRIVACY_POLICY = [0xd2, 0xfe, 0xcb, 0xbd, 0xd5, 0xfe, 0xb2, 0xdf]; // 隐私政策

describe('htmlEncoding', () => {
  it('follows the BOM first', () => {
    expect(htmlEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(htmlEncoding(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00]))).toBe('utf-16le');
  });

  it('reads <meta charset> and the http-equiv form', () => {
    expect(htmlEncoding(ascii('<meta charset="GB2312"><p>x'))).toBe('gbk');
    expect(
      htmlEncoding(
        ascii("<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"),
      ),
    ).toBe('shift_jis');
  });

  it('falls back to UTF-8 for no, unknown or UTF-16 declarations', () => {
    expect(htmlEncoding(ascii('<p>plain'))).toBe('utf-8');
    expect(htmlEncoding(ascii('<meta charset="klingon">'))).toBe('utf-8');
    expect(htmlEncoding(ascii('<meta charset="utf-16">'))).toBe('utf-8');
  });

  it('decodes GBK bytes', () => {
    const bytes = Uint8Array.from([...ascii('<meta charset=gbk><h1>'), ...GBK_PRIVACY_POLICY]);
    expect(decodeHtml(bytes)).toContain('<h1>隐私政策');
  });
});

describe('loadPolicyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes text files as they are, front matter included', async () => {
    const file = join(dir, 'p.md');
    const text = '---\ntitle: privacy policy\n---\n# Privacy Policy\r\nWe collect data.\n';
    writeFileSync(file, text);
    expect(await loadPolicyFile(file)).toEqual({ text, file });
  });

  it('strips a UTF-8 BOM from text files', async () => {
    const file = join(dir, 'bom.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Privacy')]));
    expect((await loadPolicyFile(file)).text).toBe('Privacy');
  });

  it('extracts HTML into blocks and a title', async () => {
    const file = join(dir, 'p.htm');
    writeFileSync(
      file,
      '<html><head><title>Example Privacy</title><script>var x = "not text";</script></head>' +
        '<body><nav><a href="/">Home</a></nav><main><h2>Data we collect</h2><p>Your e-mail address.</p></main></body></html>',
    );
    const input = await loadPolicyFile(file);
    expect(input.file).toBe(file);
    expect(input.title).toBe('Example Privacy');
    expect(input.text).toBeUndefined();
    const texts = input.blocks?.map((b) => b.text) ?? [];
    expect(texts).toContain('Data we collect');
    expect(texts).toContain('Your e-mail address.');
    expect(texts.join(' ')).not.toContain('not text');
  });

  it('refuses empty, blank, missing and other files with a LoadError', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), ' \n\t\n');
    writeFileSync(join(dir, 'blank.html'), '<html><body><script>1</script></body></html>');
    writeFileSync(join(dir, 'data.csv'), 'a,b');
    await expect(loadPolicyFile(join(dir, 'empty.txt'))).rejects.toThrow(
      /empty\.txt: the file is empty/,
    );
    await expect(loadPolicyFile(join(dir, 'blank.txt'))).rejects.toThrow(/no text/);
    await expect(loadPolicyFile(join(dir, 'blank.html'))).rejects.toThrow(/no readable text/);
    await expect(loadPolicyFile(join(dir, 'data.csv'))).rejects.toThrow(/not a policy file/);
    await expect(loadPolicyFile(join(dir, 'missing.txt'))).rejects.toBeInstanceOf(LoadError);
    await expect(loadPolicyFile(join(dir, 'missing.txt'))).rejects.toThrow(/no such file/);
  });
});
