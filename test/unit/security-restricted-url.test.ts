/**
 * Pages the browser will not let an extension read, as classifyUrl sees them:
 * browser pages, the add-on stores, the built-in PDF viewers, local files,
 * and addresses written to slip past a simple prefix check.
 */
import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../src/platform/restricted-url';

describe('classifyUrl: restricted pages however they are written', () => {
  it('browser-internal pages in any letter case, with spaces around', () => {
    for (const url of [
      'CHROME://settings',
      '  chrome://newtab/',
      'About:Blank',
      'about:srcdoc',
      'about:debugging#/runtime/this-firefox',
      'chrome-untrusted://print/',
      'chrome-search://local-ntp/local-ntp.html',
      'edge://settings',
      'resource://gre/modules/x.js',
      'view-source:chrome://settings',
      'javascript:alert(1)',
      'blob:https://example.com/1234',
      'data:text/html,<h1>Privacy Policy</h1>',
    ]) {
      expect(classifyUrl(url), url).toBe('restricted');
    }
  });

  it('the extension stores, including their deep pages and odd host case', () => {
    for (const url of [
      'https://chromewebstore.google.com/',
      'https://chromewebstore.google.com/detail/policylens/abcdefghijklmnopabcdefghijklmnop',
      'https://CHROMEWEBSTORE.google.com/category/extensions',
      'https://chrome.google.com/webstore/category/extensions?hl=en',
      'https://addons.mozilla.org/zh-CN/firefox/',
      'https://microsoftedge.microsoft.com/addons/Microsoft-Edge-Extensions-Home',
    ]) {
      expect(classifyUrl(url), url).toBe('restricted');
    }
    // Look-alike hosts are ordinary sites, not the stores.
    expect(classifyUrl('https://chromewebstore.google.com.evil.example/detail/x')).toBe('ok');
    expect(classifyUrl('https://addons.mozilla.org.example/privacy')).toBe('ok');
  });

  it("the browsers' PDF viewers and PDF addresses", () => {
    // Chrome's viewer is an extension page; Firefox's pdf.js shows the PDF's own URL.
    expect(classifyUrl('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html')).toBe(
      'restricted',
    );
    expect(classifyUrl('https://example.com/legal/privacy.pdf')).toBe('pdf');
    expect(classifyUrl('https://example.com/legal/PRIVACY.PDF?download=0#page=3')).toBe('pdf');
    expect(classifyUrl('file:///C:/Users/me/Downloads/policy.pdf')).toBe('pdf');
    // A page about PDFs is still a page.
    expect(classifyUrl('https://example.com/pdf/privacy')).toBe('ok');
    expect(classifyUrl('https://example.com/privacy?format=pdf')).toBe('ok');
  });

  it('local files are told apart from web pages', () => {
    expect(classifyUrl('file:///home/me/policy.html')).toBe('file');
    expect(classifyUrl('FILE:///home/me/policy.html')).toBe('file');
    expect(classifyUrl('file://server/share/policy.htm')).toBe('file');
  });

  it('anything that is not http(s) and not known is refused, never treated as readable', () => {
    for (const url of ['ftp://example.com/policy.txt', 'ws://example.com/', 'mailto:a@b.c']) {
      expect(classifyUrl(url), url).not.toBe('ok');
    }
  });
});
