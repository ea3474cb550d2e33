import { PersonalStates, type AnswerStatesProps } from '@/components/PersonalStates';

/** Why paying needs 实名认证, as the pay pages say it. */
const UNVERIFIED = {
  title: '缴款前请先完成实名认证',
  note: '罚款和办证费用只向本人展示，由本人缴纳。实名认证只需一次，之后无需重复。',
};

/** The states of every pay page (see PersonalStates), worded for payments. */
export function PayStates<T>(props: Omit<AnswerStatesProps<T>, 'unverified'> & { loginReason: string }): JSX.Element {
  return <PersonalStates {...props} unverified={UNVERIFIED} />;
}
