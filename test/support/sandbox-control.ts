/** The sandbox's own control routes, over HTTP, as the tests and the demo use them. */
export class SandboxControl {
  constructor(readonly url: string) {}

  private async send(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** What WeChat DevTools' wx.login hands this user. */
  async wechatCode(openid: string): Promise<string> {
    const { code } = (await this.send('POST', '/sandbox/wechat/code', { openid })) as { code: string };
    return code;
  }

  async blockWechatUser(openid: string): Promise<void> {
    await this.send('POST', '/sandbox/wechat/block', { openid });
  }

  async smsOutbox(phone: string): Promise<{ text: string; params: Record<string, string> }[]> {
    const { items } = (await this.send('GET', `/sandbox/sms/outbox?phone=${phone}`)) as {
      items: { text: string; params: Record<string, string> }[];
    };
    return items;
  }

  /** The newest login code sent to a phone. */
  async latestSmsCode(phone: string): Promise<string> {
    const [latest] = await this.smsOutbox(phone);
    const code = latest?.params['code'];
    if (!code) throw new Error(`no SMS sent to ${phone}`);
    return code;
  }

  async setFault(
    system: string,
    fault: { latencyMs?: number; errorRate?: number; down?: boolean; malformed?: boolean },
  ) {
    await this.send('PUT', `/sandbox/faults/${system}`, fault);
  }

  async advanceClock(ms: number): Promise<void> {
    await this.send('POST', '/sandbox/clock', { advanceMs: ms });
  }

  async clearFaults(): Promise<void> {
    await this.send('DELETE', '/sandbox/faults');
  }

  /** Requests each system has received since the sandbox started or was reset. */
  async requestsTo(system: string): Promise<number> {
    const { systems } = (await this.send('GET', '/sandbox/stats')) as { systems: Record<string, { requests: number }> };
    return systems[system]?.requests ?? 0;
  }

  /** Publishes a new catalog version, optionally renaming one item (what the catalog's editors do). */
  async publishCatalog(change: { sxbm?: string; sxmc?: string } = {}): Promise<void> {
    await this.send('POST', '/sandbox/catalog/publish', change);
  }

  /** A seeded person of the population register, by role (primary, secondary, elder, young, blocked, newcomer). */
  async citizen(role: string): Promise<{ name: string; idNumber: string; phone: string; openid: string }> {
    const { citizens } = (await this.send('GET', '/sandbox/seed/citizens')) as {
      citizens: Array<{ role: string; name: string; idNumber: string; phone: string; openid: string }>;
    };
    const found = citizens.find((c) => c.role === role);
    if (!found) throw new Error(`no seeded citizen with role ${role}`);
    return found;
  }

  /** A child of the primary citizen (son 8, daughter 16 years 2 months), as the sandbox's register holds them. */
  async kin(role: 'son' | 'daughter'): Promise<{ name: string; idNumber: string; birthDate: string }> {
    const { kin } = (await this.send('GET', '/sandbox/seed/citizens')) as {
      kin: Array<{ role: string; name: string; idNumber: string; birthDate: string }>;
    };
    const found = kin.find((c) => c.role === role);
    if (!found) throw new Error(`no seeded kin with role ${role}`);
    return { name: found.name, idNumber: found.idNumber, birthDate: found.birthDate };
  }

  /** What a staff member does at the approval console: accept, review, supplement, approve, reject, deliver. */
  async approvalAction(caseNo: string, action: string, extra: Record<string, string> = {}): Promise<unknown> {
    return this.send('POST', `/sandbox/approval/cases/${caseNo}/actions`, { action, ...extra });
  }

  /** A mail item EMS holds (receiver masked) with its traces so far. */
  async emsParcel(mailNo: string): Promise<EmsParcel> {
    return (await this.send('GET', `/sandbox/ems/parcels/${encodeURIComponent(mailNo)}`)) as EmsParcel;
  }

  /** The postman hands the item over now: its remaining steps happen by now, 妥投 last. */
  async emsDeliver(mailNo: string): Promise<EmsParcel> {
    return (await this.send('POST', `/sandbox/ems/parcels/${encodeURIComponent(mailNo)}/deliver`)) as EmsParcel;
  }

  /** Cases the approval system holds for a person (to count them). */
  async approvalCases(idNumber: string): Promise<Array<{ bjbh: string; wbbh: string; zt: string }>> {
    const { items } = (await this.send('GET', `/sandbox/approval/cases?sfzmhm=${idNumber}`)) as {
      items: Array<{ bjbh: string; wbbh: string; zt: string }>;
    };
    return items;
  }

  /** The 申请人 and form data (bdsj) a case was filed with, as the approval system stored them. */
  async approvalSubmission(
    caseNo: string,
  ): Promise<{ sqr: { xm: string; sfzmhm: string; sjhm: string }; bdsj: Record<string, string | string[]> }> {
    return (await this.send('GET', `/sandbox/approval/cases/${encodeURIComponent(caseNo)}/submission`)) as {
      sqr: { xm: string; sfzmhm: string; sjhm: string };
      bdsj: Record<string, string | string[]>;
    };
  }

  /** Where the approval system pushes case changes. */
  async setApprovalWebhook(url: string | null): Promise<void> {
    await this.send('PUT', '/sandbox/approval/webhook', { url });
  }

  /** What tapping 允许 in wx.requestSubscribeMessage does: one message of this template may be sent. */
  async grantSubscribe(openid: string, templateId: string, count = 1): Promise<void> {
    await this.send('POST', '/sandbox/wechat/subscribe', { openid, templateId, count });
  }

  /** Subscribe messages WeChat delivered to a user, newest first (templateKey: CASE_PROGRESS ...; page as sent). */
  async subscribeOutbox(
    openid: string,
  ): Promise<Array<{ templateId: string; templateKey: string; page?: string; data: Record<string, string> }>> {
    const { items } = (await this.send('GET', `/sandbox/wechat/subscribe/outbox?openid=${openid}`)) as {
      items: Array<{ templateId: string; templateKey: string; page?: string; data: Record<string, string> }>;
    };
    return items;
  }

  /** The camera step of a face check, as the browser stand-in (or wx.requestFacialVerify) would do it. */
  async faceCamera(verifyId: string, result: 'pass' | 'fail'): Promise<void> {
    await this.send('POST', `/sandbox/wechat/face/${encodeURIComponent(verifyId)}`, { result });
  }

  /**
   * What the person does in the 网证 app for a request (its authUrl, as the BFF
   * handed it to the browser): pass, not-same-person, no-face, liveness-failed,
   * timeout, cancel or fail.
   */
  async ctidDecide(authUrl: string, outcome: string): Promise<void> {
    const token = new URL(authUrl).pathname.split('/').pop() ?? '';
    await this.send('POST', `/sandbox/ctid/requests/${encodeURIComponent(token)}/complete`, { outcome });
  }

  /** Someone from the population register by role (e.g. a child: no driving licence, no vehicles). */
  async registered(role: string): Promise<{ name: string; idNumber: string }> {
    const { people } = (await this.send(
      'GET',
      `/sandbox/identity/people?role=${encodeURIComponent(role)}&limit=1`,
    )) as {
      people: Array<{ name: string; idNumber: string }>;
    };
    const person = people[0];
    if (!person) throw new Error(`sandbox: nobody with role ${role}`);
    return person;
  }

  /** Sets a slot's places (the hall staff's planning screen), e.g. to leave one place. */
  async setSlot(slot: {
    dtbh: string;
    ywdm: string;
    rq: string;
    sdbh: string;
    zrs?: number;
    yyrs?: number;
    lszrs?: number;
    lsyyrs?: number;
  }): Promise<void> {
    await this.send('PUT', '/sandbox/hall/slots', slot);
  }

  async setQueue(
    hallId: string,
    business: string,
    queue: { ddrs: number; kfck?: number; pjblsj?: number },
  ): Promise<void> {
    await this.send(
      'PUT',
      `/sandbox/hall/halls/${encodeURIComponent(hallId)}/queue/${encodeURIComponent(business)}`,
      queue,
    );
  }

  async callTicket(number: string, hallId: string, window: string): Promise<void> {
    await this.send('POST', `/sandbox/hall/tickets/${encodeURIComponent(number)}/call`, { ck: window, dtbh: hallId });
  }

  /** The next step of a bad review's follow-up: 核实, 整改, 回访. */
  async followUpRating(ratingId: string, step: '核实' | '整改' | '回访', note: string): Promise<void> {
    await this.send('POST', `/sandbox/feedback/ratings/${encodeURIComponent(ratingId)}/follow-up`, {
      hj: step,
      nr: note,
    });
  }

  /** The 12345 console moves a request on: answer, dispatch (to a department), handle. */
  async requestAction(
    requestNo: string,
    action: 'answer' | 'dispatch' | 'handle',
    note: string,
    department?: string,
  ): Promise<void> {
    await this.send('POST', `/sandbox/feedback/requests/${encodeURIComponent(requestNo)}/actions`, {
      action,
      nr: note,
      ...(department ? { bm: department } : {}),
    });
  }

  async setHotTopic(id: string, status: '1' | '2' | '3', resolution?: string): Promise<void> {
    await this.send('PUT', `/sandbox/feedback/hot-topics/${encodeURIComponent(id)}`, {
      zt: status,
      ...(resolution ? { cljg: resolution } : {}),
    });
  }

  /**
   * Sets a person's residence file at the register: djrq (yyyyMMdd) one active 居住登记 of that day, jzz the
   * 居住证 {qfrq, qzjl?: [{qzrq, zn}]} (validity 3 years from qfrq); null for none, absent to leave it.
   */
  async setResidence(
    idNumber: string,
    file: { djrq?: string | null; jzz?: { qfrq: string; qzjl?: { qzrq: string; zn: string }[] } | null },
  ): Promise<void> {
    await this.send('POST', '/sandbox/identity/residence', { sfzmhm: idNumber, ...file });
  }

  /** People of the register (name, ID, birth date), e.g. to find someone of a given age. */
  async registerPeople(
    role: string,
    limit = 200,
    offset = 0,
  ): Promise<Array<{ name: string; idNumber: string; birthDate: string }>> {
    const { people } = (await this.send(
      'GET',
      `/sandbox/identity/people?role=${encodeURIComponent(role)}&limit=${limit}&offset=${offset}`,
    )) as { people: Array<{ name: string; idNumber: string; birthDate: string }> };
    return people;
  }

  /** A person's file in the traffic system (车驾管), as its staff would see it. */
  async trafficFile(idNumber: string): Promise<TrafficFile> {
    return (await this.send('GET', `/sandbox/traffic/people/${encodeURIComponent(idNumber)}`)) as TrafficFile;
  }

  async setTrafficLicence(idNumber: string, patch: Record<string, string | number>): Promise<void> {
    await this.send('PUT', `/sandbox/traffic/people/${encodeURIComponent(idNumber)}/licence`, patch);
  }

  async setTrafficVehicle(recordNo: string, patch: Record<string, string>): Promise<void> {
    await this.send('PUT', `/sandbox/traffic/vehicles/${encodeURIComponent(recordNo)}`, patch);
  }

  /** The payer confirms a WeChat Pay order (wx.requestPayment / the H5 cashier). */
  async wxpayPay(outTradeNo: string): Promise<{ transactionId: string }> {
    return (await this.send('POST', `/sandbox/wxpay/orders/${outTradeNo}/pay`)) as { transactionId: string };
  }

  async wxpayOrder(outTradeNo: string): Promise<WxpayOrderState> {
    return (await this.send('GET', `/sandbox/wxpay/orders/${outTradeNo}`)) as WxpayOrderState;
  }

  /** While held, WeChat Pay finds the merchant unreachable: notifications queue and are retried later. */
  async holdWxpayNotices(hold: boolean): Promise<void> {
    await this.send('PUT', '/sandbox/wxpay/notify', { hold });
  }

  /** Sends a delivered notification again exactly as it was (same body and signature). */
  async replayWxpayNotice(id: string): Promise<{ status: number | null }> {
    return (await this.send('POST', `/sandbox/wxpay/notifications/${id}/replay`)) as { status: number | null };
  }

  async wxpayStats(): Promise<{ payments: Record<string, number>; refunds: Record<string, number> }> {
    return (await this.send('GET', '/sandbox/wxpay/stats')) as {
      payments: Record<string, number>;
      refunds: Record<string, number>;
    };
  }

  /** Adds a violation record and gives its 违法编号 (wfbh). */
  async addViolationRecord(idNumber: string, record: Record<string, string>): Promise<string> {
    const { violation } = (await this.send(
      'POST',
      `/sandbox/traffic/people/${encodeURIComponent(idNumber)}/violations`,
      record,
    )) as { violation: { wfbh: string } };
    return violation.wfbh;
  }

  /**
   * Handles a violation through the traffic system's own API (as 交管12123 would), which issues the
   * 决定书 and has the 非税 platform bill it; the 决定书编号.
   */
  async handleViolationUpstream(appKey: string, idNumber: string, wfbh: string): Promise<string> {
    const response = await fetch(`${this.url}/traffic/v1/vio/cl`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-App-Key': appKey },
      body: JSON.stringify({ sfzmhm: idNumber, wfbh, lsh: `T${Date.now()}${Math.floor(Math.random() * 1e6)}` }),
    });
    const answer = (await response.json()) as { code: string; data?: { jdsbh: string } };
    if (answer.code !== '0000' || !answer.data) throw new Error(`handling ${wfbh}: ${JSON.stringify(answer)}`);
    return answer.data.jdsbh;
  }

  /** A 处罚决定书 the 非税 platform bills (as the traffic system's decisionIssued would open it). */
  async nontaxDecision(decision: {
    jdsbh: string;
    sfzmhm: string;
    xm: string;
    fkje: string;
    jdsj: string;
  }): Promise<{ jkm: string }> {
    return (await this.send('POST', '/sandbox/nontax/decisions', decision)) as { jkm: string };
  }

  /** The citizen presses 确认缴款 on the 非税 cashier. */
  async nontaxPay(ddh: string): Promise<{ jylsh: string; pjh: string }> {
    return (await this.send('POST', `/sandbox/nontax/orders/${ddh}/pay`)) as { jylsh: string; pjh: string };
  }

  async holdNontaxCallbacks(hold: boolean): Promise<void> {
    await this.send('POST', `/sandbox/nontax/callbacks/${hold ? 'hold' : 'release'}`);
  }

  /** The order's last callback again; verbatim: the very body sent before. */
  async replayNontaxCallback(ddh: string, verbatim: boolean): Promise<void> {
    await this.send('POST', `/sandbox/nontax/callbacks/${ddh}/replay`, { verbatim });
  }

  async nontaxStats(): Promise<{ settlementsByOrder: Record<string, number> }> {
    return (await this.send('GET', '/sandbox/nontax/stats')) as { settlementsByOrder: Record<string, number> };
  }

  async addViolation(idNumber: string, record: Record<string, string>): Promise<void> {
    await this.send('POST', `/sandbox/traffic/people/${encodeURIComponent(idNumber)}/violations`, record);
  }

  /** The lender files its 解除抵押 record for a mortgaged vehicle. */
  async fileMortgageRelease(recordNo: string): Promise<void> {
    await this.send('POST', `/sandbox/traffic/vehicles/${encodeURIComponent(recordNo)}/release`, {});
  }

  async setTrafficLatency(latencyMs: number): Promise<void> {
    await this.send('PUT', '/sandbox/traffic/latency', { latencyMs });
  }
}

export interface TrafficVehicleRecord {
  xh: string;
  hphm: string;
  hpzl: string;
  dybj: string;
  yxqz: string;
  zt: string;
  mortgage?: { dyqr: string; jcdyjl?: { bh: string; rq: string } };
}

export interface TrafficViolationRecord {
  wfbh: string;
  hphm: string;
  wfxw?: string;
  clbj: string;
  jkbj?: string;
  /** 决定书编号 once handled. */
  jdsbh?: string;
  fkje: string;
  wfjf: string;
}

export interface TrafficFile {
  sfzmhm: string;
  licence: { zjcx: string; ljjf: string; zt: string; yxqz: string; dabh: string } | null;
  vehicles: TrafficVehicleRecord[];
  violations: { xc: TrafficViolationRecord[]; fxc: TrafficViolationRecord[] };
}

export interface EmsParcel {
  mailNo: string;
  orderNo: string;
  receiver: { name: string; phone: string; region: string };
  postedAt: string;
  delivered: boolean;
  traces: Array<{ opCode: string; opName: string; opTime: string; opOrgName: string }>;
}

export interface WxpayOrderState {
  outTradeNo: string;
  state: string;
  amountFen: number;
  transactionId: string | null;
  payerOpenid: string | null;
  refunds: Array<{ out_refund_no: string; status: string; amount: { refund: number } }>;
  notifications: Array<{ id: string; eventType: string; acknowledged: boolean; lastStatus: number | null }>;
}
