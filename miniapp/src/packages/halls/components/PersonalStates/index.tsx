import {
  AnswerStates as SharedAnswerStates,
  PersonalStates as SharedPersonalStates,
  type AnswerStatesProps,
} from '@/components/PersonalStates';

export { LoginGate } from '@/components/PersonalStates';

/** Why a booking needs 实名认证, as the halls pages say it. */
const UNVERIFIED = {
  title: '预约和取号前请先完成实名认证',
  note: '到厅办理时凭身份证核验，预约信息只向本人展示。实名认证只需一次，之后无需重复。',
};

type Props<T> = Omit<AnswerStatesProps<T>, 'unverified'>;

export function AnswerStates<T>(props: Props<T>): JSX.Element {
  return <SharedAnswerStates {...props} unverified={UNVERIFIED} />;
}

export function PersonalStates<T>(props: Props<T> & { loginReason: string }): JSX.Element {
  return <SharedPersonalStates {...props} unverified={UNVERIFIED} />;
}
