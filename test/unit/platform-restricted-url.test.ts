import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../src/platform/restricted-url';

describe('classifyUrl', () => {
  it('lets ordinary web pages through', () => {
    expect(classifyUrl('https://example.com/privacy')).toBe('ok');
    expect(classifyUrl('http://127.0.0.1:8080/seed-000.html')).toBe('ok');
    expect(classifyUrl('https://addons.example.org/privacy')).toBe('ok');
  });

  it('refuses browser-internal, extension and source pages', () => {
    for (const url of [
      'chrome://settings/',
      'edge://extensions',
      'about:addons',
      'about:blank',
      'moz-extension://abc/popup.html',
      'chrome-extension://abcdef/index.html',
      'view-source:https://example.com/',
      'devtools://devtools/bundled/inspector.html',
      'data:text/html,hi',
    ]) {
      expect(classifyUrl(url), url).toBe('restricted');
    }
  });

  it('refuses the add-on stores', () => {
    expect(classifyUrl('https://chromewebstore.google.com/detail/x/abc')).toBe('restricted');
    expect(classifyUrl('https://chrome.google.com/webstore/detail/abc')).toBe('restricted');
    expect(classifyUrl('https://addons.mozilla.org/en-US/firefox/addon/x/')).toBe('restricted');
    expect(classifyUrl('https://microsoftedge.microsoft.com/addons/detail/x')).toBe('restricted');
    expect(classifyUrl('https://chrome.google.com/search')).toBe('ok');
  });

  it('recognises PDFs and local files', () => {
    expect(classifyUrl('https://example.com/docs/privacy.PDF')).toBe('pdf');
    expect(classifyUrl('file:///home/me/policy.pdf')).toBe('pdf');
    expect(classifyUrl('file:///home/me/policy.html')).toBe('file');
  });

  it('says unknown when there is no usable address', () => {
    expect(classifyUrl(undefined)).toBe('unknown');
    expect(classifyUrl('')).toBe('unknown');
    expect(classifyUrl('not a url')).toBe('unknown');
  });
});
