/**
 * The page's links kept with their blocks (src/extract/block-links.ts), and
 * the opt-out targets the analysis reads from them.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { extractPage } from '../../src/extract';

const PAGE = 'https://acme.example/legal/privacy';
const extract = (html: string) =>
  extractPage(parseHTML(html).document as unknown as Document, { url: PAGE });
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>Privacy Policy - Acme</title></head><body><main>
<h1>Acme Privacy Policy</h1><h2>Information we collect</h2>
<p>We collect your email address, IP address and device identifiers when you use our services.</p>
${body}</main></body></html>`;
const optOuts = (html: string) => {
  const p = extract(html);
  return analyze({ blocks: p.blocks, title: p.title, url: PAGE }).optOut.map((o) => [
    o.kind,
    o.target ?? null,
  ]);
};

describe('links kept with their blocks', () => {
  it('keeps web and mail links resolved against the page, not in-page anchors or scripts', () => {
    const p = extract(
      page(`<h2>Your choices</h2>
<p>Use our <a href="/privacy-request">request form</a>, <a href="mailto:privacy@acme.example">write to us</a>,
see <a href="#rights">your rights</a> or <a href="javascript:alert(1)">this</a>.</p>
<table><tr><td>Ads</td><td><a href="https://ads.example/optout">Opt out</a></td></tr></table>`),
    );
    const links = p.blocks.filter((b) => b.links).map((b) => [b.kind, b.links]);
    expect(links).toEqual([
      [
        'paragraph',
        [
          { text: 'request form', href: 'https://acme.example/privacy-request' },
          { text: 'write to us', href: 'mailto:privacy@acme.example' },
        ],
      ],
      ['table-row', [{ text: 'Opt out', href: 'https://ads.example/optout' }]],
    ]);
  });

  it('a block without links has no links field', () => {
    const p = extract(page(''));
    expect(p.blocks.some((b) => 'links' in b)).toBe(false);
  });
});

describe('opt-out targets from the page links', () => {
  it('a named opt-out page, "click here" and a mail link give their addresses', () => {
    const paths = optOuts(
      page(`<h2>Your choices</h2>
<p>To opt out of interest-based advertising by members of the NAI, <a href="https://optout.networkadvertising.org/">click here</a>.</p>
<p>You can also submit a request through our <a href="/privacy-choices">Your Privacy Choices</a> page.</p>
<p>To exercise your rights, <a href="mailto:privacy@acme.example?subject=Request">contact our privacy team</a>.</p>`),
    );
    expect(paths).toContainEqual(['url', 'https://optout.networkadvertising.org/']);
    expect(paths).toContainEqual(['url', 'https://acme.example/privacy-choices']);
    expect(paths).toContainEqual(['email', 'privacy@acme.example']);
    // the name of the opt-out page is not also listed without its address
    expect(paths).not.toContainEqual(['url', null]);
  });

  it("a third party's privacy policy or a page to read is no way to opt out", () => {
    const paths = optOuts(
      page(`<p>For more information, read our <a href="/cookies">Cookie Policy</a>.</p>
<h2>Third parties</h2>
<p>We use Google Analytics. You can learn how Google uses data in <a href="https://policies.google.com/privacy">Google's Privacy Policy</a>.</p>`),
    );
    expect(paths.filter((p) => p[0] === 'url')).toEqual([]);
  });

  it("reads a Chinese page's application form and mail link", () => {
    const html = `<!doctype html><html lang="zh-CN"><head><title>隐私政策</title></head><body><main>
<h1>某某应用隐私政策</h1><h2>一、我们如何收集您的个人信息</h2><p>我们会收集您的手机号码、设备信息和位置信息。</p>
<h2>二、您的权利</h2>
<p>如您希望行使访问、更正、删除个人信息的权利，您可以通过<a href="/privacy-form">个人信息权利申请表</a>向我们提交申请。</p>
<p>您也可以发送邮件至<a href="mailto:dpo@acme.example">我们的个人信息保护负责人</a>。</p>
</main></body></html>`;
    const paths = optOuts(html);
    expect(paths).toContainEqual(['url', 'https://acme.example/privacy-form']);
    expect(paths).toContainEqual(['email', 'dpo@acme.example']);
  });

  it('a block of thousands of links keeps 64, and a link the text does not hold is not placed', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `<a href="/p${i}">opt out ${i}</a>`).join(
      ' ',
    );
    const p = extract(page(`<p>To opt out, use one of these pages: ${many}.</p>`));
    const block = p.blocks.find((b) => b.links);
    expect(block?.links?.length).toBe(64);
    const card = analyze({
      blocks: [
        { kind: 'heading', text: 'Privacy Policy', level: 1 },
        {
          kind: 'paragraph',
          text: 'To opt out of targeted advertising, visit our opt-out page.',
          links: [{ text: 'a page this text does not write', href: 'https://acme.example/x' }],
        },
      ],
    });
    expect(card.optOut.some((o) => o.target === 'https://acme.example/x')).toBe(false);
  });
});
