import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCareMode } from '@/hooks/useCareMode';
import { PrivacyConsentSlot } from './PrivacyConsentSlot';
import './index.scss';

interface PageShellProps {
  children: ReactNode;
  className?: string;
  /** Element id of the page root, for E2E (e.g. "page-home"). */
  id?: string;
  /** False on the page that shows the 隐私保护指引 itself: it is read before consenting. */
  consent?: boolean;
}

const IS_H5 = process.env.TARO_ENV === 'h5';

/**
 * H5: Taro scrolls each page inside its own element (.taro_page), which the
 * keyboard cannot reach when the page has no focusable content. Made a
 * focusable main region named after the page, so arrow keys scroll it
 * (WCAG 2.1.1; axe's scrollable-region-focusable). weapp scrolls natively.
 */
function useKeyboardScrollablePage(): RefObject<HTMLElement> {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const page = IS_H5 ? root.current?.closest?.('.taro_page') : null;
    if (!page) return;
    page.setAttribute('role', 'main');
    page.setAttribute('tabindex', '0');
    const title = Taro.getCurrentInstance().page?.config?.navigationBarTitleText;
    if (title) page.setAttribute('aria-label', title);
  }, []);
  return root;
}

/**
 * Root of every page: carries the theme and the care-mode class (so every
 * page honours care mode) and shows the privacy consent when it is due.
 */
export function PageShell({ children, className, id, consent = true }: PageShellProps): JSX.Element {
  const { rootClass } = useCareMode();
  const root = useKeyboardScrollablePage();
  const classes = ['sj-page', rootClass, className].filter(Boolean).join(' ');
  return (
    <View className={classes} id={id} ref={root}>
      {children}
      {consent ? <PrivacyConsentSlot /> : null}
    </View>
  );
}
