import { billLinesOf, fenOfYuan, fromRfc3339, toRfc3339 } from './wxpay.mapping';

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const row = (fields: string[]) => fields.map((f) => `\`${f}`).join(',');

describe('wxpay mapping', () => {
  it('when yuan strings are read, then they become exact fen', () => {
    // Arrange
    const values = ['200.00', '0.01', '120.5', '7', '1.234', '-1.00'];

    // Act
    const fen = values.map(fenOfYuan);

    // Assert
    expect(fen).toEqual([20000, 1, 12050, 700, undefined, undefined]);
  });

  it('when an instant is written for the platform, then it is rfc3339 in Beijing time and reads back', () => {
    // Arrange
    const instant = new Date('2026-12-06T16:30:00.000Z');

    // Act
    const text = toRfc3339(instant);

    // Assert
    expect(text).toBe('2026-12-07T00:30:00+08:00');
    expect(fromRfc3339(text)).toEqual(instant);
    expect(fromRfc3339('2026-12-07 00:30:00')).toBeUndefined();
  });

  it('when a bill is read, then payments and refunds become lines and the summary is left out', () => {
    // Arrange
    const text = [
      HEADER,
      row([
        '2026-12-05 10:00:00',
        'wx1',
        '1900000109',
        '0',
        '',
        '4200001',
        'PAY1',
        'o1',
        'JSAPI',
        'SUCCESS',
        'OTHERS',
        'CNY',
        '200.00',
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        '罚款,含滞纳金',
        '',
        '1.20000',
        '0.60%',
        '200.00',
        '0.00',
        '',
      ]),
      row([
        '2026-12-05 11:00:00',
        'wx1',
        '1900000109',
        '0',
        '',
        '4200001',
        'PAY1',
        'o1',
        'JSAPI',
        'REFUND',
        'OTHERS',
        'CNY',
        '0.00',
        '0.00',
        '5030001',
        'RF1',
        '50.00',
        '0.00',
        'ORIGINAL',
        'SUCCESS',
        '罚款',
        '',
        '-0.30000',
        '0.60%',
        '200.00',
        '50.00',
        '',
      ]),
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      row(['2', '200.00', '50.00', '0.00', '0.90000', '200.00', '50.00']),
    ].join('\r\n');

    // Act
    const lines = billLinesOf(text);

    // Assert
    expect(lines).toEqual([
      {
        tradeTime: new Date('2026-12-05T02:00:00.000Z'),
        transactionId: '4200001',
        outTradeNo: 'PAY1',
        kind: 'SUCCESS',
        totalFen: 20000,
        refundFen: 0,
      },
      {
        tradeTime: new Date('2026-12-05T03:00:00.000Z'),
        transactionId: '4200001',
        outTradeNo: 'PAY1',
        kind: 'REFUND',
        totalFen: 20000,
        refundFen: 5000,
        outRefundNo: 'RF1',
      },
    ]);
  });

  it('when a bill row has an unreadable amount, then reading the bill throws', () => {
    // Arrange
    const text = `${HEADER}\r\n${row(['2026-12-05 10:00:00', 'wx1', 'm', '0', '', '4200001', 'PAY1', 'o1', 'JSAPI', 'SUCCESS', 'OTHERS', 'CNY', 'x', '0.00', '0', '0', '0.00', '0.00', '', '', 'd', '', '0', '0.60%', 'abc', '0.00', ''])}\r\n`;

    // Act
    const read = () => billLinesOf(text);

    // Assert
    expect(read).toThrow();
  });
});
