import { hashString } from '../../core/prng';
import type { Parcel } from './parcels';

/** One step of a mail item's way (轨迹), in the platform's words. */
export interface TraceStep {
  opCode: string;
  opName: string;
  opDesc: string;
  opOrgProvName: string;
  opOrgCity: string;
  opOrgCode: string;
  opOrgName: string;
  atMs: number;
}

const MINUTE = 60_000;

/** 收寄 -> 处理中心到达 -> 处理中心封发 -> 投递机构接收 -> 安排投递 -> 妥投, minutes after posting. */
const STEPS = [
  { opCode: '203', opName: '收寄', afterMin: 0 },
  { opCode: '305', opName: '处理中心到达', afterMin: 180 },
  { opCode: '306', opName: '处理中心封发', afterMin: 300 },
  { opCode: '702', opName: '投递机构接收', afterMin: 1_260 },
  { opCode: '703', opName: '安排投递', afterMin: 1_320 },
  { opCode: '704', opName: '投递结果反馈-妥投', afterMin: 1_500 },
] as const;

/** 广州市 → 广州, 南山区 → 南山: a name without its suffix, as offices are named. */
const bare = (name: string): string => name.replace(/(省|市|区|县|自治区|自治州|特别行政区|壮族|回族|维吾尔)+$/u, '');

/** A stable 8-digit 机构代码 for a place, so the same office always has the same code. */
const orgCode = (name: string): string => String(hashString(name) % 100_000_000).padStart(8, '0');

/**
 * Where and when each step of the item happens: posted at the sender's
 * office, sorted at the sender city's centre, handed to the delivery office
 * of the receiver's district, delivered to the door. The times are fixed by
 * the posting time and the number (a few minutes' spread), so the same item
 * always shows the same way.
 */
export function plannedSteps(parcel: Parcel): TraceStep[] {
  const { sender, receiver } = parcel;
  const spread = hashString(parcel.mailNo) % 40;
  const postOffice = `${bare(sender.city)}${bare(sender.county)}揽投部`;
  const centre = `${bare(sender.city)}邮件处理中心`;
  const deliveryOffice = `${bare(receiver.city)}${bare(receiver.county)}揽投部`;
  const nextStop = receiver.city === sender.city ? deliveryOffice : `${bare(receiver.city)}邮件处理中心`;
  const at = (afterMin: number, index: number) => parcel.postedAtMs + (afterMin + (index === 0 ? 0 : spread)) * MINUTE;
  const where = {
    post: { opOrgProvName: sender.prov, opOrgCity: sender.city, opOrgName: postOffice },
    centre: { opOrgProvName: sender.prov, opOrgCity: sender.city, opOrgName: centre },
    delivery: { opOrgProvName: receiver.prov, opOrgCity: receiver.city, opOrgName: deliveryOffice },
  };
  const places = [
    { ...where.post, opDesc: `【${postOffice}】已收寄` },
    { ...where.centre, opDesc: `到达【${centre}】` },
    { ...where.centre, opDesc: `离开【${centre}】，下一站【${nextStop}】` },
    { ...where.delivery, opDesc: `到达【${deliveryOffice}】` },
    { ...where.delivery, opDesc: `【${deliveryOffice}】安排投递，投递员正在派送，如有疑问请拨打11183` },
    { ...where.delivery, opDesc: `【${deliveryOffice}】已妥投，本人签收` },
  ] as const;
  return STEPS.map((step, index) => {
    const place = places[index] ?? places[0];
    return {
      opCode: step.opCode,
      opName: step.opName,
      ...place,
      opOrgCode: orgCode(place.opOrgName),
      atMs: at(step.afterMin, index),
    };
  });
}

/**
 * The steps done by `nowMs`. An item handed over early (signedAtMs) has its
 * remaining steps squeezed into the minutes before that moment, one a minute,
 * so the way stays in order and ends with 妥投 at that moment.
 */
export function stepsDone(parcel: Parcel, nowMs: number): TraceStep[] {
  const planned = plannedSteps(parcel);
  const signedAt = parcel.signedAtMs;
  const timed =
    signedAt === undefined
      ? planned
      : planned.map((step, index) => {
          const latest = signedAt - (planned.length - 1 - index) * MINUTE;
          return step.atMs > latest ? { ...step, atMs: Math.max(latest, parcel.postedAtMs) } : step;
        });
  return timed.filter((step) => step.atMs <= nowMs);
}

/** The 妥投 step's code: an item whose way ends with it has been delivered. */
export const DELIVERED_OP_CODE = '704';
