import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/** Back from a page this one opened (add, confirm, remove): load again, so the list is as it is now. */
export function useReloadOnReturn(reload: () => void): void {
  const left = useRef(false);
  useDidHide(() => {
    left.current = true;
  });
  useDidShow(() => {
    if (!left.current) return;
    left.current = false;
    reload();
  });
}
