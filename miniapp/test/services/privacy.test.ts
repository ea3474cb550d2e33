import { downloadPersonalData, listDataUse } from '@/services/privacy';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { fileNameFromDisposition, safeFileName } from '@/utils/save-file';
import { taroStub } from '../stubs/taro';

/** jsdom's Blob has no text(): read it the old way. */
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('no blob'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

const createObjectURL = jest.fn((_blob: Blob) => 'blob:export-1');
const revokeObjectURL = jest.fn();

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
  Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true });
});

describe('privacy service', () => {
  it('when the usage record is asked for, then it names the page and its size', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 200,
      data: { items: [], page: 2, pageSize: 20, total: 0, retentionDays: 180 },
      header: {},
    });

    // Act
    await listDataUse(2);

    // Assert
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/v1/me/data-usage?page=2&pageSize=20' }),
    );
  });

  it('when the copy downloads in the browser, then the BFF’s bytes become a file with its name', async () => {
    // Arrange
    const body = '{\n  "account": {"phoneMasked": "138****1234"}\n}';
    taroStub.request.mockResolvedValue({
      statusCode: 200,
      data: body,
      header: { 'Content-Disposition': "attachment; filename*=UTF-8''%E7%A9%97%E8%AD%A6%E9%80%9A.json" },
    });
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });

    // Act
    const saved = await downloadPersonalData();

    // Assert
    expect(saved).toEqual({ kind: 'downloaded', fileName: '穗警通.json' });
    expect(clicked).toEqual(['穗警通.json']);
    const blob = createObjectURL.mock.calls[0]?.[0];
    await expect(readBlob(blob)).resolves.toBe(body);
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/v1/me/export',
        dataType: 'text',
        header: expect.objectContaining({ Authorization: 'Bearer access' }),
      }),
    );
    click.mockRestore();
  });

  it('when the copy needs a fresh check, then the 403 comes back as an ApiError naming it, and nothing is saved', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 403,
      data: JSON.stringify({
        error: {
          code: 'ASSURANCE_REQUIRED',
          message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
          requestId: 'r',
          required: { level: 'L3', withinSeconds: 300 },
        },
      }),
      header: {},
    });

    // Act
    const error: unknown = await downloadPersonalData().catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L3', withinSeconds: 300 } });
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it.each([
    ['attachment; filename="suijing-export.json"', 'suijing-export.json'],
    ['attachment; filename="x.json"; filename*=UTF-8\'\'%E5%89%AF%E6%9C%AC.json', '副本.json'],
    ['attachment', null],
    [undefined, null],
  ])('when Content-Disposition is %j, then the file name is %j', (header, name) => {
    // Act / Assert
    expect(fileNameFromDisposition(header)).toBe(name);
  });

  it('when the offered name has path or control characters, then they are dropped; when nothing is left, the fallback is used', () => {
    // Act / Assert
    expect(safeFileName('../副本:1?.json\u0007', 'x.json')).toBe('..副本1.json');
    expect(safeFileName(' /\\ ', 'x.json')).toBe('x.json');
  });
});
