import { Text } from '@tarojs/components';

export type Tone = 'success' | 'warning' | 'danger' | 'muted' | 'primary';

/** A status as a coloured tag (有效, 即将到期, 已过期, 已中止, 已撤销…); `state` is kept for tests and E2E. */
export function StatusTag(props: { tone: Tone; text: string; state: string; id?: string }): JSX.Element {
  const { tone, text, state, id } = props;
  return (
    <Text className={`sj-badge sj-badge--${tone}`} id={id} data-state={state}>
      {text}
    </Text>
  );
}
