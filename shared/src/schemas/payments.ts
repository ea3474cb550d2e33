import { z } from 'zod';

/**
 * 缴款: fines by 决定书 (through the provincial non-tax revenue platform) and
 * item fees by case (WeChat Pay). Amounts are integer fen and always come
 * from the upstream that is owed the money, never from the client; a
 * payment's result comes only from the platform's signed notice or query.
 */

export const FenSchema = z.number().int().min(0).describe('Amount in fen (1 元 = 100 fen)');

export const PAYMENT_THING_KINDS = ['fine', 'fee'] as const;

export const PaymentThingSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('fine'),
        decisionNo: z
          .string()
          .regex(/^[0-9A-Za-z]{10,32}$/)
          .describe('处罚决定书编号 of a handled violation of mine'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('fee'),
        caseId: z
          .string()
          .regex(/^[0-9A-Za-z_-]{6,64}$/)
          .describe('The id of my application (case) whose fee is due'),
      })
      .strict(),
  ])
  .meta({ id: 'PaymentThing' });
export type PaymentThing = z.infer<typeof PaymentThingSchema>;

/** jsapi: inside the WeChat mini-program (wx.requestPayment); h5: the browser build (the platform's cashier page). */
export const PAYMENT_CHANNELS = ['jsapi', 'h5'] as const;
export const PaymentChannelSchema = z.enum(PAYMENT_CHANNELS);
export type PaymentChannel = z.infer<typeof PaymentChannelSchema>;

export const CreatePaymentOrderRequestSchema = z
  .object({
    thing: PaymentThingSchema,
    channel: PaymentChannelSchema,
    /** For h5: where the cashier sends the citizen back (a path of this app, e.g. /packages/pay/pages/result/index). */
    returnPath: z
      .string()
      .regex(/^\/[A-Za-z0-9/_-]{1,120}$/)
      .optional()
      .describe('h5 only: the app path the cashier returns to; the order id is appended as ?orderId='),
  })
  // Strict: an amount (or anything else) sent by the client is refused, never read.
  .strict()
  .meta({ id: 'CreatePaymentOrderRequest' });
export type CreatePaymentOrderRequest = z.infer<typeof CreatePaymentOrderRequestSchema>;

export const AmountLineSchema = z
  .object({
    label: z.string().describe('罚款, 加处罚款, 工本费 ...'),
    amountFen: FenSchema,
  })
  .meta({ id: 'AmountLine' });
export type AmountLine = z.infer<typeof AmountLineSchema>;

export const FineDueSchema = z
  .object({
    decisionNo: z.string(),
    paymentCode: z.string().describe('缴款码 (20 digits)'),
    act: z.string().describe('违法行为 in words'),
    lines: z.array(AmountLineSchema).describe('罚款 and, from the 16th day, 加处罚款'),
    totalFen: FenSchema,
    dueDate: z.string().describe('yyyy-MM-dd: the last day to pay without 加处罚款'),
    daysLate: z.number().int().min(0),
    lateFeeCapped: z.boolean().describe('加处罚款 has reached the fine itself and grows no more'),
    state: z.enum(['unpaid', 'paying', 'paid']),
    paidOrderId: z.string().optional(),
  })
  .meta({ id: 'FineDue' });
export type FineDue = z.infer<typeof FineDueSchema>;

export const PAYMENT_ORDER_STATES = ['pending', 'paid', 'closed', 'refunding', 'refunded'] as const;
export const PaymentOrderStateSchema = z.enum(PAYMENT_ORDER_STATES);
export type PaymentOrderState = z.infer<typeof PaymentOrderStateSchema>;

export const PAYMENT_ORDER_STATE_NAMES: Readonly<Record<PaymentOrderState, string>> = {
  pending: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款',
};

/** What the client does to pay: call wx.requestPayment with these, or open the cashier page. */
export const PaymentActionSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('jsapi'),
      params: z.object({
        timeStamp: z.string(),
        nonceStr: z.string(),
        package: z.string().describe('prepay_id=...'),
        signType: z.literal('RSA'),
        paySign: z.string(),
      }),
    }),
    z.object({ kind: z.literal('redirect'), url: z.url().describe("The platform's cashier page") }),
  ])
  .meta({ id: 'PaymentAction' });
export type PaymentAction = z.infer<typeof PaymentActionSchema>;

export const RefundViewSchema = z
  .object({
    amountFen: FenSchema,
    reason: z.string().describe('重复支付自动退款, 撤回申请退款, 不予许可退款'),
    state: z.enum(['processing', 'refunded', 'failed']),
    requestedAt: z.string(),
    refundedAt: z.string().optional(),
  })
  .meta({ id: 'RefundView' });
export type RefundView = z.infer<typeof RefundViewSchema>;

export const PaymentOrderSchema = z
  .object({
    id: z.string().describe('Opaque id of the order'),
    thing: z.object({
      kind: z.enum(PAYMENT_THING_KINDS),
      title: z.string().describe('What is paid for, in words (违法行为 / 事项名称)'),
      reference: z.string().describe('决定书编号 or 办件编号'),
      caseId: z.string().optional(),
    }),
    platform: z.enum(['wxpay', 'nontax']).describe('微信支付 or 广东省非税收入平台'),
    lines: z.array(AmountLineSchema),
    amountFen: FenSchema,
    state: PaymentOrderStateSchema,
    stateText: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().describe('An unpaid order is closed at this time (30 minutes)'),
    paidAt: z.string().optional(),
    tradeNoMasked: z.string().optional().describe("The platform's transaction number, masked"),
    receiptNo: z.string().optional().describe('电子票据号, once paid'),
    receiptAvailable: z.boolean(),
    refunds: z.array(RefundViewSchema),
    pay: PaymentActionSchema.optional().describe('Present on a pending order just created or resumed'),
  })
  .meta({ id: 'PaymentOrder' });
export type PaymentOrder = z.infer<typeof PaymentOrderSchema>;

export const PaymentOrderListSchema = z
  .object({
    items: z.array(PaymentOrderSchema.omit({ pay: true })),
  })
  .meta({ id: 'PaymentOrderList' });
export type PaymentOrderList = z.infer<typeof PaymentOrderListSchema>;

export const PaymentOrderIdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/) }).strict();
export const DecisionNoParamsSchema = z.object({ decisionNo: z.string().regex(/^[0-9A-Za-z]{10,32}$/) }).strict();

/** A case's fee as the case view shows it (from the approval system): due, paid or refunded. */
export const CaseFeeSchema = z
  .object({
    title: z.string().describe('收费项目, e.g. 护照工本费'),
    amountFen: FenSchema,
    state: z.enum(['due', 'paid', 'refunded']),
    stateText: z.string().describe('待缴费 / 已缴费 / 已退费'),
    orderId: z.string().optional().describe('The order that paid it'),
  })
  .meta({ id: 'CaseFee' });
export type CaseFee = z.infer<typeof CaseFeeSchema>;
