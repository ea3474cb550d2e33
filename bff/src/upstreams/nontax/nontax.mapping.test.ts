import { fenFromYuan, toFineBill, toSettlement, yuanFromFen } from './nontax.mapping';

const BILL = {
  jkm: '44010026000000000017',
  jdsbh: '4401062026000123',
  fkje: '200.00',
  jcfk: '6.00',
  yjje: '206.00',
  jfqx: '20261216',
  zt: '0' as const,
};

describe('非税 mapping', () => {
  it.each([
    { yuan: '0.01', fen: 1 },
    { yuan: '200.00', fen: 20_000 },
    { yuan: '50.50', fen: 5_050 },
    { yuan: '123456789.99', fen: 12_345_678_999 },
  ])('when the amount is ¥$yuan, then it is $fen fen both ways', ({ yuan, fen }) => {
    // Arrange / Act / Assert
    expect(fenFromYuan(yuan)).toBe(fen);
    expect(yuanFromFen(fen)).toBe(yuan);
  });

  it('when an unpaid bill has a late fee, then the bill gives fine, fee, total and the due date', () => {
    // Arrange / Act
    const bill = toFineBill(BILL);

    // Assert
    expect(bill).toEqual({
      paymentCode: BILL.jkm,
      decisionNo: BILL.jdsbh,
      fineFen: 20_000,
      lateFeeFen: 600,
      totalFen: 20_600,
      dueDate: '2026-12-16',
      state: 'unpaid',
    });
  });

  it('when a paid bill has its time and receipt, then they are kept; without them, the answer is not believed', () => {
    // Arrange
    const paid = { ...BILL, zt: '1' as const, jkrq: '20261201120005', pjh: '440100260000000001' };

    // Act
    const complete = toFineBill(paid);
    const incomplete = toFineBill({ ...BILL, zt: '1' });

    // Assert
    expect(complete).toMatchObject({ state: 'paid', paidAt: new Date('2026-12-01T04:00:05Z'), receiptNo: paid.pjh });
    expect(incomplete).toBeUndefined();
  });

  it('when fine and late fee do not add up to the total, then the bill is not believed', () => {
    // Arrange / Act / Assert
    expect(toFineBill({ ...BILL, yjje: '200.00' })).toBeUndefined();
  });

  it('when an order is pending, closed, paid or refunded, then only the last two are settlements', () => {
    // Arrange
    const order = {
      ddh: 'FINE-ORDER-0001',
      jkm: BILL.jkm,
      jyje: '206.00',
      jylsh: 'FS20261201120005000001',
      zfsj: '20261201120005',
      pjh: '440100260000000001',
    };

    // Act
    const states = (['0', '2', '1', '3'] as const).map((zt) => toSettlement({ ...order, zt })?.state);

    // Assert
    expect(states).toEqual([undefined, undefined, 'paid', 'refunded']);
  });
});
