import {
  compactFromIsoDay,
  endorsementWindow,
  isoDayFromCompact,
  qualification,
  GUANGZHOU_REGION_PREFIX,
} from '@suijing/shared';
import type { RegisteredPerson } from '../../seed/population';
import { LICENCE_TYPES, type LicenceStore } from './licences';
import { guangzhouDistrictOf, permitFacts, permitIssuer, type PermitEntry, type ResidenceBook } from './residence-book';
import { isPermitAction, type ResidenceItemKind } from './residence-items';

type FormData = Readonly<Record<string, string | readonly string[]>>;

function formText(formData: FormData, key: string): string {
  const value = formData[key];
  return typeof value === 'string' ? value.trim() : '';
}

/** 居住事由 codes that ground a permit (《居住证暂行条例》第二条: 就业, 就读, 合法稳定住所). */
const PERMIT_BASES = ['1', '2', '3'];

/**
 * Who a residence case is about: the tenant for a landlord's 代为申报, else
 * the 当事人 (the family member filed for) or the applicant.
 */
export function residenceSubjectId(kind: ResidenceItemKind, subjectId: string, formData: FormData): string {
  return kind === 'register-tenant' ? formText(formData, 'czr_sfzh').toUpperCase() : subjectId;
}

/**
 * Why the population system refuses this case at submission (the message
 * says what to do), or undefined when it may go ahead: the shared 居住证
 * rules for the permit, and for 居住登记 a hukou elsewhere and an address in
 * a Guangzhou district. `today` is yyyyMMdd.
 */
export function residenceRefusal(
  book: ResidenceBook,
  kind: ResidenceItemKind,
  subjectId: string,
  formData: FormData,
  today: string,
): string | undefined {
  const id = residenceSubjectId(kind, subjectId, formData);
  const person = book.register.find(id);
  const facts = book.facts(id);
  if (!person || !facts || person.status !== 'normal') {
    return kind === 'register-tenant'
      ? '未查询到承租人的户籍信息，请核对承租人公民身份号码'
      : '未查询到当事人的户籍信息，请核对身份信息';
  }
  if (kind === 'register-tenant' && formText(formData, 'czr_xm') !== person.name) {
    return '承租人姓名与公民身份号码不一致，请核对后重新申报';
  }
  if (isPermitAction(kind)) {
    const rule = qualification(kind, facts, isoDayFromCompact(today));
    if (!rule.allowed) return rule.reason;
    const basis = formText(formData, 'jzsy');
    if (kind === 'apply' && basis !== '' && !PERMIT_BASES.includes(basis)) {
      return '申领居住证须有合法稳定就业、合法稳定住所或连续就读之一，请选择相应的居住事由并提供证明材料';
    }
    return undefined;
  }
  const active = facts.registrations.some((r) => r.active && r.districtCode.startsWith(GUANGZHOU_REGION_PREFIX));
  const address = formText(formData, 'jzdz');
  switch (kind) {
    case 'register':
    case 'register-tenant':
      if (person.regionCode.startsWith(GUANGZHOU_REGION_PREFIX)) return '户籍在广州市的，无需办理居住登记';
      if (active) return '已有有效的居住登记；搬家请办理居住登记变更，离开广州请办理注销';
      return guangzhouDistrictOf(address) ? undefined : '现居住地址须写明广州市的区，如“广州市天河区××路××号”';
    case 'move':
      if (!active) return '还没有有效的居住登记，请先办理居住登记申报';
      return guangzhouDistrictOf(address) ? undefined : '现居住地址须写明广州市的区，如“广州市天河区××路××号”';
    case 'deregister':
      return active ? undefined : '没有有效的居住登记，无需注销';
  }
}

/**
 * What a granted case does (05; 07 follows and must change nothing more, the
 * caller sees to that): 申领/换领 issue a permit for three years from `day`,
 * 签注 records the due residence year, 补领 makes a new card of the same
 * permit, 居住登记 registers, moves or cancels; the e-licence store's
 * 广东省居住证 follows the permit. `day` is yyyyMMdd.
 */
export function applyResidenceCase(
  book: ResidenceBook,
  licences: LicenceStore,
  kind: ResidenceItemKind,
  subjectId: string,
  formData: FormData,
  day: string,
): void {
  const person = book.register.find(residenceSubjectId(kind, subjectId, formData));
  const file = person && book.file(person.idNumber);
  if (!person || !file) return;
  const district = guangzhouDistrictOf(formText(formData, 'jzdz'));
  const activeDistrict = file.registrations.find((r) => r.zt === '1')?.jzdzqh;
  switch (kind) {
    case 'apply':
    case 'renew':
      return fileLicence(licences, person, book.issuePermit(person, day, permitIssuer(activeDistrict)), day);
    case 'endorse': {
      const window = file.permit && endorsementWindow(permitFacts(file.permit), isoDayFromCompact(day));
      if (window && !window.endorsed) book.endorse(person, day, compactFromIsoDay(window.anniversary));
      return;
    }
    case 'reissue':
      if (file.permit) fileLicence(licences, person, file.permit, day);
      return;
    case 'register':
    case 'register-tenant':
      if (district)
        book.addRegistration(person, { jzdz: formText(formData, 'jzdz'), jzdzqh: district.code, djrq: day });
      return;
    case 'move':
      if (district) book.moveRegistration(person, { jzdz: formText(formData, 'jzdz'), jzdzqh: district.code });
      return;
    case 'deregister':
      book.cancelRegistrations(person);
      return;
  }
}

/** The e-licence store's 广东省居住证 (a new card: a new 证照标识) matching the permit. */
export function fileLicence(
  licences: LicenceStore,
  person: RegisteredPerson,
  permit: PermitEntry,
  today: string,
): void {
  licences.add(
    person,
    {
      zzlxdm: 'JZZ',
      zzmc: LICENCE_TYPES.JZZ,
      zzbh: permit.jzzh,
      fzjg: permit.qfjg,
      fzrq: permit.qfrq,
      yxqz: permit.yxqz,
    },
    today,
  );
}
