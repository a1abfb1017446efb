/**
 * Writes realistic HTML pages for the tests from the five seed policies in
 * ../shared/seeds (relative to the repo root): test/fixtures/seed-000.html …
 * seed-004.html, plus three pages that are not policies (news article, shop
 * product page, login page) linking to a policy fixture.
 *
 * Each policy page has a site header with navigation, the policy as headings
 * (markdown '#', whole-line '**bold**', numbered "1." / "一、" / "（一）"
 * lines, short title-like lines), paragraphs, lists ("- ", "•"), tables for
 * runs of "Key: value" lines, and a footer with a "Privacy Policy" link.
 *
 * Run: npx tsx scripts/make-fixtures.ts   (the output is committed; tests
 * never run this script).
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = resolve(ROOT, '../shared/seeds');
const OUT = join(ROOT, 'test/fixtures');

/** Site names read from each seed's own text (the seed's company or product). */
const SITE_BY_INDEX = [
  'TalkingData',
  'Xiaoying Kankan',
  'TanCloud',
  'Example App',
  'Example Cloud',
];

type Node =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: [string, string][] }
  | { kind: 'toc'; items: string[] };

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Inline markdown the seeds use: **bold**, `code`, [text](url). Escapes everything else. */
function inline(s: string): string {
  let out = escapeHtml(s);
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/`([^`]+)`/g, '<code>$1</code>');
  out = out.replace(
    /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g,
    (_, text: string, url: string) => `<a href="${url}" rel="noopener">${text}</a>`,
  );
  return out;
}

function splitFrontMatter(text: string): { meta: Record<string, string>; body: string } {
  const meta: Record<string, string> = {};
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!m) return { meta, body: text };
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv) meta[kv[1]!] = kv[2]!.trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

const TERMINAL = /[.。;；,，、!！?？]$/;
const CN_NUM = '[一二三四五六七八九十]+';
const KV = /^([A-Z\u4e00-\u9fff][^:：[\]()（）]{0,40}?)[:：]\s*(.*)$/;

function headingOf(line: string): { level: number; text: string } | undefined {
  const md = /^(#{1,6})\s+(.+)$/.exec(line);
  if (md) return { level: md[1]!.length, text: md[2]!.trim() };
  const bold = /^\*\*(.+)\*\*$/.exec(line);
  if (bold) {
    const text = bold[1]!.trim();
    return { level: /^[(（]/.test(text) ? 3 : 2, text };
  }
  if (new RegExp(`^${CN_NUM}、`).test(line) && line.length <= 60 && !/[。；]$/.test(line)) {
    return { level: 2, text: line };
  }
  if (new RegExp(`^（${CN_NUM}）`).test(line) && line.length <= 60 && !/[。；]$/.test(line)) {
    return { level: 3, text: line };
  }
  if (/^[IVX]{1,5}\.\s+\S/.test(line) && line.length <= 100 && !TERMINAL.test(line)) {
    return { level: 2, text: line };
  }
  const num = /^(\d+(?:\.\d+)*)(\.|\s{2,}|、)\s*(\S.*)$/.exec(line);
  if (num && line.length <= 80 && !TERMINAL.test(line)) {
    return {
      level: num[2] === '.' && !num[1]!.includes('.') ? 2 : 3,
      text: line.replace(/\s{2,}/g, ' '),
    };
  }
  // A short title-like line ("Important Notice:") with no sentence punctuation.
  const words = line.split(/\s+/).length;
  if (line.length <= 60 && !TERMINAL.test(line) && !/^[-•>]/.test(line) && !/[,，]/.test(line)) {
    if (line.endsWith(':') || line.endsWith('：')) {
      if (words <= 4) return { level: 3, text: line };
    } else if (words >= 2 && words <= 10 && /^[A-Z\u4e00-\u9fff]/.test(line)) {
      return { level: 3, text: line };
    }
  }
  return undefined;
}

export function parseSeed(body: string): Node[] {
  const lines = body.split(/\r?\n/).map((l) => l.trim());
  const nodes: Node[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line) {
      i++;
      continue;
    }
    // Runs of three or more "Key: value" lines become a two-column table.
    let j = i;
    while (j < lines.length && KV.test(lines[j]!) && !/^https?:/i.test(lines[j]!)) j++;
    if (j - i >= 3) {
      const rows = lines.slice(i, j).map((l) => {
        const m = KV.exec(l)!;
        return [m[1]!.trim(), m[2]!.trim()] as [string, string];
      });
      nodes.push({ kind: 'table', rows });
      i = j;
      continue;
    }
    if (/^[-•]\s*/.test(line) && line.length > 1) {
      const items: string[] = [];
      while (i < lines.length && (/^[-•]\s*/.test(lines[i]!) || lines[i] === '')) {
        if (lines[i]) items.push(lines[i]!.replace(/^[-•]\s*/, ''));
        i++;
      }
      nodes.push({ kind: 'list', ordered: false, items });
      continue;
    }
    const h = headingOf(line);
    if (h) {
      nodes.push({ kind: 'heading', ...h });
      i++;
      continue;
    }
    if (/^\d+[.、]\s*\S/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\d+[.、]\s*\S/.test(lines[i]!) && !headingOf(lines[i]!)) {
        items.push(lines[i]!.replace(/^\d+[.、]\s*/, ''));
        i++;
      }
      nodes.push({ kind: 'list', ordered: true, items });
      continue;
    }
    if (line.startsWith('>')) {
      nodes.push({ kind: 'quote', text: line.replace(/^>\s*/, '') });
      i++;
      continue;
    }
    nodes.push({ kind: 'paragraph', text: line });
    i++;
  }
  return foldTableOfContents(nodes);
}

/** An early run of headings that (nearly) all appear again later is a table of contents. */
function foldTableOfContents(nodes: Node[]): Node[] {
  for (let start = 0; start < Math.min(nodes.length, 40); start++) {
    let end = start;
    while (end < nodes.length && nodes[end]!.kind === 'heading') end++;
    if (end - start < 3) continue;
    const run = nodes.slice(start, end) as { kind: 'heading'; text: string }[];
    const later = new Set(nodes.slice(end).flatMap((n) => (n.kind === 'heading' ? [n.text] : [])));
    const again = run.filter((n) => later.has(n.text)).length;
    if (again >= run.length * 0.7 && later.has(run[0]!.text)) {
      return [
        ...nodes.slice(0, start),
        { kind: 'toc', items: run.map((n) => n.text) },
        ...nodes.slice(end),
      ];
    }
  }
  return nodes;
}

function slug(text: string, n: number): string {
  return `s${n}-${text
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40)}`;
}

function renderNodes(nodes: Node[]): string {
  const out: string[] = [];
  const ids = new Map<string, string>();
  let n = 0;
  for (const node of nodes)
    if (node.kind === 'heading' && !ids.has(node.text)) ids.set(node.text, slug(node.text, n++));
  for (const node of nodes) {
    switch (node.kind) {
      case 'heading':
        out.push(
          `<h${node.level} id="${ids.get(node.text)}">${inline(node.text)}</h${node.level}>`,
        );
        break;
      case 'paragraph':
        out.push(`<p>${inline(node.text)}</p>`);
        break;
      case 'quote':
        out.push(`<p class="updated"><em>${inline(node.text)}</em></p>`);
        break;
      case 'list': {
        const tag = node.ordered ? 'ol' : 'ul';
        out.push(
          `<${tag}>\n${node.items.map((it) => `  <li>${inline(it)}</li>`).join('\n')}\n</${tag}>`,
        );
        break;
      }
      case 'table':
        out.push(
          `<table class="kv">\n<tbody>\n${node.rows
            .map(([k, v]) => `  <tr><th scope="row">${inline(k)}</th><td>${inline(v)}</td></tr>`)
            .join('\n')}\n</tbody>\n</table>`,
        );
        break;
      case 'toc':
        out.push(
          `<nav class="toc" aria-label="Contents">\n<ol>\n${node.items
            .map((it) => {
              const id = ids.get(it);
              return id
                ? `  <li><a href="#${id}">${inline(it)}</a></li>`
                : `  <li>${inline(it)}</li>`;
            })
            .join('\n')}\n</ol>\n</nav>`,
        );
        break;
    }
  }
  return out.join('\n');
}

function isChinese(text: string): boolean {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return cjk > latin * 0.25;
}

function looksLikePolicyTitle(s: string | undefined): s is string {
  return !!s && /privacy|policy|隐私|个人信息/i.test(s);
}

interface PageParts {
  lang: string;
  title: string;
  site: string;
  main: string;
  footerPolicyHref: string;
  zh: boolean;
  extraHead?: string;
  bodyClass: string;
}

function page(p: PageParts): string {
  const nav = p.zh
    ? ['首页', '产品', '解决方案', '帮助中心', '关于我们']
    : ['Home', 'Products', 'Pricing', 'Help', 'About'];
  const policyText = p.zh ? '隐私政策' : 'Privacy Policy';
  const terms = p.zh ? '用户协议' : 'Terms of Service';
  const contact = p.zh ? '联系我们' : 'Contact';
  return `<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
.site-header, .site-footer { background: #f3f4f6; padding: 12px 24px; }
.site-header nav a, .site-footer a { margin-right: 16px; }
main { max-width: 860px; margin: 0 auto; padding: 16px 24px; line-height: 1.6; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
.cookie-banner { position: fixed; bottom: 0; }
</style>${p.extraHead ?? ''}
</head>
<body class="${p.bodyClass}">
<header class="site-header">
  <a class="logo" href="/">${escapeHtml(p.site)}</a>
  <nav aria-label="${p.zh ? '主导航' : 'Main'}">
    ${nav.map((n) => `<a href="#">${n}</a>`).join('\n    ')}
  </nav>
</header>
<div class="cookie-banner" hidden>${p.zh ? '本网站使用 Cookie。' : 'This site uses cookies.'} <button>OK</button></div>
${p.main}
<footer class="site-footer">
  <p>&copy; 2024 ${escapeHtml(p.site)}</p>
  <a href="${p.footerPolicyHref}">${policyText}</a>
  <a href="#">${terms}</a>
  <a href="#">${contact}</a>
</footer>
<script>window.__analytics = { page: location.pathname };</script>
</body>
</html>
`;
}

function policyFixture(index: number, raw: string): { html: string; title: string } {
  const { meta, body } = splitFrontMatter(raw);
  const nodes = parseSeed(body);
  const zh = isChinese(body);
  const site = SITE_BY_INDEX[index] ?? 'Example';
  const firstHeading = nodes.find((n) => n.kind === 'heading') as { text: string } | undefined;
  const frontTitle = meta.title?.replace(/\s+/g, ' ').trim();
  const title =
    looksLikePolicyTitle(frontTitle) && frontTitle !== frontTitle.toLowerCase()
      ? frontTitle
      : looksLikePolicyTitle(firstHeading?.text)
        ? firstHeading.text
        : `${site} ${zh ? '隐私政策' : 'Privacy Policy'}`;
  const hasH1 = nodes.some((n) => n.kind === 'heading' && n.level === 1);
  const name = `seed-${String(index).padStart(3, '0')}.html`;
  const main = `<main id="content">
<article class="policy">
${hasH1 ? '' : `<h1>${escapeHtml(title)}</h1>\n`}${renderNodes(nodes)}
</article>
<aside class="related"><h2>${zh ? '相关文档' : 'Related documents'}</h2><ul><li><a href="#">${zh ? '用户协议' : 'Terms of Service'}</a></li><li><a href="#">${zh ? '儿童隐私保护' : 'Cookie settings'}</a></li></ul></aside>
</main>`;
  const html = page({
    lang: zh ? 'zh-CN' : 'en',
    title: `${title}${title.includes(site) ? '' : ` - ${site}`}`,
    site,
    main,
    footerPolicyHref: name,
    zh,
    bodyClass: 'policy-page',
  });
  return { html, title };
}

const NEWS = `<main>
<article>
<h1>City council approves new cycling lanes along the riverfront</h1>
<p class="byline">By Dana Whitfield · 14 March 2024</p>
<p>The city council voted 7 to 2 on Tuesday evening to fund eleven kilometres of protected cycling lanes along the eastern riverfront, ending a debate that has run for more than three years.</p>
<p>Supporters said the lanes would make commuting safer for the roughly four thousand people who already cycle into the centre each day. Opponents questioned the cost and the loss of around two hundred parking spaces near the old market.</p>
<h2>What happens next</h2>
<p>Construction is expected to begin in early summer and to finish before the end of next year. The transport department will publish detailed maps of each stage and hold two public meetings in April.</p>
<blockquote><p>"This is the biggest change to how people move through the city in a generation," said councillor Amir Haddad.</p></blockquote>
<p>Local businesses on Quay Street have asked for deliveries to be allowed in the early morning while the work is under way.</p>
</article>
</main>`;

const SHOP = `<main>
<div class="product">
<h1>Trailfinder 40L Hiking Backpack</h1>
<p class="price">$129.00</p>
<p>A light, weather-resistant pack for day hikes and overnight trips, with a ventilated back panel, hip-belt pockets and a rain cover stowed in the base.</p>
<ul class="features">
<li>Capacity: 40 litres</li>
<li>Weight: 1.2 kg</li>
<li>Material: recycled ripstop nylon</li>
<li>Colours: forest green, slate grey</li>
</ul>
<form class="buy"><label>Quantity <input type="number" value="1"></label> <button type="button">Add to basket</button></form>
<h2>Customer reviews</h2>
<p>"Comfortable even when fully loaded. The side pockets fit a one-litre bottle." — Priya, 5 stars</p>
<p>"Great pack, but the rain cover is a bit small." — Tom, 4 stars</p>
<h2>Delivery and returns</h2>
<p>Free delivery on orders over $75. Returns are accepted within 30 days if the item is unused.</p>
</div>
</main>`;

const LOGIN = `<main>
<section class="login">
<h1>登录您的账户</h1>
<form>
<p><label>手机号码 <input type="tel" name="phone"></label></p>
<p><label>密码 <input type="password" name="password"></label></p>
<p><button type="submit">登录</button></p>
<p><label><input type="checkbox" checked> 我已阅读并同意《用户协议》和<a href="seed-002.html">《隐私政策》</a></label></p>
</form>
<p>还没有账户？<a href="#">立即注册</a> · <a href="#">忘记密码</a></p>
</section>
</main>`;

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const index: string[] = [];
  files.forEach((file, i) => {
    const { html, title } = policyFixture(i, readFileSync(join(SEEDS, file), 'utf8'));
    const name = `seed-${String(i).padStart(3, '0')}.html`;
    writeFileSync(join(OUT, name), html);
    index.push(`${name}\t${file}\t${title}`);
  });
  writeFileSync(
    join(OUT, 'news-article.html'),
    page({
      lang: 'en',
      title: 'Council approves riverfront cycling lanes - The Riverside Courier',
      site: 'The Riverside Courier',
      main: NEWS,
      footerPolicyHref: 'seed-003.html',
      zh: false,
      bodyClass: 'news',
    }),
  );
  writeFileSync(
    join(OUT, 'shop-product.html'),
    page({
      lang: 'en',
      title: 'Trailfinder 40L Hiking Backpack | Summit Outfitters',
      site: 'Summit Outfitters',
      main: SHOP,
      footerPolicyHref: 'seed-000.html',
      zh: false,
      bodyClass: 'shop',
    }),
  );
  writeFileSync(
    join(OUT, 'login.html'),
    page({
      lang: 'zh-CN',
      title: '登录 - TanCloud 探云',
      site: 'TanCloud',
      main: LOGIN,
      footerPolicyHref: 'seed-002.html',
      zh: true,
      bodyClass: 'login',
    }),
  );
  // A help-centre page that shows the policy in a same-origin frame, next to
  // a frame from another origin (which the extractor must skip and report).
  // In a subfolder: without a browser its own text is empty by design.
  mkdirSync(join(OUT, 'frames'), { recursive: true });
  writeFileSync(
    join(OUT, 'frames', 'framed-policy.html'),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Help Centre - Privacy Policy</title></head>
<body>
<header class="site-header"><a href="/">Help Centre</a><nav><a href="#">Home</a> <a href="#">Topics</a></nav></header>
<div class="frame-wrap">
<iframe src="../seed-003.html" title="Privacy Policy" width="800" height="600"></iframe>
<iframe src="http://localhost:9/chat-widget" title="Chat" width="200" height="200"></iframe>
</div>
</body>
</html>
`,
  );
  writeFileSync(join(OUT, 'seeds.tsv'), `${index.join('\n')}\n`);
  console.log(index.join('\n'));
}

main();
