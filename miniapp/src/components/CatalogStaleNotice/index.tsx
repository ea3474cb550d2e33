import { View, Text } from '@tarojs/components';
import type { CatalogFreshness } from '@suijing/shared';
import { staleNoticeText } from '@/utils/catalog-format';
import './index.scss';

/**
 * Shown only when the BFF answered from its last good copy because the
 * catalog system is down: the information is still useful, but the citizen
 * should know how old it is.
 */
export function CatalogStaleNotice({ catalog }: { catalog: CatalogFreshness | null | undefined }): JSX.Element | null {
  const text = staleNoticeText(catalog);
  if (!text) return null;
  return (
    <View className="stale-notice" id="catalog-stale-notice" role="status">
      <Text className="stale-notice__text">{text}</Text>
    </View>
  );
}
