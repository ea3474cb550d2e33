/**
 * The approval system's opinion (意见) often just repeats the decision
 * ("准予许可" on a 准予许可 step). Shown beside the decision it would read
 * "准予许可：准予许可", so it is only kept when it says something more.
 */

/** Spaces and closing punctuation do not make an opinion say more. */
function bare(text: string): string {
  return text.replace(/[\s。．.！!，,；;：:、]+/gu, '');
}

/** The opinion when it adds to `label` (the decision or status in words); undefined when it only repeats it. */
export function opinionBeyond(label: string, opinion: string | undefined): string | undefined {
  if (opinion === undefined) return undefined;
  const text = opinion.trim();
  if (text === '' || bare(text) === bare(label)) return undefined;
  return text;
}

/** "label：opinion", or just the label when the opinion repeats it. */
export function withOpinion(label: string, opinion: string | undefined): string {
  const more = opinionBeyond(label, opinion);
  return more === undefined ? label : `${label}：${more}`;
}
