import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '@/hooks/useCareMode';
import { PrivacyConsentSlot } from './PrivacyConsentSlot';
import './index.scss';

interface PageShellProps {
  children: ReactNode;
  className?: string;
  /** Element id of the page root, for E2E (e.g. "page-home"). */
  id?: string;
}

/**
 * Root of every page: carries the theme and the care-mode class (so every
 * page honours care mode) and shows the privacy consent when it is due.
 */
export function PageShell({ children, className, id }: PageShellProps): JSX.Element {
  const { rootClass } = useCareMode();
  const classes = ['sj-page', rootClass, className].filter(Boolean).join(' ');
  return (
    <View className={classes} id={id}>
      {children}
      <PrivacyConsentSlot />
    </View>
  );
}
