import { View, Text } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import type { MoreState } from '@/hooks/usePagedList';
import './index.scss';

interface ListFooterProps {
  more: MoreState;
  error: string | null;
  onLoadMore: () => void;
  /** Prefix of the E2E ids: `<id>-end`, `<id>-more`, `<id>-more-error`. */
  id: string;
}

/**
 * The end of an infinite list. Scrolling loads the next page by itself; the
 * button is there for whoever does not scroll (or when the page is too
 * short to scroll), and a failed page says so with a retry.
 */
export function ListFooter({ more, error, onLoadMore, id }: ListFooterProps): JSX.Element {
  if (more === 'done') {
    return (
      <View className="list-footer" id={`${id}-end`}>
        <Text className="list-footer__text">没有更多了</Text>
      </View>
    );
  }
  if (more === 'loading') {
    return (
      <View className="list-footer" id={`${id}-loading`} aria-busy="true">
        <Text className="list-footer__text">正在加载…</Text>
      </View>
    );
  }
  return (
    <View className="list-footer">
      {more === 'error' ? (
        <Text className="list-footer__error" id={`${id}-more-error`}>
          {error ?? '加载失败'}
        </Text>
      ) : null}
      <ActionButton className="list-footer__button" id={`${id}-more`} look="outline" onClick={onLoadMore}>
        {more === 'error' ? '重新加载' : '加载更多'}
      </ActionButton>
    </View>
  );
}
