import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import './index.scss';

interface ActionButtonProps {
  id?: string;
  children: ReactNode;
  onClick: () => void;
  /** Filled in the theme colour (default), outlined, or red for what cannot be undone. */
  look?: 'primary' | 'outline' | 'danger' | 'danger-outline' | 'plain';
  block?: boolean;
  disabled?: boolean;
  /** Shows the platform's spinner and takes no taps meanwhile. */
  loading?: boolean;
  className?: string;
}

/**
 * The button of the shared pieces every tab page shows (error retry, 加载更多, login prompt,
 * confirm questions, 退出登录): the platform's own button with our look. NutUI's Button
 * brings its icon set and ~13 KB of styles into the weapp main package, which WeChat loads
 * before the first page (budget 400 KB: scripts/build.mjs); feature pages keep NutUI's.
 */
export function ActionButton(props: ActionButtonProps): JSX.Element {
  const { id, children, onClick, look = 'primary', block = false, disabled = false, loading = false } = props;
  const off = disabled || loading;
  const className = [
    'sj-action',
    `sj-action--${look}`,
    block ? 'sj-action--block' : '',
    off ? 'sj-action--disabled' : '',
    props.className ?? '',
  ].join(' ');
  return (
    // Left out when false: Taro's H5 button can end up with disabled="false", which its own
    // `[disabled]` styles (60 % white text) still match.
    <Button id={id} className={className} disabled={off || undefined} loading={loading || undefined} onClick={onClick}>
      {children}
    </Button>
  );
}
