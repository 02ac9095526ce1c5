/** Small drafts for the server tests, written the way 意见 and 通知 are. */

/** Ordinary working prose that discusses no relationship: makes a draft long enough for the notes on what is missing. */
const FILLER = Array.from({ length: 130 }, () => '各单位要高度重视，认真研究，周密部署，确保各项工作按时完成。').join('');

/**
 * A data-opening opinion: 数据开放 developed over five sentences, 数据安全 never (one-sided); two
 * headings name relationships; 短期目标 and 长期目标 never (the missing note); no 党的领导.
 */
export const ONE_SIDED = [
  '关于推进数据开放的意见',
  '一、总体要求',
  '推进数据开放，扩大公共数据开放范围。编制公共数据开放目录。建设数据开放平台。鼓励开放数据利用。举办数据开放创新大赛。',
  '二、处理好中央与地方的关系',
  '中央统筹部署，地方抓好落实。',
  '三、处理好投资与效益的关系',
  '加大投资力度，注重效益。',
  FILLER,
  '',
].join('\n');

/** The same draft with less working prose: under 4 KB, one-sided still, no notes on what is missing. */
export const ONE_SIDED_SHORT = ONE_SIDED.replace(FILLER, FILLER.slice(0, 30 * 30));

/** The same draft with a second-level heading numbered out of order. */
export const OUTLINE_ERROR = [
  '关于推进数据开放的意见',
  '一、总体要求',
  '（一）指导思想',
  '推进数据开放，扩大公共数据开放范围。',
  '（三）工作目标',
  '鼓励开放数据利用。',
  '二、处理好中央与地方的关系',
  '中央统筹部署，地方抓好落实。',
  '',
].join('\n');

/** 资金投入 over six sentences, 效益 in one: unbalanced; 短期目标 and 长期目标 never (the missing note). */
export const UNBALANCED = [
  '关于加强政务信息化建设的通知',
  '一、处理好中央与地方的关系',
  '中央统筹，地方落实。',
  '二、加大资金投入',
  '加大财政资金投入。设立政务信息化专项资金5000万元。保障项目建设资金。安排运维经费保障。落实资金保障。优化财政资金结构。',
  '三、统筹推进',
  '统筹推进各项工作。',
  '四、注重实效',
  '提高资金使用效益。',
  FILLER,
  '',
].join('\n');

/** The second heading names 数据开放与数据安全, but its body discusses neither side. */
export const SECTION_EMPTY = [
  '关于加强政务信息化建设的通知',
  '一、处理好中央与地方的关系',
  '中央统筹，地方落实。',
  '二、处理好数据开放与数据安全的关系',
  '做好有关工作。',
  '三、处理好投资与效益的关系',
  '加大投资力度，注重效益。',
  '',
].join('\n');
