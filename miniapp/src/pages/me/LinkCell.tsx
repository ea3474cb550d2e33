import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { goTo } from '@/utils/navigation';

export interface LinkCellProps {
  /** The cell's element id (the tests and E2E find it by this). */
  id: string;
  title: string;
  /** The line under the title: what is behind the link. */
  note: string;
  /** The page the cell opens. */
  url: string;
  /** Shown between the text and the arrow (e.g. an unread count). */
  children?: ReactNode;
}

/** A 我的 cell that opens a page: title, note, ›. */
export function LinkCell({ id, title, note, url, children }: LinkCellProps): JSX.Element {
  return (
    <View className="me-cell me-cell--link" id={id} onClick={() => goTo(url)} hoverClass="me-cell--pressed">
      <View className="me-cell__text">
        <Text className="me-cell__title">{title}</Text>
        <Text className="me-cell__note">{note}</Text>
      </View>
      {children}
      <Text className="me-cell__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
