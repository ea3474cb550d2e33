/**
 * Where PageShell puts the first-launch privacy consent. weapp (and the unit
 * tests) render it directly; H5 loads it on demand (PrivacyConsentSlot.h5.tsx,
 * picked by Taro's per-platform file resolution).
 */
export { PrivacyConsent as PrivacyConsentSlot } from '@/components/PrivacyConsent';
