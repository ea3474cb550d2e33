import { lazy, Suspense } from 'react';
import { usePrivacy } from '@/hooks/usePrivacy';

// The consent modal (its text and Modal) is a chunk of its own on H5: fetched
// only when consent is due, so it is not part of the JavaScript every page
// needs before its first content.
const PrivacyConsent = lazy(() =>
  import('@/components/PrivacyConsent').then((module) => ({ default: module.PrivacyConsent })),
);

export function PrivacyConsentSlot(): JSX.Element | null {
  const { status } = usePrivacy();
  if (status !== 'required') return null;
  return (
    <Suspense fallback={null}>
      <PrivacyConsent />
    </Suspense>
  );
}
