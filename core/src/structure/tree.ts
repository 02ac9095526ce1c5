/** Questions about the outline tree that several stages ask. */
import type { Heading } from '../types';

/** Whether node i lies inside an article (第X条): its 项 and 目 are provisions, not sections. */
export function underArticle(headings: Heading[], i: number): boolean {
  for (let p = headings[i].parent; p >= 0; p = headings[p].parent) if (headings[p].family === 'article') return true;
  return false;
}
