/**
 * H5: index.html paints 首页's first screen itself (#sj-shell, see src/index.html) while the
 * JavaScript loads. 首页 removes it once React has drawn the same screen beneath it.
 */
export function removeServedFirstScreen(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.getElementById('sj-shell')?.remove();
}
