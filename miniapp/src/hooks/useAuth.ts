import { authStore, type AuthState } from '@/stores/auth-store';
import { useStore } from './useStore';

export function useAuth(): AuthState {
  return useStore(authStore);
}
