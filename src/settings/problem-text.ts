/**
 * Problems with settings, in the interface language. The settings model
 * (src/settings, pure and shared with tests and the CLI) and the engine's
 * warnings about user rules and extraction (shown on the card) say what is
 * wrong in English, as "path: what is wrong"; the Chinese interface shows the
 * same problem in Chinese. The path (e.g. customTerms[2].pattern) names a field of
 * the settings file and stays as it is; values quoted from the user's input
 * are kept verbatim. A problem no rule knows is shown as written. Pure: the
 * caller passes the interface language (uiLang()).
 */
type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

/** What is wrong, after "path: ". Order matters where shapes overlap. */
const ZH_RULES: readonly Rule[] = [
  [/^must not be empty$/, () => '不能为空'],
  [/^is longer than (\d+) characters$/, (m) => `超过 ${m[1]} 个字符`],
  [/^must be text(?: \(a date\))?, not (.+)$/, (m) => `必须是文本，而不是${zhValue(m[1]!)}`],
  [/^must be true or false, not (.+)$/, (m) => `必须是 true 或 false，而不是${zhValue(m[1]!)}`],
  [/^must be a list(?: of [\w ]+)?, not (.+)$/, (m) => `必须是列表，而不是${zhValue(m[1]!)}`],
  [/^must be an object(?: with [\w ,]+)?, not (.+)$/, (m) => `必须是对象，而不是${zhValue(m[1]!)}`],
  [
    /^must be a number between 0 and (\d+), not (.+)$/,
    (m) => `必须是 0 到 ${m[1]} 之间的数字，而不是${zhValue(m[2]!)}`,
  ],
  [/^must be one of (.+), not (.+)$/, (m) => `必须是以下之一：${m[1]}，而不是${zhValue(m[2]!)}`],
  [/^must be (\d+), not (.+)$/, (m) => `必须是 ${m[1]}，而不是${zhValue(m[2]!)}`],
  [
    /^must be a whole number from 1 to (\d+), not (.+)$/,
    (m) => `必须是 1 到 ${m[1]} 之间的整数，而不是 ${m[2]}`,
  ],
  [
    /^the file comes from a newer version of PolicyLens \(settings version (\d+); this one reads up to (\d+)\)$/,
    (m) => `文件来自更新版本的 PolicyLens（设置版本 ${m[1]}；此版本最多读取版本 ${m[2]}）`,
  ],
  [/^unknown setting$/, () => '未知的设置项'],
  [/^unknown setting, dropped$/, () => '未知的设置项，已丢弃'],
  [/^not allowed, dropped$/, () => '不允许，已丢弃'],
  [/^not a known weight, dropped$/, () => '不是已知的权重，已丢弃'],
  [/^was not a list and was dropped$/, () => '不是列表，已丢弃'],
  [/^was not an object and was dropped$/, () => '不是对象，已丢弃'],
  [/^has (\d+) names \(at most (\d+)\)$/, (m) => `有 ${m[1]} 个名称（最多 ${m[2]} 个）`],
  [/^has (\d+) SDKs \(at most (\d+)\)$/, (m) => `有 ${m[1]} 个 SDK（最多 ${m[2]} 个）`],
  [/^another custom SDK is already called "(.*)"$/, (m) => `已有名为“${m[1]}”的自定义 SDK`],
  [/^"(.*)" is listed twice$/, (m) => `“${m[1]}”重复列出`],
  [/^(.+) is not a known data type$/, (m) => `${zhValue(m[1]!)}不是已知的数据类型`],
  [
    /^"(.*)" is not a known ([\w-]+) target \(one of (.+)\)$/,
    (m) => `“${m[1]}”不是已知的目标（可选：${m[3]}）`,
  ],
  // Custom-term patterns (src/core/user-terms.ts, src/core/pattern-safety.ts).
  [/^the pattern is empty$/, () => '模式为空'],
  [/^the pattern is longer than (\d+) characters$/, (m) => `模式超过 ${m[1]} 个字符`],
  [/^the pattern matches empty text$/, () => '模式会匹配空文本'],
  [/^not a valid regular expression: (.+)$/, (m) => `不是有效的正则表达式：${m[1]}`],
  [/^the pattern could not be checked: (.+)$/, (m) => `无法检查该模式：${m[1]}`],
  [/^too many repetitions \(at most (\d+)\)$/, (m) => `重复过多（最多 ${m[1]} 个）`],
  [
    /^too many unbounded repetitions \(at most (\d+)\)$/,
    (m) => `无上限的重复过多（最多 ${m[1]} 个）`,
  ],
  [/^back-references are not allowed$/, () => '不允许反向引用'],
  [
    /^a repeated group contains another repetition or an alternation \(catastrophic backtracking\)$/,
    () => '重复的分组里又有重复或“或”选择（会导致灾难性回溯）',
  ],
  [
    /^two \* wildcards in a row \(one \* already stands for any run of letters\)$/,
    () => '连续两个 * 通配符（一个 * 已代表任意一串字母）',
  ],
  [/^too many \* wildcards \(at most (\d+)\)$/, (m) => `* 通配符过多（最多 ${m[1]} 个）`],
];

/** Whole sentences (notices when stored settings were read). */
const ZH_SENTENCES: readonly Rule[] = [
  // Warnings on the card: user rules the engine skipped (src/core/user-terms.ts,
  // src/settings/rules.ts) and what the extractor left out (src/extract).
  [
    /^Custom term "(.*)" was skipped: unknown target "(.*)"\.$/s,
    (m) => `自定义词“${m[1]}”已跳过：未知的目标“${m[2]}”。`,
  ],
  [
    /^Custom term "(.*)" was skipped: (.*)\.$/s,
    (m) => `自定义词“${m[1]}”已跳过：${problemText(m[2]!, 'zh')}。`,
  ],
  [/^Text cut at ([\d,]+) characters\.$/, (m) => `正文在 ${m[1]} 个字符处截断。`],
  [
    /^Skipped (\d+) embedded frames? from another origin \(their text cannot be read\)\.$/,
    (m) => `跳过了 ${m[1]} 个来自其他来源的嵌入框架（无法读取其中的文字）。`,
  ],
  [
    /^The saved settings could not be read, so the defaults are used\.$/,
    () => '无法读取保存的设置，已改用默认设置。',
  ],
  [
    /^The saved settings have no valid schemaVersion \((.*)\), so the defaults are used\.$/,
    (m) => `保存的设置没有有效的 schemaVersion（${m[1]}），已改用默认设置。`,
  ],
  [
    /^The saved settings come from a newer version of PolicyLens \(settings version (\d+); this one reads up to (\d+)\)\. The defaults are used until it is updated; the saved copy is kept\.$/,
    (m) =>
      `保存的设置来自更新版本的 PolicyLens（设置版本 ${m[1]}；此版本最多读取版本 ${m[2]}）。更新前先使用默认设置；保存的副本会保留。`,
  ],
  [
    /^Some saved settings were not valid and were reset to their defaults: (.*)\.$/s,
    (m) =>
      `部分保存的设置无效，已恢复为默认值：${m[1]!
        .split('; ')
        .map((p) => problemText(p, 'zh'))
        .join('；')}。`,
  ],
  [
    /^A copy of the unusable settings was kept; it can be exported from the options page\.$/,
    () => '无法使用的设置已保留一份副本，可在设置页导出。',
  ],
  [
    /^The unusable settings could not be kept \((.*)\)\.$/,
    (m) => `无法保留不可用的设置（${m[1]}）。`,
  ],
  [
    /^The settings were saved on another device only \(too large for sync\), so this browser uses its last known copy or the defaults\.$/,
    () => '设置只保存在另一台设备上（太大，无法同步），此浏览器使用最近一次的副本或默认设置。',
  ],
  [
    /^The saved settings are incomplete \(still arriving from another device, or damaged\); the last known copy is used until they are complete\.$/,
    () => '保存的设置不完整（仍在从另一台设备同步，或已损坏）；完整之前使用最近一次的副本。',
  ],
  [
    /^The saved settings were not valid JSON, so the defaults are used\.$/,
    () => '保存的设置不是有效的 JSON，已改用默认设置。',
  ],
  [
    /^The saved settings index was damaged, so the defaults are used\.$/,
    () => '保存的设置索引已损坏，已改用默认设置。',
  ],
  [
    /^Settings were upgraded from version (\d+) to (\d+)\.$/,
    (m) => `设置已从版本 ${m[1]} 升级到 ${m[2]}。`,
  ],
  [/^Could not read (\w+) storage \((.*)\)\.$/, (m) => `无法读取 ${m[1]} 存储（${m[2]}）。`],
  [/^the settings must be a JSON object, not (.+)$/, (m) => `设置必须是 JSON 对象，而不是 ${m[1]}`],
  // Importing a file (src/settings/io.ts).
  [/^the file is larger than (\d+) MB$/, (m) => `文件超过 ${m[1]} MB`],
  [/^the file is not valid JSON: (.+)$/, (m) => `文件不是有效的 JSON：${m[1]}`],
  [
    /^the file must hold a JSON object with the settings$/,
    () => '文件中必须是一个包含设置的 JSON 对象',
  ],
];

/** How the settings model names a wrong value (validate.ts kind()): the text "x", number 7, a list... */
function zhValue(kind: string): string {
  const text = /^the text (".*")$/s.exec(kind);
  if (text) {
    try {
      return `文本“${JSON.parse(text[1]!) as string}”`;
    } catch {
      return `文本 ${text[1]}`;
    }
  }
  const prim = /^(number|boolean|bigint|undefined) ?(.*)$/.exec(kind);
  if (prim) {
    const name = { number: '数字', boolean: '布尔值', bigint: '整数', undefined: '未定义' }[
      prim[1] as 'number'
    ];
    return prim[1] === 'undefined' ? name : `${name} ${prim[2]}`;
  }
  return { 'a list': '列表', 'an object': '对象', null: 'null', missing: '缺失' }[kind] ?? kind;
}

function apply(rules: readonly Rule[], text: string): string | undefined {
  for (const [re, render] of rules) {
    const m = re.exec(text);
    if (m) return render(m);
  }
  return undefined;
}

/** One problem in the given interface language ('zh…' translates; anything else keeps English). */
export function problemText(problem: string, lang: string): string {
  if (!lang.toLowerCase().startsWith('zh')) return problem;
  const sentence = apply(ZH_SENTENCES, problem);
  if (sentence !== undefined) return sentence;
  // "path: what is wrong": the path has no spaces (customTerms[2].pattern, weights.sharing).
  const colon = /^([^\s:]+(?: \(version \d+\))?): (.+)$/.exec(problem);
  if (colon) {
    const what = apply(ZH_RULES, colon[2]!);
    if (what !== undefined)
      return `${colon[1]!.replace(/ \(version (\d+)\)$/, '（版本 $1）')}：${what}`;
  }
  return apply(ZH_RULES, problem) ?? problem;
}
