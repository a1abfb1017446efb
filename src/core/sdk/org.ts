/** How the name of a company or an organisation ends, in Chinese and in English. */
export const ORG_END_ZH = '有限责任公司|股份有限公司|有限公司|公司|研究所|研究院|集团|信息中心';
export const ORG_END_EN =
  'Inc\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|Corporation|Corp\\.?|GmbH|S\\.A\\.|B\\.V\\.|Co\\.,?\\s*Ltd\\.?|Co\\.|Company|Technologies|Technology';
