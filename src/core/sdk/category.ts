import type { SdkCategory } from '../types';

/** Category of an SDK the catalog does not know, from what the policy says it is for. */
const RULES: [SdkCategory, RegExp][] = [
  ['ads', /广告|变现|advertis|\bads?\b|monetiz/i],
  ['push', /推送|push|消息通知|notification/i],
  ['crash', /崩溃|crash|异常|bug|性能监控|\bapm\b|error report/i],
  ['payment', /支付|付款|收银|payment|\bpay\b|checkout/i],
  ['login', /一键登录|登录|登陆|认证|login|log in|sign[- ]in|authenticat|verification/i],
  ['analytics', /统计|分析|归因|监测|埋点|analytic|statistic|attribution|measurement/i],
  ['maps', /地图|定位|位置|导航|\bmaps?\b|location|navigation|geo/i],
  ['social', /分享|社交|\bshar(?:e|ing)\b|social/i],
  [
    'cloud',
    /云|存储|客服|即时通讯|音视频|直播|storage|\bcdn\b|cloud|customer service|upload|hosting/i,
  ],
];

export function inferCategory(purpose: string): SdkCategory {
  for (const [cat, re] of RULES) if (re.test(purpose)) return cat;
  return 'other';
}
