import Taro from '@tarojs/taro';
import { readString, STORAGE_KEYS, writeString } from '@/utils/storage';
import { createStore } from './create-store';

/**
 * 关怀模式 (care mode for elders): large type and large targets.
 * On by the user's own switch, or, when they never touched it, by a large
 * font size in WeChat's settings.
 */
export type CarePreference = 'on' | 'off' | 'system';

export interface CareModeState {
  preference: CarePreference;
  /** WeChat font scale (1 = standard); 1 where the platform does not tell. */
  systemScale: number;
  enabled: boolean;
}

/** At or above this system scale we switch care mode on by default. */
export const SYSTEM_SCALE_THRESHOLD = 1.15;
/** iOS WeChat's standard font size, the reference for fontSizeSetting. */
const STANDARD_FONT_PX = 17;

export function isCareEnabled(preference: CarePreference, systemScale: number): boolean {
  if (preference === 'on') return true;
  if (preference === 'off') return false;
  return systemScale >= SYSTEM_SCALE_THRESHOLD;
}

function hasNumber<K extends string>(value: object, key: K): value is Record<K, number> {
  return key in value && typeof (value as Record<string, unknown>)[key] === 'number';
}

/** Reads WeChat's font setting: fontSizeScaleFactor where present, else fontSizeSetting / 17. */
export function readSystemFontScale(): number {
  try {
    // getAppBaseInfo is WeChat's successor to the deprecated getSystemInfoSync.
    const info: object =
      process.env.TARO_ENV === 'weapp' && typeof Taro.getAppBaseInfo === 'function'
        ? Taro.getAppBaseInfo()
        : Taro.getSystemInfoSync();
    if (hasNumber(info, 'fontSizeScaleFactor') && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (hasNumber(info, 'fontSizeSetting') && info.fontSizeSetting > 0) return info.fontSizeSetting / STANDARD_FONT_PX;
  } catch {
    // H5 and old clients: treat as standard size.
  }
  return 1;
}

function readPreference(): CarePreference {
  const stored = readString(STORAGE_KEYS.careMode);
  return stored === 'on' || stored === 'off' ? stored : 'system';
}

function build(preference: CarePreference, systemScale: number): CareModeState {
  return { preference, systemScale, enabled: isCareEnabled(preference, systemScale) };
}

export const careModeStore = createStore<CareModeState>(build('system', 1));

/** Loads the stored switch and the system font scale; call once at launch. */
export function initCareMode(): void {
  careModeStore.set(build(readPreference(), readSystemFontScale()));
}

/** The manual switch; persisted so it survives restarts. */
export function setCareMode(enabled: boolean): void {
  const preference: CarePreference = enabled ? 'on' : 'off';
  writeString(STORAGE_KEYS.careMode, preference);
  careModeStore.set((prev) => build(preference, prev.systemScale));
}
