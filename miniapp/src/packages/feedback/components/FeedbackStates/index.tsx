import { PersonalStates, type AnswerStatesProps } from '@/components/PersonalStates';

/** Why ratings and complaints need 实名认证, as the feedback pages say it. */
const UNVERIFIED = {
  title: '请先完成实名认证',
  note: '评价和诉求需要核实您的身份，以便部门回访。实名认证只需一次，之后无需重复。',
};

/** The states of the personal feedback pages (see PersonalStates), worded for ratings and complaints. */
export function FeedbackStates<T>(
  props: Omit<AnswerStatesProps<T>, 'unverified'> & { loginReason: string },
): JSX.Element {
  return <PersonalStates {...props} unverified={UNVERIFIED} />;
}
