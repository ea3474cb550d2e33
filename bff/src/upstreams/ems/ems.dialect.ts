import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * EMS open platform (中国邮政速递物流 新一代寄递平台), as a 协议客户 calls it: one
 * gateway, POST /ems/api/gateway, application/x-www-form-urlencoded with
 *   logistics_interface  the message, JSON text
 *   data_digest          base64(md5(logistics_interface + secret)), raw digest bytes
 *   msg_type             ORDERCREATE | TRACEQUERY
 *   ecCompanyId          the 电商标识 EMS issued
 * Answers: {success: "true"|"false", errorCode, errorMsg, ...}.
 *   TRACEQUERY {waybill_no} -> {waybill_no, traces: [{traceNo, opTime "yyyy-MM-dd HH:mm:ss" (Beijing), opCode,
 *     opName, opDesc, opOrgProvName, opOrgCity, opOrgCode, opOrgName}]}
 * opCode: 203 收寄, 305 处理中心到达, 306 处理中心封发, 702 投递机构接收, 703 安排投递, 704 投递结果反馈-妥投.
 * Full description: sandbox/src/systems/ems/routes.ts.
 */

export const EMS_GATEWAY_PATH = '/ems/api/gateway';

export const EMS_ERROR_CODES = {
  NO_SUCH_MAIL: 'B11',
} as const;

export function emsDigest(logisticsInterface: string, secret: string): string {
  return createHash('md5')
    .update(logisticsInterface + secret, 'utf8')
    .digest('base64');
}

/** The form of one call. */
export function gatewayForm(msgType: string, message: object, app: { ecCompanyId: string; secret: string }): string {
  const logisticsInterface = JSON.stringify(message);
  return new URLSearchParams({
    logistics_interface: logisticsInterface,
    data_digest: emsDigest(logisticsInterface, app.secret),
    msg_type: msgType,
    ecCompanyId: app.ecCompanyId,
  }).toString();
}

/** "true"/"false" as text (as documented) or as booleans (as some gateways answer). */
const Flag = z.union([z.enum(['true', 'false']), z.boolean()]).transform((value) => value === true || value === 'true');

export const TraceSchema = z.object({
  traceNo: z.string().optional(),
  opTime: z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
  opCode: z.string(),
  opName: z.string(),
  opDesc: z.string().optional(),
  opOrgProvName: z.string().optional(),
  opOrgCity: z.string().optional(),
  opOrgCode: z.string().optional(),
  opOrgName: z.string().optional(),
});
export type Trace = z.infer<typeof TraceSchema>;

export const TraceAnswerSchema = z.object({
  success: Flag,
  errorCode: z.string().optional(),
  errorMsg: z.string().optional(),
  waybill_no: z.string().optional(),
  traces: z.array(TraceSchema).max(200).optional(),
});
