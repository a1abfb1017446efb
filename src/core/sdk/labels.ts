/**
 * Field labels of SDK disclosure blocks and tables ("SDK名称：", "Partner
 * Name:", "Purpose:") and the role each one plays.
 */

export const ROLES = ['name', 'type', 'vendor', 'purpose', 'data', 'link', 'other'] as const;
export type Role = (typeof ROLES)[number];

const LABELS: Record<Role, string[]> = {
  name: [
    'Third-party SDK Name',
    'Third Party SDK Name',
    'SDK Provider Name',
    'Name of Third-party SDK',
    'SDK名称',
    'SDK 名称',
    'SDK/API名称',
    '第三方SDK名称',
    '第三方名称',
    '第三方服务名称',
    '第三方服务商名称',
    '第三方机构名称',
    '合作方名称',
    '合作伙伴名称',
    '合作第三方名称',
    '插件名称',
    '产品名称',
    'SDK Name',
    'Name of SDK',
    'Name of the SDK',
    'SDK Product Name',
    'Partner Name',
    'Name of Partner',
    'Third Party Name',
    'Third-party Name',
    'Name of Third Party',
    'Service Provider Name',
    'Provider Name',
    'Vendor Name',
    'Plugin Name',
  ],
  type: [
    'Partner Type',
    'Cooperation Type',
    'Type of Partner',
    'Type of Cooperation',
    'SDK Type',
    '合作方类型',
    '合作类型',
    'SDK类型',
    '第三方类型',
  ],
  vendor: [
    'Service Provider',
    '第三方SDK提供方',
    'SDK提供方名称',
    '第三方公司',
    '合作方公司',
    '企业名称',
    'Company Name of SDK',
    '公司名称',
    '第三方公司名称',
    '开发者',
    'SDK开发者',
    'SDK提供方',
    '提供方',
    '所属公司',
    '收集主体',
    '运营主体',
    '主体名称',
    '第三方主体',
    '合作方主体',
    'Partner Entity',
    'Company Name',
    'Company',
    'Developer',
    'Vendor',
    'SDK Provider',
    'Provider',
  ],
  purpose: [
    'Usage',
    'Use',
    'Scenario of Use',
    'Usage Scenarios',
    'Purpose and Usage',
    '使用场景及目的',
    '处理目的',
    '个人信息处理目的',
    '功能类型',
    '用途及目的',
    '使用目的',
    '使用用途',
    '用途',
    '目的',
    '使用场景',
    '业务场景',
    '功能',
    '功能描述',
    '实现功能',
    '合作目的',
    '共享目的',
    '收集目的',
    'Purpose',
    'Purposes',
    'Purpose of Use',
    'Purpose of Cooperation',
    'Purpose of Processing',
    'Purpose of Sharing',
    'Function',
    'Functions',
    'Usage Scenario',
    'Use Case',
    'Scenario',
    'Business Scenario',
  ],
  data: [
    'Types of personal information collected',
    'Types of Personal Information Collected',
    'Personal Information Types',
    'Scope of Information',
    'Scope of Personal Information',
    'Permissions Required',
    'Required Permissions',
    'Permissions Used',
    '收集的个人信息字段',
    '涉及个人信息字段',
    '共享个人信息字段',
    '共享的信息',
    '获取权限',
    '涉及权限',
    '收集个人信息类型',
    '收集的个人信息',
    '收集的个人信息类型',
    '收集的个人信息的类型/字段',
    '收集个人信息的类型',
    '个人信息类型',
    '个人信息字段',
    '个人信息范围',
    '收集信息',
    '收集的信息',
    '收集的数据',
    '信息类型',
    '共享信息',
    '共享的个人信息',
    '共享个人信息',
    '涉及的个人信息',
    '涉及个人信息',
    '数据类型',
    '用户信息/数据类型',
    '调用权限',
    '所需权限',
    '申请权限',
    '使用权限',
    '权限',
    'Information collected',
    'Information Collected',
    'Data collected',
    'Data Collected',
    'Collected information',
    'Information type',
    'Information Type',
    'Information involved',
    'Types of personal information',
    'Types of Personal Information',
    'Types of Shared Personal Information',
    'Shared Personal Information Fields',
    'Personal information collected',
    'Personal Information Collected',
    'Personal Information',
    'Data Shared',
    'Data Types',
    'Data types',
    'Permissions',
    'Permissions obtained',
    'Permissions Obtained',
    'Permission',
  ],
  link: [
    'Privacy Policy URL',
    'Privacy Link',
    '隐私政策链接地址',
    '隐私协议',
    '隐私权政策链接',
    '隐私政策',
    '隐私政策链接',
    '隐私政策地址',
    '隐私权政策',
    '第三方隐私政策',
    'SDK官网',
    '官网',
    '官网链接',
    '官方网站',
    'Privacy Policy',
    'Privacy Policy Link',
    'Partner Privacy Policy Link',
    'Official Website',
    'Partner Official Website Link',
    'Official Website or Privacy Policy Link',
    'Website',
    'Link',
    'URL',
  ],
  other: [
    'Method of Cooperation',
    'Collection Method',
    'Sharing Method',
    'Sensitive Permissions Used',
    '合作方式',
    '收集方式',
    '共享方式',
    '处理方式',
  ],
};

/** Bare words that are name columns only in a table header. */
const HEADER_ONLY: Partial<Record<Role, string[]>> = {
  name: ['名称', 'SDK', '第三方', '合作方', 'Name', 'Partner', 'Third Party', 'Third-party'],
  purpose: ['用途说明'],
};

/**
 * Taiwan and Hong Kong words for the labels' mainland ones, as the Traditional
 * text reads once folded (the Taiwan label for 收集的信息 folds to 搜集的资讯).
 */
const REGIONAL_WORDS: readonly (readonly [string, readonly string[]])[] = [
  ['收集', ['搜集']],
  ['信息', ['资讯', '资料']],
  ['数据', ['资料']],
  ['链接', ['连结']],
];

/** A label and the ways Taiwan and Hong Kong write it. */
function regionalForms(label: string): string[] {
  let forms = [label];
  for (const [word, others] of REGIONAL_WORDS)
    if (label.includes(word))
      forms = forms.flatMap((f) => [f, ...others.map((o) => f.replaceAll(word, o))]);
  return forms;
}

const byKey = new Map<string, Role>();
for (const role of ROLES) for (const l of LABELS[role]) byKey.set(normLabel(l), role);
for (const role of ROLES)
  for (const l of LABELS[role])
    for (const form of regionalForms(l).slice(1)) {
      const key = normLabel(form);
      if (!byKey.has(key)) byKey.set(key, role);
    }
const headerKey = new Map<string, Role>(byKey);
for (const role of ROLES)
  for (const l of HEADER_ONLY[role] ?? []) headerKey.set(normLabel(l), role);

export function normLabel(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s*`_]+/g, ' ')
    .replace(/[:：]\s*$/, '')
    .trim();
}

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&').replace(/ /g, '\\s+');
}

const ALL_LABELS = [...byKey.keys()].sort((a, b) => b.length - a.length);

/** A label followed by a colon (markdown bold allowed around it). */
export const LABEL_RE = new RegExp(
  `(?<![A-Za-z])\\**(${ALL_LABELS.map(escapeRe).join('|')})\\**\\s*[:：]`,
  'gi',
);

const LABEL_KEYS = new Set(ALL_LABELS);
/** The last character of each label: most texts before a colon end otherwise. */
const LABEL_ENDS = new Set(ALL_LABELS.map((l) => l.charCodeAt(l.length - 1)));

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Does the text before a line's first colon end with a label that starts
 * within its first 8 characters (markdown stars allowed around it, no letter
 * right before it)? The cheap test before LABEL_RE, done with a few set
 * lookups: a regex of every label, tried at each of those starts, was the
 * slowest step of a first analysis (it is compiled, then run cold, on a
 * background that has just started).
 */
export function endsWithLabel(beforeColon: string): boolean {
  // trimEnd drops the same characters as \s
  const text = beforeColon.toLowerCase().trimEnd();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2a) end--;
  if (end === 0 || !LABEL_ENDS.has(text.charCodeAt(end - 1))) return false;
  for (let at = 0; at <= Math.min(8, end); at++) {
    if (at > 0 && isAsciiLetter(text.charCodeAt(at - 1))) continue;
    let start = at;
    while (start < end && text.charCodeAt(start) === 0x2a) start++;
    if (start === end) continue;
    let key = text.slice(start, end);
    if (/\s/.test(key)) key = key.replace(/\s+/g, ' ');
    if (LABEL_KEYS.has(key)) return true;
  }
  return false;
}

export function roleOfLabel(label: string): Role | undefined {
  return byKey.get(normLabel(label));
}

export function roleOfHeaderCell(cell: string): Role | undefined {
  return headerKey.get(normLabel(cell));
}
