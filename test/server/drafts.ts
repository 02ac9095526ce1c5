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
