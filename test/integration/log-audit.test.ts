import { leaksIn } from '../support/log-audit';

/**
 * The audit every integration stack runs on its logs when it closes (see
 * support/stack.ts): here, that it finds what it must and passes what is masked.
 */
describe('log audit', () => {
  it('when a full ID number, phone, access token or refresh token is in a line, then each is reported', () => {
    const lines = [
      '{"msg":"verify","idNumber":"440106199001011235"}',
      '{"url":"/api/v1/auth/sms/send","phone":"13812345678"}',
      '{"authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"}',
      '{"refreshToken":"aB3dE5gH7jK9mN1pQ3sT.Uv5Wx7Yz9aB1cD3eF5gH7jK9mN1pQ3sT5vX7zB9dF1hJ3"}',
    ];

    const leaks = leaksIn(lines);

    expect(leaks.map((l) => l.split(':')[0])).toEqual(['ID number', 'phone', 'access token', 'refresh token']);
  });

  it('when a full trade or WeChat Pay transaction number is in a line, then it is reported; masked ones are not', () => {
    const lines = [
      '{"msg":"paid","outTradeNo":"SJ20261206A1B2C3D4E5F60718"}',
      '{"msg":"paid","transactionId":"4200202612061234567890123456"}',
      '{"msg":"paid","orderId":"6753a1b2c3d4e5f607182930","tradeNoMasked":"4200********************3456"}',
    ];

    const leaks = leaksIn(lines);

    expect(leaks.map((l) => l.split(':')[0])).toEqual(['trade number', 'transaction number']);
  });

  it('when numbers are masked or are other long numbers, then nothing is reported', () => {
    const lines = [
      '{"idNumber":"4401**********1235","phone":"138****5678","time":1795844895984}',
      '{"caseNo":"2026112844017320550856","requestId":"6bc658bc-5eef-4ef2-af46-00e3968f19c6"}',
      '{"dabh":"440100123456","yybh":"YY2026113000583161"}',
    ];

    expect(leaksIn(lines)).toEqual([]);
  });
});
