import { checkStructure, shownTexts } from '../../libraries/simple-pdf.fixtures';
import { receiptPdf } from './receipt';

describe('电子票据', () => {
  it('when a receipt is made, then it is one well-formed page with the payer masked, the lines, the total and the department', () => {
    // Arrange
    const content = {
      receiptNo: 'PJ202612060123456789',
      payerMasked: '张*',
      title: '普通护照首次申领',
      reference: '2026120644010000000001',
      referenceLabel: '办件编号',
      lines: [{ label: '普通护照工本费', amountFen: 12000 }],
      amountFen: 12000,
      platformName: '微信支付',
      tradeNoMasked: '4200********7890',
      paidAt: new Date('2026-12-06T02:30:00Z'),
      department: '广州市公安局出入境管理支队',
    };

    // Act
    const pdf = receiptPdf(content);

    // Assert
    expect(checkStructure(pdf).objects).toBe(8);
    expect(pdf.toString('latin1')).toContain('/Count 1');
    const texts = shownTexts(pdf);
    expect(texts).toEqual(
      expect.arrayContaining([
        '电子缴费票据',
        '票据号：PJ202612060123456789',
        '张*',
        '普通护照工本费',
        '￥120.00',
        '人民币壹佰贰拾元整',
        '4200********7890',
        '2026-12-06 10:30',
        '广州市公安局出入境管理支队',
      ]),
    );
  });
});
