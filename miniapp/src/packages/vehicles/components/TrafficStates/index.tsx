import { PersonalStates, type AnswerStatesProps } from '@/components/PersonalStates';

/** Why 车驾管 data needs 实名认证, as the vehicles pages say it. */
const UNVERIFIED = {
  title: '查询前请先完成实名认证',
  note: '车辆和驾驶证信息只向本人展示。实名认证只需一次，之后无需重复。',
};

/** The states of every 车驾管 page (see PersonalStates), worded for vehicles and the licence. */
export function TrafficStates<T>(
  props: Omit<AnswerStatesProps<T>, 'unverified'> & { loginReason: string },
): JSX.Element {
  return <PersonalStates {...props} unverified={UNVERIFIED} />;
}
