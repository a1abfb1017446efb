import { describe, expect, it } from 'vitest';
import { buildDoc, headingLevel, headingTopic } from '../../src/core/sections';
import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { compileRules } from '../../src/core/compile';
import { DATA_SENTENCE_SETS, dataTypesBetween, dataTypesIn } from '../../src/core/datatypes';
import { findSdks } from '../../src/core/sdk';
import type { Scanner } from '../../src/core/matcher';
import type { DataType } from '../../src/core/types';
import { prescan } from '../../src/core/prescan';
import { detectFromParts, detectPolicy, DETECT_SAMPLE } from '../../src/core/detect';
import { detectLanguage, isJsSpace, quoteSpan } from '../../src/core/text';

describe('sections', () => {
  it('recognises English and Chinese heading styles', () => {
    expect(headingLevel('# Privacy Policy').level).toBe(1);
    expect(headingLevel('**Preface**').level).toBeGreaterThan(0);
    expect(headingLevel('I. How We Collect and Use Your Personal Information').level).toBe(2);
    expect(headingLevel('1.1 Information you give us').level).toBe(3);
    expect(headingLevel('Section 3 Cookies').level).toBe(2);
    expect(headingLevel('(a) Account data').level).toBe(4);
    expect(headingLevel('一、我们如何收集和使用您的个人信息').level).toBe(2);
    expect(headingLevel('（一）您提供的信息').level).toBe(3);
    expect(headingLevel('第三条 信息共享').level).toBe(2);
    expect(headingLevel('【特别提示】').level).toBe(3);
    expect(headingLevel('1、帐号注册').level).toBe(4);
    // sentences are not headings
    expect(
      headingLevel('1. We collect your name and e-mail address when you register.').level,
    ).toBe(0);
    expect(headingLevel('- a list item').level).toBe(0);
  });

  it('a short line over a longer one is a title, unless it is a "label：value" field', () => {
    const headings = (lines: string[]): string[] =>
      buildDoc({ text: lines.join('\n') })
        .sections.filter((s) => s.level > 0)
        .map((s) => s.heading);
    const body = '我们会收集您的设备信息、网络信息与位置信息，用于保障账户安全与推荐内容。';
    expect(headings(['附录：相关定义', body, '第一部分：定义及名词解释', body])).toEqual([
      '附录：相关定义',
      '第一部分：定义及名词解释',
    ]);
    expect(
      headings([
        '生效日期：2022年8月26日',
        body,
        '第三方名称：高德软件有限公司',
        body,
        '邮编：518054',
        body,
      ]),
    ).toEqual([]);
    expect(headings(['账户安全', body])).toEqual(['账户安全']);
  });

  it('a few lower-case words over a sentence are a title; a wrapped line or a URL parameter is not', () => {
    const headings = (lines: string[]): string[] =>
      buildDoc({ text: lines.join('\n') })
        .sections.filter((s) => s.level > 0)
        .map((s) => s.heading);
    const body =
      'Log data is certain information that is automatically collected by our systems when you visit the site.';
    expect(headings(['log data', body, 'a. Cookies', body])).toEqual(['log data', 'a. Cookies']);
    // the next line goes on with the sentence, or the line is no words
    expect(
      headings([
        'and the pages you',
        'visited before you came to the site, and the time of your visit.',
      ]),
    ).toEqual([]);
    expect(headings(['spm=a2c4g.11186623.J_9220772140.83', body])).toEqual([]);
  });

  it('a Chinese title over the first item of a numbered list is a title; a list lead-in is not', () => {
    const headings = (lines: string[]): string[] =>
      buildDoc({ text: lines.join('\n') })
        .sections.filter((s) => s.level > 0)
        .map((s) => s.heading);
    expect(
      headings([
        '我们如何共享、转让、公开披露您的个人信息',
        '1. 我们可能会将您的个人信息提供给关联公司。',
        '2. 我们不会出售您的个人信息。',
      ]),
    ).toEqual(['我们如何共享、转让、公开披露您的个人信息']);
    for (const lead of ['本政策将帮助您了解以下内容', '“重大变更”的情形包括但不限于'])
      expect(
        headings([lead, '1. 我们如何收集您的个人信息。', '2. 我们如何使用Cookie。']),
        lead,
      ).toEqual([]);
  });

  it('gives headings a topic, inherited by sub-sections', () => {
    expect(headingTopic('How We Use Cookies')).toBe('cookies');
    expect(headingTopic('How do we store and protect personal information')).toBe('retention');
    expect(headingTopic('三、我们如何共享、转让、公开披露您的个人信息')).toBe('sharing');
    expect(headingTopic('七、未成年人保护')).toBe('children');
    const doc = buildDoc({
      text: '# Policy\n## Sharing with third parties\n### Advertisers\nWe share data.',
    });
    expect(doc.sections.map((s) => s.topic)).toEqual(['other', 'sharing', 'sharing']);
  });

  it('keeps offsets: every section starts inside the text', () => {
    const text = 'Intro line.\n1. Collection\nWe collect data.\n2. Sharing\nWe share data.';
    const doc = buildDoc({ text });
    expect(doc.sections.map((s) => s.heading)).toEqual(['', '1. Collection', '2. Sharing']);
    for (const s of doc.sentences) expect(s.end).toBeLessThanOrEqual(text.length);
  });

  it('builds sections from extracted blocks', () => {
    const doc = buildDoc({
      blocks: [
        { kind: 'heading', level: 1, text: 'Privacy Notice' },
        { kind: 'paragraph', text: 'We collect data.' },
        { kind: 'heading', level: 2, text: 'Retention' },
        { kind: 'list-item', text: 'We keep logs for 30 days.' },
      ],
    });
    expect(doc.sections.map((s) => [s.heading, s.level, s.topic])).toEqual([
      ['Privacy Notice', 1, 'other'],
      ['Retention', 2, 'retention'],
    ]);
    expect(doc.title).toBe('Privacy Notice');
  });
});

describe('language and detection', () => {
  it('detects the language', () => {
    expect(detectLanguage('We collect your personal information to provide the service.')).toBe(
      'en',
    );
    expect(detectLanguage('我们会收集您的个人信息以提供服务。')).toBe('zh');
    expect(
      detectLanguage(
        '我们会收集您的个人信息以提供服务和改进产品体验。 We collect your personal information to provide the service.',
      ),
    ).toBe('mixed');
  });

  it('tells policies from other pages', () => {
    const policy =
      'We collect personal information such as your IP address and device identifiers. We share data with third parties and use cookies. You can opt out and withdraw consent. We retain data as long as necessary. Children under 13 ... This policy may change. We take security measures. '.repeat(
        3,
      );
    expect(detectPolicy({ title: 'Privacy Policy', text: policy }).isPolicy).toBe(true);
    const news =
      'The city council approved a new budget on Tuesday, with more money for parks, schools and public transport. The mayor said the plan would help families across the region. Critics said the spending was too high. '.repeat(
        5,
      );
    expect(detectPolicy({ title: 'Council approves budget', text: news }).isPolicy).toBe(false);
    const tos =
      'These terms govern your use of the service. You agree not to misuse the service. We may suspend accounts. Disputes are resolved by arbitration. '.repeat(
        5,
      );
    expect(detectPolicy({ title: 'Terms of Service', text: tos }).isPolicy).toBe(false);
  });

  it("a text's title is not its numbered privacy section, so terms of service are no policy", () => {
    const tos = readFileSync('test/fixtures/text/terms-of-service.txt', 'utf8');
    expect(buildDoc({ text: tos }).title).toBe('Terms of Service');
    expect(analyze({ text: tos }).detection.isPolicy).toBe(false);
    // a numbered heading that names the policy is still the title when nothing better is there
    expect(
      buildDoc({
        text: 'We respect your data.\n\n1. Privacy Policy\n\nWe collect your e-mail address to send you receipts.',
      }).title,
    ).toBe('1. Privacy Policy');
  });

  it("reads the same vocabulary from the analysis's one text scan as from its own", () => {
    const seeds = readdirSync('../shared/seeds').filter((f) => f.endsWith('.txt'));
    let longer = 0;
    for (const name of seeds) {
      const text = readFileSync(`../shared/seeds/${name}`, 'utf8');
      const doc = buildDoc({ text });
      if (doc.folded.length > DETECT_SAMPLE) longer++;
      const own = detectFromParts({
        title: doc.title,
        sampleFolded: doc.folded.slice(0, DETECT_SAMPLE),
        headings: doc.sections.filter((s) => s.level > 0).map((s) => s.heading),
      });
      expect(analyze({ text }).detection, name).toEqual(own);
    }
    // the sample cuts some seeds: hits past it must not count
    expect(longer).toBeGreaterThan(0);
  });

  it('answers sentence tests from the one text scan as the term sets do themselves', () => {
    const rules = compileRules({});
    let tested = 0;
    let found = 0;
    for (const name of readdirSync('../shared/seeds').filter((f) => f.endsWith('.txt'))) {
      const doc = buildDoc({ text: readFileSync(`../shared/seeds/${name}`, 'utf8') });
      const pre = prescan(rules.combined, doc.folded);
      for (const set of DATA_SENTENCE_SETS) {
        const fast = pre.set(set);
        expect(fast).not.toBe(set);
        for (const st of doc.sentences) {
          const want = set.test(doc.folded, st.start, st.end);
          expect(fast.test(doc.folded, st.start, st.end), `${name} ${st.start}`).toBe(want);
          tested++;
          if (want) found++;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(tested - found).toBeGreaterThan(50);
  });

  it("gives the SDK finder each snippet's data types from the one text scan, as a scan of the snippet does", () => {
    const rules = compileRules({});
    let asked = 0;
    let named = 0;
    for (const name of readdirSync('../shared/seeds').filter((f) => f.endsWith('.txt'))) {
      const doc = buildDoc({ text: readFileSync(`../shared/seeds/${name}`, 'utf8') });
      const pre = prescan(rules.combined, doc.folded);
      const fast = {
        ...rules.dataTypes,
        matcher: pre.areas.dataTypes as Scanner<DataType>,
        exclude: pre.areas.dataExclude as Scanner<DataType>,
      };
      const ranges: [number, number][] = [];
      findSdks(doc.view, {
        sectionAt: () => 0,
        dataTypesIn: () => [],
        dataTypesAt: (start, end) => {
          ranges.push([start, end]);
          return [];
        },
        folded: doc.folded,
      });
      for (const [start, end] of ranges) {
        const want = dataTypesIn(doc.view.slice(start, end), rules.dataTypes);
        const got = dataTypesBetween(doc.folded, doc.view, fast, start, end);
        expect(got, `${name} ${start}-${end}`).toEqual(want);
        asked++;
        if (want.length) named++;
      }
    }
    // the seeds' SDK tables list data types; some snippets name none
    expect(named).toBeGreaterThan(20);
    expect(asked - named).toBeGreaterThan(5);
  });
});

describe('quoteSpan', () => {
  it('cuts a long sentence around the hit without starting or ending inside a word', () => {
    const sentence =
      'This policy also tells you how we use tracking technologies, cookies and browsing data we collect from your use of the online services, the measures we take to protect the security of the information you provide to us through the online services, and how you can contact us if you have any questions regarding the online services (including if you want to unsubscribe from our services or update your contact details).';
    const hit = sentence.indexOf('unsubscribe');
    const span = quoteSpan(sentence, 0, sentence.length, hit, hit + 'unsubscribe'.length, 300);
    const quote = sentence.slice(span.start, span.end);
    expect(quote.length).toBeLessThanOrEqual(300);
    expect(quote).toContain('unsubscribe');
    // starts and ends at word boundaries
    expect(span.start === 0 || /\W/.test(sentence[span.start - 1]!)).toBe(true);
    expect(span.end === sentence.length || /\W/.test(sentence[span.end]!)).toBe(true);
    // short sentences are quoted whole
    expect(quoteSpan('We keep logs for 30 days.', 0, 25, 17, 24)).toEqual({ start: 0, end: 25 });
  });
});

describe('isJsSpace', () => {
  it('is true for exactly the code units the regex class \\s matches', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});
