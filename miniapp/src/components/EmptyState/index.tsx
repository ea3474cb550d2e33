import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';

interface EmptyStateProps {
  title: string;
  note?: string;
  id?: string;
  /** A way forward (a button, suggestions). */
  children?: ReactNode;
}

/**
 * Nothing to show, said plainly. Our own: NutUI's Empty loads its
 * illustration from a CDN, which the app must not depend on.
 */
export function EmptyState({ title, note, id, children }: EmptyStateProps): JSX.Element {
  return (
    <View className="sj-empty" id={id}>
      <View className="sj-empty__mark" aria-hidden>
        <View className="sj-empty__mark-line" />
        <View className="sj-empty__mark-line sj-empty__mark-line--short" />
      </View>
      <Text className="sj-empty__title">{title}</Text>
      {note ? <Text className="sj-empty__note">{note}</Text> : null}
      {children}
    </View>
  );
}
