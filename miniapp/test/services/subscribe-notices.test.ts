import { askForNotices, canAskForNotices } from '@/services/subscribe-notices';
import { taroStub } from '../stubs/taro';

const IDS = {
  CASE_PROGRESS: 'tpl-progress',
  MATERIALS_REQUIRED: 'tpl-materials',
  CASE_RESULT: 'tpl-result',
  BOOKING_CONFIRMED: 'tpl-booked',
  BOOKING_CANCELLED: 'tpl-cancelled',
};

const requestSubscribeMessage = jest.fn<Promise<Record<string, string>>, [{ tmplIds: string[] }]>();

beforeAll(() => Object.assign(taroStub, { requestSubscribeMessage }));

afterEach(() => {
  process.env.TARO_ENV = 'h5';
  process.env.TARO_APP_SUBSCRIBE_TEMPLATES = '';
});

function weappWith(templates: object | string): void {
  process.env.TARO_ENV = 'weapp';
  process.env.TARO_APP_SUBSCRIBE_TEMPLATES = typeof templates === 'string' ? templates : JSON.stringify(templates);
}

describe('WeChat notice subscriptions', () => {
  it('when a case is filed on weapp, then WeChat is asked for progress, 补正 and decision at once and one allowed is accepted', async () => {
    // Arrange
    weappWith(IDS);
    requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'tpl-progress': 'accept',
      'tpl-materials': 'reject',
      'tpl-result': 'reject',
    });

    // Act
    const answer = await askForNotices('case');

    // Assert
    expect(requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['tpl-progress', 'tpl-materials', 'tpl-result'] }),
    );
    expect(answer).toBe('accepted');
  });

  it('when booking on weapp and every template is refused or the dialog fails, then it is declined', async () => {
    // Arrange
    weappWith(IDS);
    requestSubscribeMessage
      .mockResolvedValueOnce({ 'tpl-booked': 'reject', 'tpl-cancelled': 'ban' })
      .mockRejectedValueOnce(new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture'));

    // Act
    const refused = await askForNotices('booking');
    const failed = await askForNotices('booking');

    // Assert
    expect(requestSubscribeMessage.mock.calls[0]?.[0].tmplIds).toEqual(['tpl-booked', 'tpl-cancelled']);
    expect([refused, failed]).toEqual(['declined', 'declined']);
  });

  it.each([
    { label: 'on H5', setUp: () => undefined },
    { label: 'without templates', setUp: () => weappWith('') },
    { label: 'with a malformed setting', setUp: () => weappWith('{CASE_PROGRESS') },
  ])('when $label, then nothing is offered and WeChat is never asked', async ({ setUp }) => {
    // Arrange
    setUp();

    // Act
    const answer = await askForNotices('case');

    // Assert
    expect(canAskForNotices('case')).toBe(false);
    expect(answer).toBe('unavailable');
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
