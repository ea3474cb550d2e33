import Taro from '@tarojs/taro';

/** A place to show on a map or go to: a hall or a self-service point (GCJ-02, as the hall system gives them). */
export interface MapPlace {
  lat: number;
  lng: number;
  name: string;
  address: string;
}

/**
 * 高德's web map with a marker, which offers 路线 and opens the 高德 app
 * when installed: H5 has no WeChat map, and 高德 reads GCJ-02 as given.
 */
export function webMapUrl(place: MapPlace): string {
  const query = [
    `position=${place.lng.toFixed(6)},${place.lat.toFixed(6)}`,
    `name=${encodeURIComponent(place.name)}`,
    'coordinate=gaode',
    'callnative=1',
    'src=suijingtong',
  ];
  return `https://uri.amap.com/marker?${query.join('&')}`;
}

/**
 * 导航: WeChat's own map page (with 到这里去 and the phone's navigation apps)
 * on weapp; 高德's web map in a new tab on H5.
 */
export function openMap(place: MapPlace): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(webMapUrl(place), '_blank', 'noopener');
    return;
  }
  Taro.openLocation({
    latitude: place.lat,
    longitude: place.lng,
    name: place.name,
    address: place.address,
    scale: 17,
  }).catch(() => {
    void Taro.showToast({ title: '无法打开地图，请按地址前往', icon: 'none' });
  });
}
