/** Small drafts for the server tests, written the way 意见 and 通知 are. */

/** Engages the framework (two headings name relationships); 数据开放 three times, 数据安全 never. */
export const ONE_SIDED = [
  '关于推进数据开放的意见',
  '一、总体要求',
  '推进数据开放，扩大公共数据开放范围，鼓励开放数据利用。',
  '二、处理好中央与地方的关系',
  '中央统筹部署，地方抓好落实。',
  '三、处理好投资与效益的关系',
  '加大投资力度，注重效益。',
  '',
].join('\n');

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

/** 投资 seven times, 效益 once: unbalanced; 短期目标 and 长期目标 never (missing). */
export const UNBALANCED = [
  '关于加强政务信息化建设的通知',
  '一、处理好中央与地方的关系',
  '中央统筹，地方落实。',
  '二、加大投入',
  '加大投资力度，扩大有效投资，优化投资结构，引导社会投资，保障财政投入。',
  '三、统筹推进',
  '统筹推进各项工作。',
  '四、注重实效',
  '提高资金使用效益。',
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
