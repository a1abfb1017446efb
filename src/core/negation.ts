/**
 * Reading what a sentence says about a practice: is it denied ("we do not
 * sell", "我们不会收集"), and is the denial only conditional ("unless you
 * consent", "未经您同意")? Works on folded text (lower case, half-width).
 */

const NEG_EN =
  /\b(?:not|never|no|none|nowhere|nobody|neither|nor|cannot|can't|can’t|don't|don’t|doesn't|doesn’t|won't|won’t|isn't|aren't|didn't|wouldn't|shall not|refrain from|dont|doesnt|wont|restricted from|prohibited from|forbidden from)\b/g;
const NEG_ZH =
  /(?:不会|绝不|从不|并不|不得|禁止|不要|请勿|切勿|不代表|不意味着|没有|均不|也不|不再|不对外|不向|不将|不予|不涉及|不包括|不含|不存在|并未|从未|不(?=收集|获取|使用|共享|提供|出售|出租|售卖|存储|保存|读取|访问|调用|上传|转让|披露|公开|传输|分享|留存)|未(?=收集|获取|使用|共享|提供|出售|出租|售卖|存储|保存|读取|访问|调用|上传|转让|披露|公开|传输|分享|留存))/g;
/** Telling the user not to do something ("请勿", "不要"): advice, no practice of the service. */
const ADVICE = /^(?:不要|请勿|切勿)$/;
/** Phrases that contain a negation word but deny nothing. */
const NOT_A_DENIAL =
  /do not sell or share my|do not sell my|do not share my|not limited to|not be limited to|whether or not|not only|not just|no later than|no longer than|no more than|not exceed|not more than|no matter|not necessarily|if you do not|if you don't|if you don’t|if you choose not|should you not|do not hesitate|not be able to use|may not be able|cannot use|不限于|不仅|不超过|不少于|不长于|如果您不|若您不|如您不|如果您未|若您未|如您未|尚未|不同意|无法|不便|不同|不断|不定期|不时|不必要|不需要您/g;
const CONDITION =
  /\bunless\b|\bexcept\b|\bother than\b|\bwithout (?:your |the user's |users' |their )?(?:prior |express |explicit |separate |affirmative )*(?:consent|permission|authori[sz]ation|approval|agreement)|\bwithout first\b|\bexcept as\b|\bsave as\b|除非|除外|未经|未获得|未取得|事先征得|另行征得|征得您|经过您|经您/;
/**
 * An exception of things at the sentence's start: "Other than …", "Except for …" (not of
 * cases: "Except as described below", "Except in limited circumstances").
 */
const LEADING_EXCEPTION =
  /^\W{0,4}(?:other than\b(?!\s+(?:as|in|where|when|to|if)\b)|except\s+for\b)/;
const CONTRAST = /\bbut\b|\bhowever\b|\bwhereas\b|但是|但|然而|不过/g;
/** A negation, then the comma that opens an aside: "do not, however,", "will never, however,". */
const DENIAL_THEN_ASIDE = /(?:\bnot|\bnever|n['’]t)\s*,\s*$/;

/** What reading needs of the analysed document: its folded text (the object also keys a cache). */
export interface ReadDoc {
  readonly folded: string;
}

export interface Reading {
  denied: boolean;
  conditional: boolean;
}

/** What a sentence holds, found once and reused for every hit in it. */
interface SentenceIndex {
  end: number;
  /** [start, end) of each negation word, after blanking phrases that deny nothing. */
  negations: number[];
  /** End offsets of contrast words ("but", "但是"). */
  contrasts: number[];
  conditional: boolean;
  /** Where the first condition starts, or -1. */
  conditionAt: number;
  /** The condition opens the sentence and names things, not a condition ("Other than names, …"). */
  leadingException: boolean;
}

/** Sentence indexes per analysed text; keyed by the document object, so a text is never compared. */
const indexesByDoc = new WeakMap<object, Map<number, SentenceIndex>>();

function indexOf(doc: ReadDoc, sStart: number, sEnd: number): SentenceIndex {
  let indexes = indexesByDoc.get(doc);
  if (!indexes) indexesByDoc.set(doc, (indexes = new Map()));
  const folded = doc.folded;
  const known = indexes.get(sStart);
  if (known && known.end === sEnd) return known;
  const sentence = folded.slice(sStart, sEnd);
  const cleaned = sentence.replace(NOT_A_DENIAL, (m) => ' '.repeat(m.length));
  const negations: number[] = [];
  for (const re of [NEG_EN, NEG_ZH]) {
    re.lastIndex = 0;
    for (let m = re.exec(cleaned); m; m = re.exec(cleaned)) {
      negations.push(sStart + m.index, sStart + m.index + m[0].length);
    }
  }
  const contrasts: number[] = [];
  CONTRAST.lastIndex = 0;
  for (let m = CONTRAST.exec(sentence); m; m = CONTRAST.exec(sentence)) {
    // "we do not, however, collect …": an aside inside the denial, no second clause
    if (
      m[0] === 'however' &&
      DENIAL_THEN_ASIDE.test(sentence.slice(Math.max(0, m.index - 12), m.index))
    )
      continue;
    contrasts.push(sStart + m.index + m[0].length);
  }
  const cond = CONDITION.exec(sentence);
  const index = {
    end: sEnd,
    negations,
    contrasts,
    conditional: cond !== null,
    conditionAt: cond ? sStart + cond.index : -1,
    // the sentence's first condition, as CONDITION matches "other than" and "except"
    leadingException: LEADING_EXCEPTION.test(sentence),
  };
  indexes.set(sStart, index);
  return index;
}

/**
 * Read the practice named at [hitStart, hitEnd) of the sentence
 * folded[sStart, sEnd). A negation counts when it stands between the last
 * contrast word before the hit and the hit (at most 300 characters back), or
 * right after the hit in a passive form ("is not shared").
 */
export function readPractice(
  doc: ReadDoc,
  sStart: number,
  sEnd: number,
  hitStart: number,
  hitEnd: number,
): Reading {
  const index = indexOf(doc, sStart, sEnd);
  const folded = doc.folded;
  // The negation must stand after the last contrast word ("we do not sell it, but we share it").
  let from = Math.max(sStart, hitStart - 300);
  for (const c of index.contrasts) if (c <= hitStart && c > from) from = c;
  let before = false;
  /** Only advice to the user stands before the hit ("提示您不要…提供"): no exception lifts it. */
  let adviceOnly = true;
  const n = index.negations;
  for (let i = 0; i < n.length; i += 2) {
    if (n[i]! >= from && n[i + 1]! <= hitStart) {
      before = true;
      if (!ADVICE.test(folded.slice(n[i]!, n[i + 1]!))) adviceOnly = false;
    }
  }
  const after = folded.slice(hitEnd, Math.min(sEnd, hitEnd + 60));
  const clauseAfter = after.split(/[,;，；。.]/)[0] ?? '';
  const denied =
    before ||
    PASSIVE_DENIAL.test(clauseAfter) ||
    (negationAfter(n, hitEnd, sEnd) && deniedAfterExamples(folded, sStart, sEnd, hitStart, hitEnd));
  // "does not store passwords and will not pass data on except in aggregate form": the
  // exception belongs to the denial nearest before it, which here comes after the hit
  const conditional =
    denied &&
    !(before && adviceOnly) &&
    index.conditional &&
    !(before && index.conditionAt >= hitEnd && negationAfter(n, hitEnd, index.conditionAt)) &&
    // "Other than names and e-mail addresses, we don't collect … social security number": the
    // exception names what it lets through, before the denial; a hit after the denial stays denied
    !(before && index.leadingException && negationAfter(n, index.conditionAt, hitStart));
  return { denied, conditional };
}

/** Is there a negation word in [from, to)? (`n` holds [start, end) pairs, in no order.) */
function negationAfter(n: readonly number[], from: number, to: number): boolean {
  for (let i = 0; i < n.length; i += 2) if (n[i]! >= from && n[i]! < to) return true;
  return false;
}

/** "… is not collected", "… 不会被保存", right where the clause goes on. */
const PASSIVE_DENIAL =
  /^\s*(?:(?:is|are|will|shall|would|may|be|been|being)\s+)+(?:not|never)\b|^\s*(?:将|也|都|均)?(?:不会|不被|不得|不予)/;
/** A noun's examples before its verb: "(such as card number, expiry date)", ", for example GPS data,". */
const EXAMPLES =
  /^[\w-]*(?:\s+[\w-]+){0,2}[\u4e00-\u9fff]{0,4}\s*(?:\([^()]{0,200}\)|,\s*(?:such as|for example|for instance|e\.g\.|including|like)\b[^;()]{0,200}?,)/;
/** The opening of a comma aside of examples, and the denial that closes it. */
const ASIDE_OPEN = /,\s*(?:such as|for example|for instance|e\.g\.|including)\b[^;()]*$/;
const ASIDE_DENIAL =
  /^[^;()]{0,200}?,\s*(?:(?:is|are|will|shall|would|may|be|been|being)\s+)+(?:not|never)\b/;

/** Is there an unclosed "(" in folded[from, at)? A bounded look back, never the whole text. */
function insideParentheses(folded: string, from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const c = folded.charCodeAt(i);
    if (c === 0x29) return false; // ')'
    if (c === 0x28) return true; // '('
  }
  return false;
}

/**
 * The denial of a subject whose examples stand between it and its verb: "Your card
 * details (such as card number, expiry date) will not be stored" denies the details and
 * each example, as does "您的银行卡信息（如卡号、有效期）不会被保存".
 */
function deniedAfterExamples(
  folded: string,
  sStart: number,
  sEnd: number,
  hitStart: number,
  hitEnd: number,
): boolean {
  const rest = folded.slice(hitEnd, Math.min(sEnd, hitEnd + 260));
  // inside the examples themselves: go on from where they close
  if (insideParentheses(folded, Math.max(sStart, hitStart - 200), hitStart)) {
    const close = rest.indexOf(')');
    if (close < 0 || close > 200 || rest.lastIndexOf('(', close) >= 0) return false;
    return PASSIVE_DENIAL.test(rest.slice(close + 1));
  }
  const m = EXAMPLES.exec(rest);
  if (m !== null) return PASSIVE_DENIAL.test(rest.slice(m[0].length));
  // one of the examples of a comma aside: ", for example GPS, Wi-Fi and cell towers, is not collected"
  const head = folded.slice(Math.max(sStart, hitStart - 200), hitStart);
  return ASIDE_OPEN.test(head) && ASIDE_DENIAL.test(rest);
}
