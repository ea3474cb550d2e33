import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/ErrorState';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { useAsync } from '@/hooks/useAsync';
import { catalogFilterStore } from '@/stores/catalog-filter';
import { promisedText, visitsText } from '@/utils/catalog-format';
import { goTo, itemUrl, listUrl, ROUTES } from '@/utils/navigation';
import { useState } from 'react';
import { loadHomeCatalog, takeServedHomeCatalog } from './home-catalog';

/** Hot items shown on 首页; the full ranking is one tap away in 办事. */
const HOT_ON_HOME = 6;
/** Tile colours for the police types, each with white text at >= 4.5:1. */
const TILE_COLOURS = ['#1a5fd6', '#0f7b6c', '#b3400f', '#6a3fb5', '#a3245c', '#33691e', '#00607a', '#7a5200'];

/** Opens 办事 filtered to a police type (null: all). A tab page takes no query: the filter store carries it. */
function openServices(policeType: string | null): void {
  catalogFilterStore.set({ policeType, lifeEvent: null });
  void Taro.switchTab({ url: ROUTES.services });
}

/**
 * 热门事项, 按警种办理 and 按人生事件. Loaded on their own: when the catalog
 * cannot be reached the rest of 首页 (login, devices, care mode) still works.
 */
export function CatalogSections(): JSX.Element {
  // H5: what the first screen in index.html showed, so React's first render draws the same items.
  const [served] = useState(takeServedHomeCatalog);
  const { state, reload } = useAsync(loadHomeCatalog, served);

  if (state.status === 'loading') {
    return (
      <View id="home-catalog-loading" aria-busy="true">
        <Text className="sj-section-title">热门事项</Text>
        <View className="sj-card">
          <Skeleton rows={4} animated />
        </View>
        <Text className="sj-section-title">按警种办理</Text>
        <View className="sj-card">
          <Skeleton rows={2} animated />
        </View>
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className="sj-card home-catalog-error">
        <ErrorState id="home-catalog-error" message={`办事事项暂时无法加载：${state.message}`} onRetry={reload} />
      </View>
    );
  }

  const { hot, categories } = state.data;
  return (
    <View id="home-catalog">
      <CatalogStaleNotice catalog={hot.catalog.stale ? hot.catalog : categories.catalog} />

      <View className="home-section-head">
        <Text className="sj-section-title home-section-head__title">热门事项</Text>
        <Text className="home-section-head__more" id="hot-more" onClick={() => openServices(null)}>
          全部事项 ›
        </Text>
      </View>
      <View className="home-hot">
        {hot.items.slice(0, HOT_ON_HOME).map((item, index) => (
          <View
            className="home-hot__item"
            id={`hot-item-${item.code}`}
            key={item.code}
            role="link"
            onClick={() => goTo(itemUrl(item.code))}
            hoverClass="home-hot__item--pressed"
          >
            <Text className={`home-hot__rank ${index < 3 ? 'home-hot__rank--top' : ''}`}>{index + 1}</Text>
            <View className="home-hot__text">
              <Text className="home-hot__name">{item.name}</Text>
              <Text className="home-hot__note">
                {promisedText(item.promisedDays)} · {visitsText(item.visits)} · {item.onlineDepth}
              </Text>
            </View>
            <Text className="home-hot__arrow" aria-hidden>
              ›
            </Text>
          </View>
        ))}
      </View>

      <Text className="sj-section-title">按警种办理</Text>
      <View className="home-types">
        {categories.policeTypes.map((type, index) => (
          <View
            className="home-types__tile"
            id={`police-type-${type.code}`}
            key={type.code}
            style={{ backgroundColor: TILE_COLOURS[index % TILE_COLOURS.length] }}
            role="link"
            onClick={() => openServices(type.code)}
            hoverClass="home-types__tile--pressed"
          >
            <Text className="home-types__name">{type.name}</Text>
            <Text className="home-types__count">{type.count} 项</Text>
          </View>
        ))}
      </View>

      {categories.lifeEvents.length > 0 ? (
        <>
          <Text className="sj-section-title">按人生事件</Text>
          <View className="home-events">
            {categories.lifeEvents.map((event) => (
              <View
                className="home-events__item"
                id={`life-event-${event.code}`}
                key={event.code}
                role="link"
                onClick={() => goTo(listUrl({ lifeEvent: event.code, title: event.name }))}
                hoverClass="home-events__item--pressed"
              >
                <Text className="home-events__name">{event.name}</Text>
                <Text className="home-events__count">{event.count} 项</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
