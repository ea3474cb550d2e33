import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { ActionBar } from '@/packages/catalog/pages/item/ActionBar';
import { addFavorite, fetchFavorite, removeFavorite } from '@/services/favorites';
import { ApiError } from '@/services/api-error';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { formUrl, inPersonCheckUrl, realNameUrl, ROUTES } from '@/utils/navigation';
import { pageEvents, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/favorites', () => ({
  fetchFavorite: jest.fn(),
  addFavorite: jest.fn(),
  removeFavorite: jest.fn(),
}));
const fetchMock = jest.mocked(fetchFavorite);
const addMock = jest.mocked(addFavorite);
const removeMock = jest.mocked(removeFavorite);

const CODE = '440100000000ABCD0001';

const consoleError = console.error.bind(console);
beforeAll(() => {
  // NutUI's Dialog animates through react-transition-group, which still calls
  // findDOMNode: React's deprecation warning is the library's, not ours.
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode')) return;
    consoleError(...args);
  });
});

beforeEach(() => {
  setAnonymous();
});

describe('favourite star, logged out', () => {
  it('when the star is tapped, then it asks to log in and calls nothing', () => {
    // Arrange
    render(<ActionBar code={CODE} name="居民身份证换领" />);

    // Act
    fireEvent.click(byId('favorite-toggle'));

    // Assert
    expect(document.body.textContent).toContain('登录后即可收藏该事项');
    expect(addMock).not.toHaveBeenCalled();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when 去登录 is chosen and the login succeeds, then the item is starred without a second tap', async () => {
    // Arrange
    addMock.mockResolvedValue({ code: CODE, favorite: true, favoritedAt: '2026-11-28T08:00:00.000Z' });
    render(<ActionBar code={CODE} name="居民身份证换领" />);
    fireEvent.click(byId('favorite-toggle'));

    // Act
    fireEvent.click(byId('favorite-login-dialog-confirm'));
    await act(async () => setAuthenticated(TEST_USER));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: ROUTES.login });
    await waitFor(() => expect(byId('favorite-toggle').getAttribute('aria-pressed')).toBe('true'));
    expect(addMock).toHaveBeenCalledWith(CODE);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the login page is left without logging in, then a later login does not star the item', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: false });
    render(<ActionBar code={CODE} name="居民身份证换领" />);
    fireEvent.click(byId('favorite-toggle'));
    fireEvent.click(byId('favorite-login-dialog-confirm'));

    // Act
    act(() => pageEvents.show()); // back on the guide, still logged out
    await act(async () => setAuthenticated(TEST_USER));

    // Assert
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith(CODE));
    expect(addMock).not.toHaveBeenCalled();
  });
});

describe('favourite star, logged in', () => {
  beforeEach(() => {
    setAuthenticated(TEST_USER);
  });

  it('when the item is already a favourite, then the star shows it and a tap removes it', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: true });
    removeMock.mockResolvedValue({ code: CODE, favorite: false });
    render(<ActionBar code={CODE} name="居民身份证换领" />);
    await waitFor(() => expect(byId('favorite-toggle').getAttribute('aria-pressed')).toBe('true'));

    // Act
    await act(async () => fireEvent.click(byId('favorite-toggle')));

    // Assert
    expect(removeMock).toHaveBeenCalledWith(CODE);
    expect(byId('favorite-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消收藏' }));
  });

  it('when the BFF refuses (收藏已达上限), then the star stays off and the reason is shown', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: false });
    addMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'FAVORITES_LIMIT', message: '收藏已达上限，请先取消一些不常用的收藏' }),
    );
    render(<ActionBar code={CODE} name="居民身份证换领" />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());

    // Act
    await act(async () => fireEvent.click(byId('favorite-toggle')));

    // Assert
    expect(byId('favorite-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(taroStub.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '收藏已达上限，请先取消一些不常用的收藏' }),
    );
  });
});

describe('在线办理', () => {
  it('when tapped while logged out, then it asks to log in and, after the login, opens 实名认证 then the form', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: false });
    render(<ActionBar code={CODE} name="居民身份证换领" />);

    // Act
    fireEvent.click(byId('apply-online'));
    fireEvent.click(byId('apply-login-dialog-confirm'));
    await act(async () => setAuthenticated(TEST_USER));
    act(() => pageEvents.show()); // back on the guide from the login page

    // Assert
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(1, { url: ROUTES.login });
    expect(taroStub.navigateTo).toHaveBeenNthCalledWith(2, {
      url: realNameUrl(formUrl(CODE)),
    });
  });

  it('when tapped by a verified citizen, then the item form opens directly', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: false });
    await act(async () =>
      setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } }),
    );
    render(<ActionBar code={CODE} name="居民身份证换领" />);

    // Act
    fireEvent.click(byId('apply-online'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: formUrl(CODE) });
  });

  it('when the item needs 实人 and the citizen is only 实名, then 本人认证 opens first and leads on to the form', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ code: CODE, favorite: false });
    await act(async () =>
      setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } }),
    );
    render(<ActionBar code={CODE} name="居民身份证换领" assurance="L3" />);

    // Act
    fireEvent.click(byId('apply-online'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: inPersonCheckUrl(formUrl(CODE), 2_592_000) });
  });
});
