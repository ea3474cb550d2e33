/**
 * Helpers for the residence (居住登记/居住证) tests of the identity and
 * approval systems (not part of the build: see tsconfig exclude).
 */
import { addDaysCompact } from '@suijing/shared';
import { toCompactDate } from '../legacy/dates';
import type { RegisteredPerson } from '../seed/population';
import { approvalItems } from '../systems/approval/items';
import type { CaseSubject } from '../systems/approval/records';
import { residenceItemCode, type ResidenceItemKind } from '../systems/identity/residence-items';
import { filledForm } from './approval';
import { TEST_GOV_APP_KEY, type Agent } from './fixtures';

export interface ResidenceWire {
  hjdqh: string;
  djxx: { djbh: string; jzdz: string; jzdzqh: string; djrq: string; zt: string }[];
  jzz: null | {
    jzzh: string;
    qfjg: string;
    qfrq: string;
    yxqz: string;
    zt: string;
    qzjl: { qzrq: string; zn: string }[];
  };
}

/** Today in Beijing, yyyyMMdd (the sandbox clock unmoved). */
export function today(): string {
  return toCompactDate(new Date());
}

/** A yyyyMMdd day `days` from today (negative: before). */
export function daysFromToday(days: number): string {
  return addDaysCompact(today(), days) ?? today();
}

export function residenceOf(agent: Agent, sfzmhm: string) {
  return agent.get('/identity/v1/residence').set('X-App-Key', TEST_GOV_APP_KEY).query({ sfzmhm });
}

export async function residenceFile(agent: Agent, sfzmhm: string): Promise<ResidenceWire> {
  const res = await residenceOf(agent, sfzmhm).expect(200);
  if (res.body.code !== '0000') throw new Error(`residence: ${JSON.stringify(res.body)}`);
  return res.body.data as ResidenceWire;
}

/** The control route that sets a residence file (see identity control.routes.ts). */
export function setResidence(agent: Agent, body: object) {
  return agent.post('/sandbox/identity/residence').send(body);
}

export function itemOf(kind: ResidenceItemKind): string {
  return residenceItemCode(kind);
}

/** The item code of a catalog item by its exact name. */
export function itemNamed(name: string): string {
  const item = [...approvalItems().values()].find((candidate) => candidate.sxmc === name);
  if (!item) throw new Error(`no item named ${name}`);
  return item.sxbm;
}

/** The item's form filled for a person: their name, ID number, sex and birth date where the form asks (申请人身份要素). */
export function formFor(sxbm: string, person: Pick<RegisteredPerson, 'name' | 'idNumber' | 'gender' | 'birthDate'>) {
  const data = filledForm(sxbm);
  const item = approvalItems().get(sxbm);
  for (const field of item?.form.fz.flatMap((group) => group.zd) ?? []) {
    if (field.sqrys === 'XM') data[field.zddm] = person.name;
    if (field.sqrys === 'SFZH') data[field.zddm] = person.idNumber;
    if (field.sqrys === 'XB') data[field.zddm] = person.gender === 'male' ? '1' : '2';
    if (field.sqrys === 'CSRQ') data[field.zddm] = person.birthDate;
  }
  if (item?.form.fz.some((group) => group.zd.some((field) => field.zddm === 'jzdz'))) {
    data.jzdz = '广州市天河区体育西路100号1201房';
  }
  return data;
}

export function subjectOf(person: Pick<RegisteredPerson, 'name' | 'idNumber'>, gx: CaseSubject['gx']): CaseSubject {
  return { xm: person.name, sfzmhm: person.idNumber, gx };
}

/** Accept, review and approve (05) at the console. */
export async function approve(agent: Agent, bjbh: string): Promise<void> {
  for (const action of ['accept', 'review', 'approve']) {
    await agent.post(`/sandbox/approval/cases/${bjbh}/actions`).send({ action }).expect(200);
  }
}
