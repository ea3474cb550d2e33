import { useState } from 'react';
import { Map as WechatMap, Text, View } from '@tarojs/components';
import type { Station } from '@suijing/shared';
import type { Position } from '@/services/halls';
import markerIcon from '../../assets/marker.png';
import './index.scss';

interface StationsMapProps {
  id: string;
  /** The listed places, numbered on the map as on their cards (1, 2, …). */
  stations: readonly Station[];
  position: Position | null;
  onSelect: (station: Station) => void;
}

/** How many of the list go on the map: the nearest screenfuls; more would only cover each other. */
export const MAP_PLACES = 20;

/**
 * Where the listed places are. weapp: WeChat's map with a numbered marker
 * each and the citizen's own position. H5 has no WeChat map (Taro's needs
 * Baidu's script, which the page's security policy rightly keeps out): a plot
 * of the same numbers by longitude and latitude, each tappable.
 */
export function StationsMap({ id, stations, position, onSelect }: StationsMapProps): JSX.Element | null {
  const [mapFailed, setMapFailed] = useState(false);
  const shown = stations.slice(0, MAP_PLACES);
  if (shown.length === 0) return null;
  // WeChat's map could not be shown: the plot does the same job.
  if (process.env.TARO_ENV === 'weapp' && !mapFailed) {
    const markers = shown.map((station, index) => ({
      id: index,
      latitude: station.lat,
      longitude: station.lng,
      iconPath: markerIcon,
      width: 24,
      height: 24,
      ariaLabel: `${index + 1} ${station.name}`,
      label: {
        content: String(index + 1),
        color: '#ffffff',
        fontSize: 11,
        anchorX: -4,
        anchorY: -19,
        textAlign: 'center' as const,
        borderWidth: 0,
        borderColor: '#00000000',
        borderRadius: 0,
        bgColor: '#00000000',
        padding: 0,
      },
    }));
    const points = [
      ...shown.map((s) => ({ latitude: s.lat, longitude: s.lng })),
      ...(position ? [{ latitude: position.lat, longitude: position.lng }] : []),
    ];
    return (
      <WechatMap
        id={id}
        className="stations-map stations-map--wechat"
        latitude={shown[0]?.lat ?? position?.lat ?? 0}
        longitude={shown[0]?.lng ?? position?.lng ?? 0}
        markers={markers}
        includePoints={points}
        showLocation={!!position}
        onError={() => setMapFailed(true)}
        onMarkerTap={(event) => {
          const station = shown[Number(event.detail.markerId)];
          if (station) onSelect(station);
        }}
      />
    );
  }
  return <Plot id={id} shown={shown} position={position} onSelect={onSelect} />;
}

/** The box's width over its height (the stylesheet's 420px high, a phone's width): for an undistorted plot. */
const PLOT_ASPECT = 1.7;

/** Places at the same spot (to about 10 m) share one dot, labelled with all their numbers. */
function spots(
  shown: readonly Station[],
): Array<{ lat: number; lng: number; members: Array<{ station: Station; number: number }> }> {
  const byPoint = new Map<string, { lat: number; lng: number; members: Array<{ station: Station; number: number }> }>();
  shown.forEach((station, index) => {
    const key = `${station.lat.toFixed(4)},${station.lng.toFixed(4)}`;
    const spot = byPoint.get(key) ?? { lat: station.lat, lng: station.lng, members: [] };
    spot.members.push({ station, number: index + 1 });
    byPoint.set(key, spot);
  });
  return [...byPoint.values()];
}

function Plot({
  id,
  shown,
  position,
  onSelect,
}: {
  id: string;
  shown: readonly Station[];
  position: Position | null;
  onSelect: (station: Station) => void;
}): JSX.Element {
  const points = [...shown.map((s) => ({ lat: s.lat, lng: s.lng })), ...(position ? [position] : [])];
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = (Math.max(...lats) + Math.min(...lats)) / 2;
  const midLng = (Math.max(...lngs) + Math.min(...lngs)) / 2;
  // East-west degrees shrink with latitude; the same scale both ways keeps directions and distances true.
  const east = Math.cos((midLat * Math.PI) / 180);
  const xSpan = Math.max((Math.max(...lngs) - Math.min(...lngs)) * east, 0.005);
  const ySpan = Math.max(Math.max(...lats) - Math.min(...lats), 0.005);
  const perWidth = Math.min(84 / xSpan, 76 / (ySpan * PLOT_ASPECT));
  const at = (p: Position): { left: string; top: string } => ({
    left: `${50 + (p.lng - midLng) * east * perWidth}%`,
    top: `${50 - (p.lat - midLat) * perWidth * PLOT_ASPECT}%`,
  });
  return (
    <View className="stations-map-plot">
      <View className="stations-map stations-map--plot" id={id} aria-label="自助服务点位置示意">
        {spots(shown).map((spot) => {
          const numbers = spot.members.map((m) => m.number);
          const first = spot.members[0];
          const label = numbers.length > 2 ? `${numbers[0] ?? ''}+` : numbers.join(',');
          return (
            <View
              key={numbers.join('-')}
              className={`stations-map__dot ${numbers.length > 1 ? 'stations-map__dot--several' : ''}`}
              style={at(spot)}
              id={`${id}-dot-${numbers[0] ?? 0}`}
              role="button"
              // The visible label first, so a voice command naming it finds the dot (WCAG 2.5.3).
              aria-label={`${label} ${spot.members.map((m) => `${m.number} ${m.station.name}`).join('；')}`}
              onClick={() => {
                if (first) onSelect(first.station);
              }}
            >
              <Text className="stations-map__dot-text">{label}</Text>
            </View>
          );
        })}
        {position ? (
          <View className="stations-map__me" style={at(position)} id={`${id}-me`} aria-label="您的位置">
            <Text className="stations-map__me-text">我</Text>
          </View>
        ) : null}
      </View>
      <Text className="stations-map__note">按经纬度示意位置（上为北），点编号查看；去那里请点“导航”</Text>
    </View>
  );
}
