import { PersonalStates, type AnswerStatesProps } from '@/components/PersonalStates';

/** Why the 证照夹 needs 实名认证, as its pages say it. */
const UNVERIFIED = {
  title: '查看证照前请先完成实名认证',
  note: '电子证照只向证件持有人本人展示。实名认证只需一次，之后无需重复。',
};

/** The states of every 证照夹 / 居住证 page (see PersonalStates), worded for certificates. */
export function WalletStates<T>(
  props: Omit<AnswerStatesProps<T>, 'unverified'> & { loginReason: string },
): JSX.Element {
  return <PersonalStates {...props} unverified={UNVERIFIED} />;
}
