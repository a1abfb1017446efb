import type { SdkCategory } from '../types';

const RULES: [SdkCategory, RegExp][] = [
  ['ads', /广告|变现|advertis|\bads?\b|monetiz/i],
  ['push', /推送|push|消息通知|notification/i],
  ['crash', /崩溃|crash|异常|bug|性能监控|\bapm\b|error report/i],
  ['payment', /支付|付款|收银|充值|钱包|payment|\bpay\b|checkout|top-up|recharge|wallet/i],
  [
    'login',
    /一键登录|登录|登陆|认证|人脸识别|活体检测|身份(?:验证|核验|核实)|login|log in|sign[- ]in|sign[- ]up (?:with|using|via)|register(?:ing)? (?:with|using|via)|authenticat|verification|liveness/i,
  ],
  ['analytics', /统计|分析|归因|监测|埋点|analytic|statistic|attribution|measurement/i],
  ['maps', /地图|定位|位置|导航|\bmaps?\b|location|navigation|geo/i],
  ['social', /分享|社交|\bshar(?:e|ing)\b|social/i],
  [
    'cloud',
    /云|存储|客服|即时通讯|音视频|直播|storage|\bcdn\b|cloud|customer service|upload|hosting/i,
  ],
  // Speech services are none of the above: "语音交互、语音导航" is a voice menu, not a map.
  [
    'other',
    /语音(?:交互|识别|合成|输入|唤醒|播报)|speech (?:recognition|synthesis|to text)|text[- ]to[- ]speech|voice (?:recognition|input|interaction|assistant)/i,
  ],
  // Risk control is none of them either: "支付设备安全检测、交易欺诈识别" guards payments, it takes none.
  [
    'other',
    /设备指纹|反欺诈|欺诈|风控|风险控制|风险识别|反作弊|device fingerprint|fraud|risk control|anti-cheat/i,
  ],
];

/**
 * Permissions an SDK asks for ("定位权限", "location permission") say what it
 * reads, not what it is for: a player that asks for location is not a map.
 */
const PERMISSION = /[\u4e00-\u9fff/]{1,10}权限|\b[a-z]+(?: [a-z]+)? permissions?\b/gi;

/**
 * Category of an SDK the catalog does not know, from what the policy says it
 * is for: the cue that comes first in the text wins ("人脸登录、人脸支付" is a
 * sign-in SDK), rule order breaks ties.
 */
export function inferCategory(purpose: string): SdkCategory {
  return categoryCue(purpose) ?? 'other';
}

/** The category the first cue in the text names; null when it has none. */
export function categoryCue(purpose: string): SdkCategory | null {
  const text = purpose.replace(PERMISSION, ' ');
  let best: SdkCategory | null = null;
  let at = Infinity;
  for (const [cat, re] of RULES) {
    const m = re.exec(text);
    if (m && m.index < at) {
      best = cat;
      at = m.index;
    }
  }
  return best;
}

/**
 * The role a policy gives an SDK of several roles (WeChat: sharing or sign-in): the one role
 * whose cue the text names; `usual` when it names none of them, or more than one.
 */
export function roleFor(
  purpose: string,
  roles: readonly SdkCategory[],
  usual: SdkCategory,
): SdkCategory {
  const text = purpose.replace(PERMISSION, ' ');
  const named = new Set(
    RULES.filter(([cat, re]) => roles.includes(cat) && re.test(text)).map(([c]) => c),
  );
  return named.size === 1 ? [...named][0]! : usual;
}
