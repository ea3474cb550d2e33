import Taro from '@tarojs/taro';
import { readString, STORAGE_KEYS, writeString } from '@/utils/storage';
import { createStore } from './create-store';

/**
 * Consent to the privacy guide (隐私保护指引). Nothing that collects personal
 * data (login) is offered before it.
 * - weapp: WeChat's official flow. getPrivacySetting says whether consent is
 *   needed; onNeedPrivacyAuthorization fires when a privacy API is about to
 *   run; agreeing happens through a button with
 *   open-type="agreePrivacyAuthorization" (WeChat checks it was tapped).
 * - H5: the choice is kept in storage.
 */
export type PrivacyStatus = 'checking' | 'required' | 'granted' | 'declined';

export const privacyStore = createStore<PrivacyStatus>('checking');

/** The id WeChat checks when we resolve a pending privacy request with "agree". */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

type PendingResolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;
let pendingResolve: PendingResolve | null = null;

function storedConsent(): boolean {
  return readString(STORAGE_KEYS.privacyConsent) === 'granted';
}

function initWeapp(): void {
  if (typeof Taro.onNeedPrivacyAuthorization === 'function') {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pendingResolve = resolve;
      resolve({ event: 'exposureAuthorization' });
      privacyStore.set('required');
    });
  }
  if (typeof Taro.getPrivacySetting !== 'function') {
    // Base library older than 2.32.3: fall back to our own record.
    privacyStore.set(storedConsent() ? 'granted' : 'required');
    return;
  }
  Taro.getPrivacySetting({
    success: (res) => privacyStore.set(res.needAuthorization ? 'required' : 'granted'),
    fail: () => privacyStore.set(storedConsent() ? 'granted' : 'required'),
  });
}

/** Decides whether to ask; call once at launch. */
export function initPrivacy(): void {
  if (process.env.TARO_ENV === 'weapp') {
    initWeapp();
    return;
  }
  privacyStore.set(storedConsent() ? 'granted' : 'required');
}

export function agreePrivacy(): void {
  writeString(STORAGE_KEYS.privacyConsent, 'granted');
  pendingResolve?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  pendingResolve = null;
  privacyStore.set('granted');
}

/** Not persisted: the next launch asks again. */
export function declinePrivacy(): void {
  pendingResolve?.({ event: 'disagree' });
  pendingResolve = null;
  privacyStore.set('declined');
}

/** From a "declined" screen: show the guide again. */
export function reviewPrivacy(): void {
  privacyStore.set('required');
}
