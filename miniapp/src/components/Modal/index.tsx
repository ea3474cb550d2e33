import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import './index.scss';

interface ModalProps {
  visible: boolean;
  title: string;
  /** Names the title for the dialog's aria-labelledby. */
  id: string;
  className?: string;
  footer: ReactNode;
  children: ReactNode;
  /** Tapping the dimmed page around the box; omitted, the tap does nothing. */
  onOverlayClick?: () => void;
}

/**
 * A centred box over a dimmed page: the one modal the app's questions and its privacy consent
 * use. Ours instead of NutUI's Dialog because PageShell puts the consent on every page, and the
 * Dialog (with its transitions, icons and config provider, ~40 KB) would sit in the weapp main
 * package, which WeChat loads before the first page (budget 400 KB: scripts/build.mjs).
 */
export function Modal(props: ModalProps): JSX.Element | null {
  const { visible, title, id, className = '', footer, children, onOverlayClick } = props;
  if (!visible) return null;
  return (
    <View className={`sj-modal ${className}`}>
      {/* catchMove: a drag on the dimmed page does not scroll the page behind (weapp). */}
      <View className="sj-modal__overlay" catchMove onClick={onOverlayClick} />
      <View className="sj-modal__box" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`}>
        <Text className="sj-modal__title" id={`${id}-title`}>
          {title}
        </Text>
        <View className="sj-modal__content">{children}</View>
        <View className="sj-modal__footer">{footer}</View>
      </View>
    </View>
  );
}
