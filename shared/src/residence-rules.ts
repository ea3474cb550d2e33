/**
 * The rules of the 居住证 (《居住证暂行条例》 2016 and Guangdong's practice), on
 * our own types, kept dependency-free so the sandbox (the system of record)
 * and the BFF (its pre-check and the 我的居住证 page) apply the same rules.
 * Every date is a calendar day written yyyy-MM-dd; such strings compare in
 * date order, which the rules rely on.
 */

export interface ResidenceRegistrationFacts {
  /** 居住登记日期, yyyy-MM-dd. */
  registeredOn: string;
  active: boolean;
  address: string;
  /** Region code of the district lived in (4401xx is Guangzhou). */
  districtCode: string;
}

export interface ResidencePermitFacts {
  number: string;
  issuedOn: string;
  validUntil: string;
  issuer: string;
  /** One per residence year: `anniversary` is the anniversary of `issuedOn` the 签注 belongs to. */
  endorsements: { on: string; anniversary: string }[];
  replacedBy?: string;
}

export type PermitStatus = 'valid' | 'suspended' | 'expired' | 'replaced';
export type ResidenceAction = 'apply' | 'endorse' | 'reissue' | 'renew';

export interface EndorsementWindow {
  /** The anniversary of the issue date this residence year ends on. */
  anniversary: string;
  /** 签注 may be made from this day on (one month before the anniversary). */
  opensOn: string;
  endorsed: boolean;
}

export interface ResidenceFacts {
  hukouRegionCode: string;
  registrations: ResidenceRegistrationFacts[];
  permit?: ResidencePermitFacts;
}

export type Qualification = { allowed: true } | { allowed: false; reason: string };

/** Guangzhou's region codes start 4401 (the hukou city and the 居住登记 place). */
export const GUANGZHOU_REGION_PREFIX = '4401';
/** 居住登记 must be this old before one may apply (《居住证暂行条例》第二条: 居住半年以上). */
export const MONTHS_REGISTERED_BEFORE_APPLYING = 6;
/** Guangdong issues permits for three years. */
export const PERMIT_VALIDITY_YEARS = 3;
/** 换领 stays open this many days after expiry. */
export const RENEW_DAYS_AFTER_EXPIRY = 30;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not a yyyy-MM-dd day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(utc: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

/** Adds calendar months; a day the target month lacks becomes its last day (01-31 + 1 month = 02-28/29). */
export function addMonthsToDay(day: string, months: number): string {
  const [year, month, date] = parts(day);
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastOfTarget = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return format(
    new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(date, lastOfTarget))),
  );
}

export function addYearsToDay(day: string, years: number): string {
  return addMonthsToDay(day, years * 12);
}

export function addDaysToDay(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return format(new Date(Date.UTC(year, month - 1, date + days)));
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier): how long someone has lived here. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonthsToDay(from, months) > to) months -= 1;
  return Math.max(0, months);
}

/** The anniversaries of the issue date within the validity: each ends a residence year that needs a 签注 (the last year ends in expiry, 换领 instead). */
export function residenceAnniversaries(permit: ResidencePermitFacts): string[] {
  const anniversaries: string[] = [];
  for (let k = 1; ; k += 1) {
    const anniversary = addYearsToDay(permit.issuedOn, k);
    if (anniversary >= permit.validUntil) return anniversaries;
    anniversaries.push(anniversary);
  }
}

function endorsedFor(permit: ResidencePermitFacts, anniversary: string): boolean {
  return permit.endorsements.some((e) => e.anniversary === anniversary);
}

/**
 * The residence year whose 签注 is due or next: an anniversary already passed
 * without 签注 (the permit is suspended until a late 签注), else the next one.
 * Undefined when no anniversary is left before expiry.
 */
export function endorsementWindow(permit: ResidencePermitFacts, today: string): EndorsementWindow | undefined {
  const anniversaries = residenceAnniversaries(permit);
  const window = (anniversary: string): EndorsementWindow => ({
    anniversary,
    opensOn: addMonthsToDay(anniversary, -1),
    endorsed: endorsedFor(permit, anniversary),
  });
  // Only the latest passed year counts: a missed earlier year is restored by endorsing the current one.
  const latestPassed = anniversaries.filter((a) => a < today).at(-1);
  if (latestPassed !== undefined && !endorsedFor(permit, latestPassed)) return window(latestPassed);
  const next = anniversaries.find((a) => a >= today);
  return next === undefined ? undefined : window(next);
}

/** The anniversary day itself is the last day to endorse on time; the day after, an unendorsed permit is suspended (中止). */
export function permitStatus(permit: ResidencePermitFacts, today: string): PermitStatus {
  if (permit.replacedBy !== undefined) return 'replaced';
  if (today > permit.validUntil) return 'expired';
  const window = endorsementWindow(permit, today);
  return window !== undefined && !window.endorsed && window.anniversary < today ? 'suspended' : 'valid';
}

const refuse = (reason: string): Qualification => ({ allowed: false, reason });

function heldPermit(permit: ResidencePermitFacts | undefined, today: string): ResidencePermitFacts | undefined {
  return permit && permitStatus(permit, today) !== 'replaced' ? permit : undefined;
}

function qualifiesToApply(facts: ResidenceFacts, today: string): Qualification {
  if (facts.hukouRegionCode.startsWith(GUANGZHOU_REGION_PREFIX)) {
    return refuse('您的户籍在广州市，无需申领居住证');
  }
  const permit = heldPermit(facts.permit, today);
  const status = permit && permitStatus(permit, today);
  if (permit && status === 'valid') {
    return refuse(
      `您已持有有效居住证（有效期至${permit.validUntil}），每人只能持有一张；遗失请申请补领，损坏或信息变更请申请换领`,
    );
  }
  if (permit && status === 'suspended') {
    return refuse('您已持有居住证，因逾期未签注暂停使用，请办理签注恢复，无需重新申领');
  }
  const since = facts.registrations
    .filter((r) => r.active && r.districtCode.startsWith(GUANGZHOU_REGION_PREFIX))
    .map((r) => r.registeredOn)
    .sort()[0];
  if (since === undefined) {
    return refuse('请先办理居住登记，居住登记满6个月后可申领居住证');
  }
  const opensOn = addMonthsToDay(since, MONTHS_REGISTERED_BEFORE_APPLYING);
  if (opensOn > today) {
    return refuse(`居住登记满6个月后方可申领居住证（您的居住登记日期为${since}），请于${opensOn}起申领`);
  }
  return { allowed: true };
}

function qualifiesToEndorse(permit: ResidencePermitFacts | undefined, today: string): Qualification {
  if (!permit) return refuse('您还没有居住证，请先申领居住证');
  if (permitStatus(permit, today) === 'expired') {
    return refuse(`居住证已于${permit.validUntil}到期，不能签注，请申请换领`);
  }
  const window = endorsementWindow(permit, today);
  if (!window) {
    return refuse(`本证有效期内已无需签注，有效期满（${permit.validUntil}）前30日内可申请换领`);
  }
  if (window.endorsed) {
    return refuse(`本居住年度（至${window.anniversary}）已签注，每年只能签注一次`);
  }
  if (today < window.opensOn) {
    return refuse(`签注须在每个居住年度期满（${window.anniversary}）前一个月内办理，请于${window.opensOn}起办理`);
  }
  return { allowed: true };
}

function qualifiesToReissue(permit: ResidencePermitFacts | undefined, today: string): Qualification {
  if (!permit) return refuse('您还没有居住证，无需补领，请申领居住证');
  if (permitStatus(permit, today) === 'expired') {
    return refuse(`居住证已于${permit.validUntil}到期，不能补领，请申请换领或重新申领`);
  }
  return { allowed: true };
}

function qualifiesToRenew(permit: ResidencePermitFacts | undefined, today: string): Qualification {
  if (!permit) return refuse('您还没有居住证，请申领居住证');
  const lastDay = addDaysToDay(permit.validUntil, RENEW_DAYS_AFTER_EXPIRY);
  if (permitStatus(permit, today) === 'expired' && today > lastDay) {
    return refuse(`居住证已于${permit.validUntil}到期超过30日，不能换领，请重新申领居住证`);
  }
  return { allowed: true };
}

/** Whether `action` is open to a person with these facts today; a refusal says what to do instead, in Chinese. */
export function qualification(action: ResidenceAction, facts: ResidenceFacts, today: string): Qualification {
  const permit = heldPermit(facts.permit, today);
  switch (action) {
    case 'apply':
      return qualifiesToApply(facts, today);
    case 'endorse':
      return qualifiesToEndorse(permit, today);
    case 'reissue':
      return qualifiesToReissue(permit, today);
    case 'renew':
      return qualifiesToRenew(permit, today);
  }
}
