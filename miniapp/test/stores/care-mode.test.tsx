import { act, render, screen } from '@testing-library/react';
import { careModeStore, initCareMode, isCareEnabled, readSystemFontScale, setCareMode } from '@/stores/care-mode';
import { useCareMode } from '@/hooks/useCareMode';
import { PageShell } from '@/components/PageShell';
import { privacyStore } from '@/stores/privacy';
import { STORAGE_KEYS } from '@/utils/storage';
import { storageStub, taroStub } from '../stubs/taro';

function systemInfo(extra: Record<string, unknown>): void {
  taroStub.getSystemInfoSync.mockReturnValue({ model: 'jsdom', ...extra });
}

beforeEach(() => {
  systemInfo({});
  privacyStore.set('granted');
  initCareMode();
});

describe('care mode store', () => {
  it('when nothing is stored and WeChat uses the standard font, then care mode is off', () => {
    // Arrange / Act
    initCareMode();

    // Assert
    expect(careModeStore.get()).toEqual({ preference: 'system', systemScale: 1, enabled: false });
  });

  it('when WeChat reports a large font scale, then care mode turns on by itself', () => {
    // Arrange
    systemInfo({ fontSizeScaleFactor: 1.3 });

    // Act
    initCareMode();

    // Assert
    expect(careModeStore.get()).toMatchObject({ preference: 'system', systemScale: 1.3, enabled: true });
  });

  it('when only fontSizeSetting is known (iOS, 20px), then it is compared with the standard 17px', () => {
    // Arrange
    systemInfo({ fontSizeSetting: 20 });

    // Act
    const scale = readSystemFontScale();

    // Assert
    expect(scale).toBeCloseTo(20 / 17);
    expect(isCareEnabled('system', scale)).toBe(true);
  });

  it('when the user switched care mode off, then a large system font does not override that choice', () => {
    // Arrange
    storageStub.set(STORAGE_KEYS.careMode, 'off');
    systemInfo({ fontSizeScaleFactor: 1.4 });

    // Act
    initCareMode();

    // Assert
    expect(careModeStore.get().enabled).toBe(false);
  });

  it('when the switch is turned on, then the choice is persisted for the next launch', () => {
    // Arrange / Act
    setCareMode(true);

    // Assert
    expect(storageStub.get(STORAGE_KEYS.careMode)).toBe('on');
    initCareMode();
    expect(careModeStore.get()).toMatchObject({ preference: 'on', enabled: true });
  });
});

function Probe(): JSX.Element {
  const { enabled, rootClass, setEnabled } = useCareMode();
  return (
    <button type="button" data-testid="probe" className={rootClass} onClick={() => setEnabled(!enabled)}>
      {enabled ? 'on' : 'off'}
    </button>
  );
}

describe('useCareMode and the page root', () => {
  it('when care mode is switched on, then every mounted page root gets the care-mode class', () => {
    // Arrange
    render(
      <PageShell id="page-test">
        <Probe />
      </PageShell>,
    );
    const root = document.getElementById('page-test');
    expect(root?.className).toBe('sj-page');

    // Act
    act(() => screen.getByTestId('probe').click());

    // Assert
    expect(screen.getByTestId('probe').textContent).toBe('on');
    expect(root?.className).toBe('sj-page care-mode');
  });
});
