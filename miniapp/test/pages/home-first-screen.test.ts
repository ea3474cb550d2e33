import type { CategoriesResponse, HotItemsResponse } from '@suijing/shared';

/** What the BFF writes into index.html (bff/src/components/catalog/home-first-screen.ts). */
const SERVED = {
  hot: { items: [{ code: 'A1', name: '居住证申领' }], catalog: { version: 'v1' } } as unknown as HotItemsResponse,
  categories: {
    total: 1,
    policeTypes: [],
    lifeEvents: [],
    catalog: { version: 'v1' },
  } as unknown as CategoriesResponse,
};

function pageWith(json: string): void {
  document.body.innerHTML = `<div id="sj-shell"></div><script type="application/json" id="sj-home-data">${json}</script><div id="app"></div>`;
}

describe('首页 first screen served in index.html (H5)', () => {
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    jest.resetModules();
    process.env.TARO_ENV = 'h5';
  });
  afterAll(() => {
    process.env.TARO_ENV = env;
  });

  it('when the page carries the catalog, then 首页 takes it once and the launch asks the BFF for nothing', async () => {
    // Arrange
    pageWith(JSON.stringify(SERVED));
    const fetchHotItems = jest.fn();
    const fetchCategories = jest.fn();
    jest.doMock('@/services/catalog', () => ({ fetchHotItems, fetchCategories }));
    const home = await import('@/pages/home/home-catalog');

    // Act
    home.prefetchHomeCatalog();
    const first = home.takeServedHomeCatalog();
    const second = home.takeServedHomeCatalog();

    // Assert
    expect(first).toEqual(SERVED);
    expect(second).toBeUndefined();
    expect(fetchHotItems).not.toHaveBeenCalled();
    expect(fetchCategories).not.toHaveBeenCalled();
  });

  it('when the block is empty or not the catalog, then there is nothing served', async () => {
    // Arrange
    pageWith('{"hot":{}}');
    const home = await import('@/pages/home/home-catalog');

    // Act
    const served = home.takeServedHomeCatalog();

    // Assert
    expect(served).toBeUndefined();
  });

  it('when React has drawn 首页, then the static first screen is removed', async () => {
    // Arrange
    pageWith('null');
    const { removeServedFirstScreen } = await import('@/utils/first-screen');

    // Act
    removeServedFirstScreen();

    // Assert
    expect(document.getElementById('sj-shell')).toBeNull();
    expect(document.getElementById('app')).not.toBeNull();
  });
});
