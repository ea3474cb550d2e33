import { createHmac } from 'node:crypto';
import { safeEqual } from '../../libraries/crypto';

/**
 * 办件进度查询 answers a case number with the applicant's last six ID digits.
 * The case keeps a keyed hash of (case number, those digits), so the lookup
 * works whatever became of the account that filed it (its identity moved,
 * unbound or the account closed), without keeping the digits themselves.
 */
export class ProgressTags {
  constructor(private readonly key: Buffer) {}

  of(caseNo: string, idLast6: string): string {
    return createHmac('sha256', this.key).update(`${caseNo}:${idLast6.toUpperCase()}`).digest('hex');
  }

  matches(tag: string, caseNo: string, idLast6: string): boolean {
    return safeEqual(tag, this.of(caseNo, idLast6));
  }
}
