/** What the handle route answers: kept so that a repeat of the same 流水号 gets the same decision. */
export interface Decision {
  jdsbh: string;
  wfbh: string;
  sfzmhm: string;
  fkje: string;
  wfjf: string;
  jdsj: string;
  /** 累积记分 after the handling. */
  ljjf: string;
}

/**
 * The 决定书 this system issued online, by number and by the caller's
 * 流水号 (lsh): a retried handling request finds its decision instead of
 * being refused as already handled, and a paid fine finds its record.
 */
export class DecisionLedger {
  private readonly byNumber = new Map<string, Decision>();
  private readonly byOperation = new Map<string, Decision>();

  record(lsh: string, decision: Decision): void {
    this.byNumber.set(decision.jdsbh, decision);
    this.byOperation.set(lsh, decision);
  }

  ofOperation(lsh: string): Decision | undefined {
    return this.byOperation.get(lsh);
  }

  find(jdsbh: string): Decision | undefined {
    return this.byNumber.get(jdsbh);
  }

  clear(): void {
    this.byNumber.clear();
    this.byOperation.clear();
  }
}
