import { useCallback, useEffect, useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Station, StationList, StationQuery } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { ListFooter } from '@/components/ListFooter';
import { PageShell } from '@/components/PageShell';
import { usePagedList } from '@/hooks/usePagedList';
import { listStations } from '@/services/halls';
import { Chips } from '../../components/Chips';
import { StationsMap } from '../../components/StationsMap';
import { distanceText, machinesText, STATION_KIND_LABEL, STATION_KINDS } from '../../utils/format';
import { usePosition } from '../../state/location';
import { openMap } from '../../utils/map';
import './index.scss';

const ALL = 'all';
const idOf = (station: Station): string => station.id;

function StationCard({
  station,
  number,
  selected,
}: {
  station: Station;
  number: number;
  selected: boolean;
}): JSX.Element {
  const id = `station-${station.id}`;
  const distance = distanceText(station.distanceKm);
  return (
    <View
      className={`station-card station-card--${station.kind} ${selected ? 'station-card--selected' : ''}`}
      id={id}
      data-kind={station.kind}
    >
      <View className="station-card__head">
        <Text className="station-card__number" aria-hidden>
          {number}
        </Text>
        <Text className="station-card__name">{station.name}</Text>
        <Text
          className={`sj-badge ${station.kind === 'station' ? 'sj-badge--primary' : 'sj-badge--muted'}`}
          id={`${id}-kind`}
        >
          {STATION_KIND_LABEL[station.kind]}
        </Text>
      </View>
      <Text className="station-card__line">
        {station.district} · {station.address}
      </Text>
      <Text className="station-card__line" id={`${id}-hours`}>
        开放时间 {station.hours}
        {distance ? ` · 距您 ${distance}` : ''}
      </Text>
      {station.machines.length > 0 ? (
        <Text className="station-card__line" id={`${id}-machines`}>
          {machinesText(station.machines)}
        </Text>
      ) : null}
      <View className="station-card__services">
        {station.services.map((service) => (
          <Text key={service} className="station-card__service">
            {service}
          </Text>
        ))}
      </View>
      <View
        className="station-card__navigate"
        id={`${id}-navigate`}
        role="button"
        aria-label={`导航到${station.name}`}
        onClick={() => openMap(station)}
      >
        导航
      </View>
    </View>
  );
}

/**
 * 自助服务点: 24 小时自助服务站 and terminals, nearest first when the
 * position is known, by kind and by service, a page at a time as one scrolls;
 * the nearest on a map, each with its machines' numbers and 导航.
 */
export default function StationsPage(): JSX.Element {
  const { state: located } = usePosition();
  const [kind, setKind] = useState<StationQuery['kind']>('all');
  const [service, setService] = useState<string>(ALL);
  const [services, setServices] = useState<string[]>([]);
  const settled = located.status === 'located' || located.status === 'unavailable';
  const position = located.status === 'located' ? located.position : null;

  const fetchPage = useCallback(
    (page: number): Promise<StationList> =>
      listStations({ position, kind, service: service === ALL ? undefined : service, page }),
    [position, kind, service],
  );
  // Nothing loads until the position is settled, so the list is not sorted twice.
  const key = settled ? `${position ? 'p' : 'n'}|${kind}|${service}` : null;
  const list = usePagedList(key, fetchPage, idOf);
  useReachBottom(list.loadMore);

  const [selected, setSelected] = useState<string | null>(null);
  const select = (station: Station): void => {
    setSelected(station.id);
    void Taro.pageScrollTo({ selector: `#station-${station.id}`, duration: 300 }).catch(() => undefined);
  };

  const offered = list.last?.services;
  useEffect(() => {
    if (offered && offered.length > 0) setServices(offered);
  }, [offered]);

  return (
    <PageShell id="page-stations">
      <View className="stations-filters">
        <Chips
          id="stations-kind"
          label="服务点类型"
          chips={STATION_KINDS}
          value={kind}
          onChange={(next) => setKind(next === 'station' || next === 'terminal' ? next : 'all')}
        />
        {services.length > 0 ? (
          <Chips
            id="stations-service"
            label="服务"
            chips={[{ key: ALL, title: '全部服务' }, ...services.map((s) => ({ key: s, title: s }))]}
            value={service}
            onChange={setService}
          />
        ) : null}
      </View>
      {list.status === 'idle' || list.status === 'loading' ? (
        <View id="stations-loading" aria-busy="true">
          {[0, 1].map((n) => (
            <View className="sj-card" key={n}>
              <Skeleton rows={3} animated />
            </View>
          ))}
        </View>
      ) : list.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="stations-error" message={list.error ?? '加载失败'} onRetry={list.reload} />
        </View>
      ) : list.items.length === 0 ? (
        <EmptyState id="stations-empty" title="暂无符合条件的自助服务点" note="可换一个服务或类型再看看。" />
      ) : (
        <View id="stations-list">
          {list.last ? (
            <Text className="sj-hint stations-count" id="stations-count">
              共 {list.last.total} 个{position ? '，按距离由近到远' : ''}
            </Text>
          ) : null}
          <View className="stations-map-card">
            <StationsMap id="stations-map" stations={list.items} position={position} onSelect={select} />
          </View>
          {list.items.map((station, index) => (
            <StationCard key={station.id} station={station} number={index + 1} selected={station.id === selected} />
          ))}
          <ListFooter id="stations" more={list.more} error={list.error} onLoadMore={list.loadMore} />
        </View>
      )}
    </PageShell>
  );
}
