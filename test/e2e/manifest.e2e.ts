/**
 * The shipped builds (dist/, dist-firefox/) as a store would see them:
 * least privilege, no web-accessible files, strict CSP, and a content script
 * that stays small and carries no analysis engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureShippedBuilds, ROOT, SHIPPED } from './helpers';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  background?: Record<string, unknown>;
};

beforeAll(ensureShippedBuilds);

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

for (const [target, dir] of Object.entries(SHIPPED)) {
  describe(`${target} build`, () => {
    it('asks for activeTab, scripting and storage only, hosts only as optional', () => {
      const m = manifestOf(dir);
      expect(m.manifest_version).toBe(3);
      expect([...(m.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'storage']);
      expect(m.host_permissions).toBeUndefined();
      expect(m.optional_host_permissions).toEqual(['<all_urls>']);
      expect(m.content_scripts).toBeUndefined();
    });

    it('exposes no file to web pages and allows no remote code', () => {
      const m = manifestOf(dir);
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.content_security_policy).toEqual({
        extension_pages: "script-src 'self'; object-src 'self'",
      });
    });

    it('ships a small content script without the analysis engine', () => {
      const file = join(dir, 'src/content/content-script.js');
      const code = readFileSync(file);
      expect(gzipSync(code).length).toBeLessThanOrEqual(30 * 1024);
      const catalog = JSON.parse(readFileSync(join(ROOT, 'src/core/sdk/catalog.json'), 'utf8')) as {
        entries: { name: string }[];
      };
      const text = code.toString('utf8');
      // No SDK catalog in the content script: none of its names appear.
      const names = catalog.entries.map((e) => e.name).filter((n) => n.length >= 5);
      expect(names.length).toBeGreaterThan(5);
      const leaked = names.filter((n) => text.includes(n));
      expect(leaked).toEqual([]);
    });

    it('has its locales and icons', () => {
      const m = manifestOf(dir);
      expect(m.default_locale).toBe('en');
      for (const lang of ['en', 'zh_CN', 'zh_TW']) {
        expect(existsSync(join(dir, '_locales', lang, 'messages.json'))).toBe(true);
      }
      for (const icon of Object.values(m.icons as Record<string, string>)) {
        expect(existsSync(join(dir, icon)), icon).toBe(true);
      }
    });
  });
}

describe('browser-specific manifest keys', () => {
  it('Chrome runs a module service worker', () => {
    const bg = manifestOf(SHIPPED.chrome).background!;
    expect(typeof bg.service_worker).toBe('string');
    expect(bg.scripts).toBeUndefined();
  });

  it('Firefox runs background scripts and carries a gecko id', () => {
    const m = manifestOf(SHIPPED.firefox);
    expect(Array.isArray(m.background!.scripts)).toBe(true);
    expect(m.background!.service_worker).toBeUndefined();
    const gecko = (m.browser_specific_settings as { gecko: { id: string } }).gecko;
    expect(gecko.id).toBe('policylens@policylens.local');
  });
});
