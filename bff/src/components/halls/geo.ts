/** Distances and travel times in the city, good enough to rank halls. */

const EARTH_RADIUS_KM = 6371;
/** Door-to-door speed across Guangzhou by car or metro, with parking and walking. */
const CITY_SPEED_KMH = 22;
const FIXED_MINUTES = 5;

export interface Position {
  lat: number;
  lng: number;
}

/** Great-circle distance (haversine), rounded to 0.1 km. */
export function distanceKm(a: Position, b: Position): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 10) / 10;
}

export function travelMinutes(km: number): number {
  return Math.round((km / CITY_SPEED_KMH) * 60) + FIXED_MINUTES;
}
