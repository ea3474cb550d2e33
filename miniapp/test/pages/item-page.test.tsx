import { render, waitFor } from '@testing-library/react';
import ItemPage from '@/packages/catalog/pages/item';
import { materialsSummary } from '@/packages/catalog/pages/item/MaterialsSection';
import { fetchItemGuide } from '@/services/catalog';
import { ApiError } from '@/services/api-error';
import { setAnonymous } from '@/stores/auth-store';
import { FRESH, itemGuide } from '../fixtures/catalog';
import { routerStub } from '../stubs/taro';

jest.mock('@/services/catalog', () => ({
  ...jest.requireActual<object>('@/services/catalog'),
  fetchItemGuide: jest.fn(),
}));
const guideMock = jest.mocked(fetchItemGuide);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

beforeEach(() => {
  setAnonymous();
});

describe('办事指南 page', () => {
  it('when a guide loads, then header facts, materials with their tags and the stale notice show', async () => {
    // Arrange
    const item = itemGuide();
    routerStub.params = { code: item.code };
    guideMock.mockResolvedValue({ item, catalog: { ...FRESH, stale: true, ageSeconds: 600 } });

    // Act
    render(<ItemPage />);

    // Assert
    await waitFor(() => expect(document.getElementById('item-name')).not.toBeNull());
    expect(guideMock).toHaveBeenCalledWith(item.code);
    expect(text('item-header')).toContain('承诺 20 个工作日');
    expect(text('item-cross-region')).toBe('跨域通办 · 全国通办');
    expect(text('item-materials')).toContain('必要');
    expect(text('material-0-elicence')).toBe('电子证照免提交（户口簿电子证照）');
    expect(text('item-time')).toContain('60 个工作日');
    expect(text('catalog-stale-notice')).toBe('办事系统暂时无法连接，以下信息更新于 10 分钟前');
    expect(document.getElementById('favorite-toggle')).not.toBeNull();
  });

  it('when the item is gone (404), then it says so with a way back instead of a retry loop', async () => {
    // Arrange
    routerStub.params = { code: '440100000000GONE0001' };
    guideMock.mockRejectedValue(new ApiError({ status: 404, code: 'ITEM_NOT_FOUND', message: '未找到该事项' }));

    // Act
    render(<ItemPage />);

    // Assert
    await waitFor(() => expect(document.getElementById('item-not-found')).not.toBeNull());
    expect(document.getElementById('item-error')).toBeNull();
    expect(document.getElementById('back-button')).not.toBeNull();
  });

  it('when the network fails, then the error offers a retry', async () => {
    // Arrange
    routerStub.params = { code: '440100000000ABCD0001' };
    guideMock.mockRejectedValue(
      new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' }),
    );

    // Act
    render(<ItemPage />);

    // Assert
    await waitFor(() => expect(document.getElementById('item-error-retry')).not.toBeNull());
  });
});

describe('materials summary', () => {
  it('when no material is 容缺 or 情形, then the summary does not explain those tags', () => {
    // Arrange
    const [material] = itemGuide().materials;
    if (!material) throw new Error('fixture has a material');

    // Act
    const plain = materialsSummary([{ ...material, eLicence: { reusable: false } }]);
    const mixed = materialsSummary([material, { ...material, necessity: 'waivable' }]);

    // Assert
    expect(plain).toBe('');
    expect(mixed).toBe('其中 2 项可调用电子证照，在线办理时无需再提交。「容缺」材料可先办理、后补交。');
  });

  it('when the guide exempts materials online, then the summary says how many need no upload, as the form asks', () => {
    // Arrange
    const [material] = itemGuide().materials;
    if (!material) throw new Error('fixture has a material');

    // Act
    const summary = materialsSummary([
      material,
      { ...material, name: '《机动车登记业务申请表》', onlineExemption: 'form' },
      { ...material, name: '机动车登记证书', onlineExemption: 'shared' },
    ]);

    // Assert
    expect(summary).toBe('其中 2 项网上办理无需上传。另有 1 项可调用电子证照，在线办理时无需再提交。');
  });
});
