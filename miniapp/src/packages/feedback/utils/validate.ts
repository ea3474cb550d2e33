import { isValidPhone } from '@suijing/shared/validators';
import type { ComplaintRequest } from '@suijing/shared';
import { isBadLevel, RATING_ASPECTS, type AspectKey, type ComplaintKind } from './format';

/**
 * The BFF's rules for the feedback forms (RatingRequestSchema,
 * ComplaintRequestSchema, ComplaintRatingRequestSchema) with the same
 * messages, checked as the citizen types. Dependency-free: zod stays out of
 * the mini-program.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** 0 is "not chosen yet". */
export interface RatingInput {
  level: number;
  aspects: Record<AspectKey, number>;
  comment: string;
}

export type RatingErrorKey = 'level' | 'comment' | `aspects.${AspectKey}`;

export const RATING_COMMENT_MAX = 500;
export const BAD_REVIEW_MIN_COMMENT = 5;
const LEVEL_MESSAGE = '请选择 1-5 星';

const isLevel = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 5;

export function emptyRating(): RatingInput {
  return { level: 0, aspects: { efficiency: 0, guideAccuracy: 0, convenience: 0, usability: 0 }, comment: '' };
}

export function checkRatingComment(level: number, comment: string): string | undefined {
  const length = comment.trim().length;
  if (length > RATING_COMMENT_MAX) return `评价内容不超过 ${RATING_COMMENT_MAX} 字`;
  if (isBadLevel(level) && length < BAD_REVIEW_MIN_COMMENT) return '差评请写明原因（至少 5 个字），以便核实整改';
  return undefined;
}

/** Every problem of the rating form, keyed as the BFF's field paths; empty when it may be sent. */
export function validateRating(input: RatingInput): FieldErrors<RatingErrorKey> {
  const errors: FieldErrors<RatingErrorKey> = {};
  if (!isLevel(input.level)) errors.level = '请选择整体满意度';
  for (const aspect of RATING_ASPECTS) {
    if (!isLevel(input.aspects[aspect.key])) errors[`aspects.${aspect.key}`] = `请为「${aspect.text}」打分`;
  }
  const comment = checkRatingComment(input.level, input.comment);
  if (comment) errors.comment = comment;
  return errors;
}

export type CategoryCode = ComplaintRequest['category'];

export interface ComplaintInput {
  kind: ComplaintKind;
  /** '' until one is chosen. */
  category: CategoryCode | '';
  title: string;
  content: string;
  phone: string;
  caseNo: string;
}

export type ComplaintFieldKey = keyof ComplaintInput | 'photos';

export const TITLE_MIN = 4;
export const TITLE_MAX = 40;
export const CONTENT_MIN = 10;
export const CONTENT_MAX = 1000;
export const MAX_PHOTOS = 6;
const CASE_NO = /^\d{22}$/;

/** `phoneTyped`: false while the account's own phone is used (nothing typed; the BFF fills it in). */
export function checkComplaintField(
  key: keyof ComplaintInput,
  input: ComplaintInput,
  phoneTyped = true,
): string | undefined {
  const value = input[key].trim();
  switch (key) {
    case 'kind':
      return value === 'complaint' || value === 'suggestion' ? undefined : '请选择投诉或建议';
    case 'category':
      return value === '' ? '请选择诉求类别' : undefined;
    case 'title':
      if (value.length < TITLE_MIN) return `标题至少 ${TITLE_MIN} 个字`;
      return value.length > TITLE_MAX ? `标题不超过 ${TITLE_MAX} 字` : undefined;
    case 'content':
      if (value.length < CONTENT_MIN) return `请具体描述，至少 ${CONTENT_MIN} 个字`;
      return value.length > CONTENT_MAX ? `内容不超过 ${CONTENT_MAX} 字` : undefined;
    case 'phone':
      return !phoneTyped || isValidPhone(value) ? undefined : '请输入 11 位手机号码';
    case 'caseNo':
      // Optional: only a filled-in number must look like one.
      return value === '' || CASE_NO.test(value) ? undefined : '办件编号为 22 位数字，可在「我的办件」中查看';
  }
}

const COMPLAINT_KEYS: readonly (keyof ComplaintInput)[] = ['kind', 'category', 'title', 'content', 'phone', 'caseNo'];

export function validateComplaint(
  input: ComplaintInput,
  photoCount = 0,
  phoneTyped = true,
): FieldErrors<ComplaintFieldKey> {
  const errors: FieldErrors<ComplaintFieldKey> = {};
  for (const key of COMPLAINT_KEYS) {
    const message = checkComplaintField(key, input, phoneTyped);
    if (message) errors[key] = message;
  }
  if (photoCount > MAX_PHOTOS) errors.photos = `最多 ${MAX_PHOTOS} 张照片`;
  return errors;
}

/**
 * The request as the BFF takes it: trimmed, the optional case number left
 * out when empty, and the phone only when typed (else the account's own).
 */
export function complaintRequest(
  input: ComplaintInput & { category: CategoryCode },
  photos: string[],
  phoneTyped = true,
): ComplaintRequest {
  const caseNo = input.caseNo.trim();
  return {
    kind: input.kind,
    category: input.category,
    title: input.title.trim(),
    content: input.content.trim(),
    photos,
    ...(phoneTyped ? { phone: input.phone.trim() } : {}),
    ...(caseNo ? { caseNo } : {}),
  };
}

export const COMPLAINT_RATING_COMMENT_MAX = 300;

export function validateComplaintRating(level: number, comment: string): FieldErrors<'level' | 'comment'> {
  const errors: FieldErrors<'level' | 'comment'> = {};
  if (!isLevel(level)) errors.level = LEVEL_MESSAGE;
  if (comment.trim().length > COMPLAINT_RATING_COMMENT_MAX) {
    errors.comment = `评价内容不超过 ${COMPLAINT_RATING_COMMENT_MAX} 字`;
  }
  return errors;
}
