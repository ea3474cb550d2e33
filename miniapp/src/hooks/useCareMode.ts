import { careModeStore, setCareMode } from '@/stores/care-mode';
import { useStore } from './useStore';

/** Care mode for the current page: the flag, the root class, and the switch. */
export function useCareMode(): { enabled: boolean; rootClass: string; setEnabled: (on: boolean) => void } {
  const { enabled } = useStore(careModeStore);
  return { enabled, rootClass: enabled ? 'care-mode' : '', setEnabled: setCareMode };
}
