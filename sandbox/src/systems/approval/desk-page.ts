import { maskIdNumber, maskPhone } from '@suijing/shared';
import type { Context } from 'koa';
import { escapeHtml, sendPage, type PageFrame } from '../../core/html-page';
import type { CaseEntry } from './case-book';
import { AGENCY_RELATION_NAMES, CASE_STATUS_NAMES } from './records';

const FRAME: PageFrame = {
  // Read-only: no forms, no scripts (the staff act through the console API).
  csp: "default-src 'none'; style-src 'unsafe-inline'",
  style: `body{font-family:sans-serif;margin:0;background:#eef1f5;color:#1f2329}
main{max-width:720px;margin:0 auto;padding:24px}h1{font-size:20px}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:8px 12px;border-bottom:1px solid #e5e6eb}
th{width:9em;color:#646a73;font-weight:normal}.agent{color:#b54708}a{color:#1456f0}`,
  banner: '<div style="background:#1f3a93;color:#fff;padding:10px 24px">审批系统 · 办件受理工作台（沙箱）</div>',
};

/** 当事人 and 代办 lines of a case filed for someone ("代办：张三（监护人）"), or undefined for one's own case. */
export function agencyLines(entry: CaseEntry): { subject: string; agent: string } | undefined {
  const dsr = entry.record.dsr;
  if (!dsr) return undefined;
  return {
    subject: `${dsr.xm}（${maskIdNumber(dsr.sfzmhm)}）`,
    agent: `代办：${entry.applicant.xm}（${AGENCY_RELATION_NAMES[dsr.gx]}）`,
  };
}

function row(label: string, value: string, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  return `<tr><th>${escapeHtml(label)}</th><td${cls}>${escapeHtml(value)}</td></tr>`;
}

/** GET /sandbox/approval/desk/:bjbh: the case as a staff member sees it before acting (numbers masked). */
export function sendCasePage(ctx: Context, entry: CaseEntry): void {
  const { record, applicant } = entry;
  const agency = agencyLines(entry);
  const rows = [
    row('办件编号', record.bjbh),
    row('事项', record.sxmc),
    row('状态', `${record.zt} ${CASE_STATUS_NAMES[record.zt]}`),
    row('当前环节', record.dqhj),
    ...(agency
      ? [row('当事人', agency.subject), row('代办人', agency.agent, 'agent')]
      : [row('申请人', `${applicant.xm}（${maskIdNumber(applicant.sfzmhm)}）`)]),
    row('联系电话', maskPhone(applicant.sjhm)),
    row('申请时间', record.sqsj),
    row('承诺办结', record.cnbjrq),
  ];
  sendPage(ctx, FRAME, 200, `办件 ${record.bjbh}`, `<table>${rows.join('')}</table>`);
}

/** GET /sandbox/approval/desk: the cases, newest first, each with whom it is about and who filed it. */
export function sendDeskPage(ctx: Context, entries: readonly CaseEntry[]): void {
  const rows = entries.map((entry) => {
    const agency = agencyLines(entry);
    const who = agency ? `${agency.subject} · ${agency.agent}` : entry.applicant.xm;
    const link = `<a href="desk/${encodeURIComponent(entry.record.bjbh)}">${escapeHtml(entry.record.bjbh)}</a>`;
    return `<tr><td>${link}</td><td>${escapeHtml(entry.record.sxmc)}</td><td>${escapeHtml(who)}</td><td>${escapeHtml(CASE_STATUS_NAMES[entry.record.zt])}</td></tr>`;
  });
  const head = '<tr><th>办件编号</th><th>事项</th><th>当事人 / 申请人</th><th>状态</th></tr>';
  const body = rows.length > 0 ? rows.join('') : '<tr><td colspan="4">暂无办件</td></tr>';
  sendPage(ctx, FRAME, 200, '办件列表', `<table>${head}${body}</table>`);
}
