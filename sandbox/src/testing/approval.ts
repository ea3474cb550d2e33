/**
 * Helpers for the approval system's tests (not part of the build: see tsconfig exclude).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedCitizen } from '../seed/citizens';
import { approvalItems } from '../systems/approval/items';
import type { CaseRecord, SubmitRequest } from '../systems/approval/records';
import { TEST_GOV_APP_KEY, type Agent } from './fixtures';

/** 往来港澳通行证首次申领: a 承诺件 of 7 working days at 出入境管理支队. */
export const HK_PASS_ITEM = '11440100007502484E0100201000001';

export const APPLICANT = seedCitizen('primary');
export const OTHER_PERSON = seedCitizen('secondary');

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
export const JPEG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0 test image')]);
export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** A Windows executable ("MZ" header). */
export const EXE_BYTES = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode'),
]);

/** Uploads a file as the app would. */
export function upload(agent: Agent, content: Buffer, filename: string, sfzmhm: string = APPLICANT.idNumber) {
  return agent
    .post('/approval/v1/materials')
    .set('X-App-Key', TEST_GOV_APP_KEY)
    .field('sfzmhm', sfzmhm)
    .attach('file', content, { filename, contentType: filename.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg' });
}

/** A form filled the way the item's application form (bdjg) asks: required fields, first option of choices. */
export function filledForm(sxbm: string): Record<string, string | string[]> {
  const item = approvalItems().get(sxbm);
  if (!item) throw new Error(`no item ${sxbm}`);
  const data: Record<string, string | string[]> = {};
  for (const field of item.form.fz.flatMap((group) => group.zd)) {
    if (field.bt !== '1') continue;
    const first = field.xx?.[0]?.dm ?? '1';
    if (field.zdlx === 'CHECKBOX') data[field.zddm] = [first];
    else if (field.zdlx === 'SELECT' || field.zdlx === 'RADIO') data[field.zddm] = first;
    else if (field.zdlx === 'SFZH') data[field.zddm] = APPLICANT.idNumber;
    else if (field.zdlx === 'SJHM') data[field.zddm] = APPLICANT.phone;
    else if (field.zdlx === 'DATE') data[field.zddm] = '20260101';
    else if (field.zdlx === 'NUMBER') data[field.zddm] = '1';
    else data[field.zddm] = '测试内容填写';
  }
  return data;
}

let serial = 0;
/** A valid submission for the applicant; pass a wbbh to repeat one. */
export function submission(overrides: Partial<SubmitRequest> = {}): SubmitRequest {
  serial += 1;
  const sxbm = overrides.sxbm ?? HK_PASS_ITEM;
  return {
    wbbh: `WB${Date.now()}${String(serial).padStart(6, '0')}`,
    sxbm,
    sqr: { xm: APPLICANT.name, sfzmhm: APPLICANT.idNumber, sjhm: APPLICANT.phone },
    bdsj: approvalItems().has(sxbm) ? filledForm(sxbm) : {},
    cl: [{ clmc: '居民身份证', ly: 'DZZZ', zzbs: 'DZZZ-440100-0001' }],
    ...overrides,
  };
}

export function submit(agent: Agent, body: object) {
  return agent.post('/approval/v1/cases').set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

/** Submits a valid case and returns it. */
export async function submitted(agent: Agent, overrides: Partial<SubmitRequest> = {}): Promise<CaseRecord> {
  const res = await submit(agent, submission(overrides)).expect(200);
  if (res.body.code !== '0000') throw new Error(`submit failed: ${JSON.stringify(res.body)}`);
  return res.body.data as CaseRecord;
}

/** The staff console's action; returns the supertest response. */
export function act(agent: Agent, bjbh: string, body: object) {
  return agent.post(`/sandbox/approval/cases/${bjbh}/actions`).send(body);
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A local HTTP server standing in for the BFF's webhook; `status` picks each answer (1-based request count). */
export async function startReceiver(status: (count: number) => number = () => 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.statusCode = status(requests.length);
      res.end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/approval`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until the check passes (real time), or fails with the last state. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
