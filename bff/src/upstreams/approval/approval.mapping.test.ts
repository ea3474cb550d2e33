import type { CaseRecord } from './approval.dialect';
import { fenToYuan, toApprovalCase, toSubmitRequest, yuanToFen } from './approval.mapping';

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  bjbh: '2026120144010000000001',
  wbbh: 'w1234567',
  sxbm: '1144010000750226542000414000001',
  sxmc: '无犯罪记录证明开具（本人申请）',
  zt: '05',
  sqsj: '20261201090000',
  cnbjrq: '20261204',
  dqhj: '送达',
  dqclbm: '广州市公安局',
  lcjl: [
    { hjmc: '申请', zt: '01', clr: '申请人', clsj: '20261201090000', yj: '网上申请' },
    { hjmc: '办结', zt: '05', clr: '广州市公安局', clsj: '20261202090000', yj: '准予许可' },
  ],
  ...overrides,
});

describe('approval dialect translation', () => {
  it('when a filing is for a family member, then 当事人 goes as dsr with JHR or QS, and sqr stays the one acting', () => {
    // Arrange
    const filing = {
      reference: 'ref-00000001',
      itemCode: 'X1',
      applicant: { name: '张三', idNumber: '440106198001011234', phone: '13800000000' },
      data: {},
      materials: [],
    };
    const son = { name: '张小明', idNumber: '440106201801011230' };

    // Act
    const [guardian, relative, own] = [
      toSubmitRequest({ ...filing, subject: { ...son, relation: 'guardian' } }),
      toSubmitRequest({ ...filing, subject: { ...son, relation: 'relative' } }),
      toSubmitRequest(filing),
    ];

    // Assert
    expect(guardian.sqr.sfzmhm).toBe('440106198001011234');
    expect(guardian.dsr).toEqual({ xm: '张小明', sfzmhm: '440106201801011230', gx: 'JHR' });
    expect(relative.dsr?.gx).toBe('QS');
    expect(own).not.toHaveProperty('dsr');
  });

  it('when a case names a 当事人, then it is the subject; a case without one has none', () => {
    // Act
    const [forAnother, own] = [
      toApprovalCase(record({ dsr: { xm: '张小明', sfzmhm: '440106201801011230', gx: 'JHR' } })),
      toApprovalCase(record()),
    ];

    // Assert
    expect(forAnother.subject).toEqual({ name: '张小明', idNumber: '440106201801011230' });
    expect(own).not.toHaveProperty('subject');
  });

  it('when a case is translated, then codes, Beijing times and compact days become our words', () => {
    // Act
    const translated = toApprovalCase(record());

    // Assert
    expect(translated).toMatchObject({
      caseNo: '2026120144010000000001',
      status: 'approved',
      submittedAt: '2026-12-01T01:00:00.000Z',
      promisedDate: '2026-12-04',
      timeline: [
        { step: '申请', status: 'submitted', actor: '申请人', at: '2026-12-01T01:00:00.000Z', opinion: '网上申请' },
        {
          step: '办结',
          status: 'approved',
          actor: '广州市公安局',
          at: '2026-12-02T01:00:00.000Z',
          opinion: '准予许可',
        },
      ],
    });
  });

  it('when a 补正 is pending, then the stopped clock shows; once answered, the working days it moved the date', () => {
    // Arrange
    const waiting = record({ zt: '04', jsztsj: '20261202100000', bcnr: '照片不清晰' });
    const answered = record({ zt: '03', cnbjrq: '20261209', ztgzr: '3' });

    // Act
    const [pausedView, answeredView] = [toApprovalCase(waiting), toApprovalCase(answered)];

    // Assert
    expect(pausedView.clockPausedSince).toBe('2026-12-02T02:00:00.000Z');
    expect(pausedView.extendedWorkingDays).toBeUndefined();
    expect(answeredView).toMatchObject({ promisedDate: '2026-12-09', extendedWorkingDays: 3 });
    expect(answeredView.clockPausedSince).toBeUndefined();
  });

  it('when the result goes by post, then 送达信息 is read and written with the province, city and district', () => {
    // Arrange
    const posted = record({
      sdxx: {
        sdfs: '2',
        sjr: '张三丰',
        lxdh: '13800138000',
        sf: '广东省',
        cs: '广州市',
        qx: '天河区',
        xxdz: '天河路100号',
      },
    });
    const address = { province: '广东省', city: '广州市', district: '天河区', detail: '天河路100号' };

    // Act
    const delivery = toApprovalCase(posted).delivery;
    const request = toSubmitRequest({
      reference: 'w1234567',
      itemCode: 'X1',
      applicant: { name: '张三丰', idNumber: '440106199001011234', phone: '13800138000' },
      data: {},
      materials: [
        { source: 'upload', name: '照片', fileId: 'f1' },
        { source: 'elicence', name: '居民身份证', licenceId: 'z1' },
        { source: 'shared', name: '解除抵押', recordNo: 'g1' },
      ],
      delivery: { mode: 'post', address },
    });

    // Assert
    expect(delivery).toEqual({
      mode: 'post',
      recipient: '张三丰',
      phone: '13800138000',
      region: '广东省广州市天河区',
      detail: '天河路100号',
    });
    expect(request).toMatchObject({
      wbbh: 'w1234567',
      sqr: { xm: '张三丰', sfzmhm: '440106199001011234', sjhm: '13800138000' },
      cl: [
        { clmc: '照片', ly: 'SC', wjbs: 'f1' },
        { clmc: '居民身份证', ly: 'DZZZ', zzbs: 'z1' },
        { clmc: '解除抵押', ly: 'GX', gxbs: 'g1' },
      ],
      sdxx: posted.sdxx,
    });
  });

  it('when a case carries 缴费信息, then its fee is in fen with state, transaction and times; none without', () => {
    // Act
    const paid = toApprovalCase(
      record({
        zt: '03',
        jfxx: { sfxm: '普通护照工本费', sfje: '120.00', jfzt: '1', jyh: '4200000001', jfsj: '20261201100000' },
      }),
    );
    const refunded = toApprovalCase(
      record({ jfxx: { sfxm: '签注费', sfje: '15.5', jfzt: '2', jyh: 'x1', tfsj: '20261202100000' } }),
    );
    const free = toApprovalCase(record());

    // Assert
    expect(paid.fee).toEqual({
      title: '普通护照工本费',
      amountFen: 12000,
      state: 'paid',
      transactionId: '4200000001',
      paidAt: '2026-12-01T02:00:00.000Z',
    });
    expect(refunded.fee).toMatchObject({ amountFen: 1550, state: 'refunded', refundedAt: '2026-12-02T02:00:00.000Z' });
    expect(free.fee).toBeUndefined();
  });

  it('when amounts cross the dialect, then yuan text and fen agree both ways', () => {
    // Assert
    expect(yuanToFen('120')).toBe(12000);
    expect(yuanToFen('0.05')).toBe(5);
    expect(fenToYuan(12000)).toBe('120.00');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(yuanToFen('99.9'))).toBe('99.90');
  });
});
