import { fireEvent, render, waitFor } from '@testing-library/react';
import StationsPage from '@/packages/halls/pages/stations';
import { resetPositionForTests } from '@/packages/halls/state/location';
import { webMapUrl } from '@/packages/halls/utils/map';
import { listStations } from '@/services/halls';
import { privacyStore } from '@/stores/privacy';
import { station, stationList } from '../fixtures/halls';
import { byId } from '../support/dom';
import { taroStub } from '../stubs/taro';

jest.mock('@/services/halls', () => ({ listStations: jest.fn() }));
const listMock = jest.mocked(listStations);
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  resetPositionForTests();
  privacyStore.set('granted');
});

describe('自助服务点', () => {
  it('when the points near me load, then each shows its machines’ numbers and a numbered place on the map', async () => {
    // Arrange
    taroStub.getLocation.mockResolvedValueOnce({ latitude: 23.13, longitude: 113.32, errMsg: 'getLocation:ok' });
    const terminal = station({
      id: 'ZDJ4401060001',
      kind: 'terminal',
      name: '天河区政务服务中心公安窗口身份证自助拍照机',
      machines: ['ZDJ4401060001'],
      lat: 23.1301,
      lng: 113.3598,
    });
    listMock.mockResolvedValue(stationList({ items: [station(), terminal], total: 2 }));

    // Act
    render(<StationsPage />);
    await waitFor(() => expect(document.getElementById('stations-list')).not.toBeNull());

    // Assert
    expect(text('station-ZZZ44010401-machines')).toBe('2 台：ZDJ4401040031、ZDJ4401040032');
    expect(text('station-ZDJ4401060001-machines')).toBe('终端编号 ZDJ4401060001');
    expect(document.getElementById('stations-map-dot-1')).not.toBeNull();
    expect(document.getElementById('stations-map-dot-2')).not.toBeNull();
    expect(document.getElementById('stations-map-me')).not.toBeNull();
  });

  it('when 导航 is tapped on H5, then 高德’s map opens at the point with its name', async () => {
    // Arrange
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    listMock.mockResolvedValue(stationList());
    render(<StationsPage />);
    await waitFor(() => expect(document.getElementById('stations-list')).not.toBeNull());

    // Act
    fireEvent.click(byId('station-ZZZ44010401-navigate'));

    // Assert
    const place = station();
    expect(open).toHaveBeenCalledWith(webMapUrl(place), '_blank', 'noopener');
    expect(webMapUrl(place)).toBe(
      `https://uri.amap.com/marker?position=113.293000,23.112500&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1&src=suijingtong`,
    );
    open.mockRestore();
  });
});
