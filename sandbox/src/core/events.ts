/**
 * In-process events between the systems of one sandbox: what one back end
 * does that another back end reacts to (a 准予许可 decision in the approval
 * system changes the 车驾管 record). The real systems exchange these through
 * the data-exchange platform; here a synchronous call is enough, and the
 * typed map keeps publisher and subscriber honest.
 */

/** A case of the approval system reached a decision (05 准予许可, 06 不予许可) or was delivered (07 已送达). */
export interface CaseDecided {
  bjbh: string;
  sxbm: string;
  /** The applicant (申请人's 身份证明号码): the person acting. */
  sfzmhm: string;
  /** Whom the case is about: the 当事人 (dsr) when someone filed for a family member, else the applicant. */
  subject: string;
  /** The application form's data (bdsj) as submitted. */
  formData: Readonly<Record<string, string | readonly string[]>>;
  status: '05' | '06' | '07';
}

/** The traffic system issued a 处罚决定书 for a violation handled online: the 非税 platform opens its 缴款码. */
export interface DecisionIssued {
  jdsbh: string;
  wfbh: string;
  sfzmhm: string;
  xm: string;
  /** 罚款金额 in yuan, e.g. "200". */
  fkje: string;
  wfjf: string;
  /** yyyyMMddHHmmss (Beijing). */
  jdsj: string;
  cjjgmc: string;
}

/** The 非税 platform received a decision's fine: the traffic system marks it 已缴款. */
export interface FinePaid {
  jdsbh: string;
  /** yyyyMMddHHmmss (Beijing). */
  jfsj: string;
}

/** The approval system handed a case's certificate to EMS (送达 by post). */
export interface CaseMailed {
  bjbh: string;
  mailNo: string;
  receiver: { name: string; phone: string; province: string; city: string; district: string; address: string };
  /** yyyyMMddHHmmss (Beijing). */
  postedAt: string;
}

export interface SandboxEventMap {
  caseDecided: CaseDecided;
  decisionIssued: DecisionIssued;
  finePaid: FinePaid;
  caseMailed: CaseMailed;
}

export type SandboxEventName = keyof SandboxEventMap;
type Handler<K extends SandboxEventName> = (event: SandboxEventMap[K]) => void;

/** One per sandbox app (app.ts), handed to every system in its kit. */
export class SandboxEvents {
  private readonly handlers: { [K in SandboxEventName]: Handler<K>[] } = {
    caseDecided: [],
    decisionIssued: [],
    finePaid: [],
    caseMailed: [],
  };

  /** @param log where a failing subscriber is reported: it must not break the publisher's request. */
  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** Subscribes; returns the unsubscribe function. */
  on<K extends SandboxEventName>(name: K, handler: Handler<K>): () => void {
    const list: Handler<K>[] = this.handlers[name];
    list.push(handler);
    return () => {
      const at = list.indexOf(handler);
      if (at >= 0) list.splice(at, 1);
    };
  }

  /** Calls every subscriber synchronously, in subscription order. */
  emit<K extends SandboxEventName>(name: K, event: SandboxEventMap[K]): void {
    const list: Handler<K>[] = this.handlers[name];
    for (const handler of [...list]) {
      try {
        handler(event);
      } catch (error) {
        this.log(`events: a ${name} subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
