import type { IncomingMessage } from 'node:http';
import { isRecord, type JsonRecord } from '../../core/input';
import type { Party } from './parcels';

/** Longest form body read: an order is well under 4 KB. */
const MAX_FORM_BYTES = 64 * 1024;

/** The four form fields of every call to the platform. */
export interface GatewayCall {
  logisticsInterface: string;
  dataDigest: string;
  msgType: string;
  ecCompanyId: string;
}

/** Reads an application/x-www-form-urlencoded body; undefined when it is another type, too long or lacks a field. */
export async function readGatewayCall(req: IncomingMessage): Promise<GatewayCall | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(bytes);
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  const logisticsInterface = form.get('logistics_interface');
  const dataDigest = form.get('data_digest');
  const msgType = form.get('msg_type');
  const ecCompanyId = form.get('ecCompanyId');
  if (!logisticsInterface || !dataDigest || !msgType || !ecCompanyId) return undefined;
  return { logisticsInterface, dataDigest, msgType, ecCompanyId };
}

/** logistics_interface as JSON: an object, or undefined. */
export function parseInterface(text: string): JsonRecord | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    // Not JSON: the caller answers S04.
    return undefined;
  }
}

const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** A sender or receiver of an order (name, mobile, prov, city, county, address); the problem when one is wrong. */
export function parseParty(value: unknown, role: string): { ok: true; party: Party } | { ok: false; problem: string } {
  if (!isRecord(value)) return { ok: false, problem: `缺少${role}` };
  const { name, mobile, phone, prov, city, county, address } = value;
  if (!text(name, 50)) return { ok: false, problem: `${role}.name 必填，至多50个字符` };
  const contact = text(mobile, 20) ? mobile : text(phone, 30) ? phone : undefined;
  if (!contact) return { ok: false, problem: `${role}.mobile 与 ${role}.phone 不能同时为空` };
  for (const [key, part] of [
    ['prov', prov],
    ['city', city],
    ['county', county],
  ] as const) {
    if (!text(part, 20)) return { ok: false, problem: `${role}.${key} 必填，使用国标全称` };
  }
  if (!text(address, 200)) return { ok: false, problem: `${role}.address 必填，至多200个字符` };
  return {
    ok: true,
    party: { name, mobile: contact, prov: String(prov), city: String(city), county: String(county), address },
  };
}
