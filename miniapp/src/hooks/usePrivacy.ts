import { agreePrivacy, declinePrivacy, privacyStore, reviewPrivacy, type PrivacyStatus } from '@/stores/privacy';
import { useStore } from './useStore';

export function usePrivacy(): {
  status: PrivacyStatus;
  granted: boolean;
  agree: () => void;
  decline: () => void;
  review: () => void;
} {
  const status = useStore(privacyStore);
  return { status, granted: status === 'granted', agree: agreePrivacy, decline: declinePrivacy, review: reviewPrivacy };
}
