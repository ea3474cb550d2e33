import { z } from 'zod';

/**
 * 好差评 (ratings of finished cases), complaints and suggestions through the
 * 12345 loop (接 答 派 办 评), and the 民声热点榜.
 */

export const RATING_LEVELS = [
  { level: 5, text: '非常满意' },
  { level: 4, text: '满意' },
  { level: 3, text: '基本满意' },
  { level: 2, text: '不满意' },
  { level: 1, text: '非常不满意' },
] as const;

/** The two lowest levels are bad reviews (差评): a reason is required and they are followed up. */
export const BAD_REVIEW_MAX_LEVEL = 2;

export const RATING_ASPECTS = [
  { key: 'efficiency', text: '办事效率' },
  { key: 'guideAccuracy', text: '办事指南精确度' },
  { key: 'convenience', text: '办事便捷度' },
  { key: 'usability', text: '平台操作性' },
] as const;

const Level = z.number().int().min(1, '请选择 1-5 星').max(5, '请选择 1-5 星');

export const RatingRequestSchema = z
  .object({
    level: Level.describe('整体满意度'),
    aspects: z
      .object({ efficiency: Level, guideAccuracy: Level, convenience: Level, usability: Level })
      .strict()
      .describe('分项评价'),
    comment: z.string().trim().max(500, '评价内容不超过 500 字').default(''),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.level <= BAD_REVIEW_MAX_LEVEL && value.comment.length < 5) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '差评请写明原因（至少 5 个字），以便核实整改' });
    }
  })
  .meta({
    id: 'RatingRequest',
    // The refinement above, stated in the contract: a bad review says why.
    if: { properties: { level: { maximum: BAD_REVIEW_MAX_LEVEL } } },
    then: { required: ['comment'], properties: { comment: { minLength: 5 } } },
  });
export type RatingRequest = z.infer<typeof RatingRequestSchema>;

export const FollowUpStepSchema = z
  .object({
    step: z.enum(['verify', 'rectify', 'revisit']).describe('核实, 整改, 回访'),
    stepText: z.string(),
    at: z.string(),
    note: z.string(),
    department: z.string(),
  })
  .meta({ id: 'FollowUpStep' });

export const RatingSchema = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    level: z.number().int(),
    levelText: z.string(),
    bad: z.boolean(),
    aspects: z.object({
      efficiency: z.number().int(),
      guideAccuracy: z.number().int(),
      convenience: z.number().int(),
      usability: z.number().int(),
    }),
    comment: z.string(),
    ratedAt: z.string(),
    followUp: z
      .object({
        status: z.enum(['pending', 'in-progress', 'done']),
        statusText: z.string(),
        deadline: z.string().describe('yyyy-MM-dd: 15 working days after the rating'),
        steps: z.array(FollowUpStepSchema),
      })
      .optional()
      .describe('Only for a bad review'),
  })
  .meta({ id: 'Rating' });
export type Rating = z.infer<typeof RatingSchema>;

export const COMPLAINT_CATEGORIES = [
  { code: 'window-service', text: '窗口服务' },
  { code: 'efficiency', text: '办事效率' },
  { code: 'online-service', text: '网上办事' },
  { code: 'traffic', text: '交通管理' },
  { code: 'public-order', text: '治安管理' },
  { code: 'exit-entry', text: '出入境管理' },
  { code: 'household', text: '户政管理' },
  { code: 'other', text: '其他' },
] as const;
export const ComplaintCategorySchema = z.enum(
  COMPLAINT_CATEGORIES.map((c) => c.code) as [
    (typeof COMPLAINT_CATEGORIES)[number]['code'],
    ...(typeof COMPLAINT_CATEGORIES)[number]['code'][],
  ],
);

export const COMPLAINT_STAGES = ['received', 'answered', 'dispatched', 'handled', 'rated'] as const;

export const ComplaintRequestSchema = z
  .object({
    kind: z.enum(['complaint', 'suggestion']).describe('投诉 or 建议'),
    category: ComplaintCategorySchema,
    title: z.string().trim().min(4, '标题至少 4 个字').max(40, '标题不超过 40 字'),
    content: z.string().trim().min(10, '请具体描述，至少 10 个字').max(1000, '内容不超过 1000 字'),
    photos: z.array(z.string().min(1).max(64)).max(6, '最多 6 张照片').default([]).describe('Uploaded material ids'),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码')
      .optional()
      .describe(
        "A contact phone other than the account's; absent: the account's own (an account without one must give one)",
      ),
    caseNo: z
      .string()
      .regex(/^\d{22}$/)
      .optional()
      .describe('The case it is about, if any'),
  })
  .strict()
  .meta({ id: 'ComplaintRequest' });
export type ComplaintRequest = z.infer<typeof ComplaintRequestSchema>;

export const ComplaintStepSchema = z
  .object({
    stage: z.enum(COMPLAINT_STAGES),
    stageText: z.string().describe('接, 答, 派, 办, 评 in words'),
    at: z.string(),
    department: z.string(),
    note: z.string(),
  })
  .meta({ id: 'ComplaintStep' });

export const COMPLAINT_STEP_STATES = ['done', 'current', 'pending'] as const;

/** One of the five stages of the loop and where the ticket stands with it, consistent with the overall stage. */
export const ComplaintLoopStepSchema = z
  .object({
    stage: z.enum(COMPLAINT_STAGES),
    stageText: z.string().describe('受理, 答复, 派单, 办理, 评价'),
    state: z
      .enum(COMPLAINT_STEP_STATES)
      .describe('done: reached; current: the next to happen (the 12345 staff, or the citizen for 评); pending: later'),
    stateText: z.string().describe('已完成, 进行中, 待评价, 未开始'),
  })
  .meta({ id: 'ComplaintLoopStep' });
export type ComplaintLoopStep = z.infer<typeof ComplaintLoopStepSchema>;

export const ComplaintSummarySchema = z
  .object({
    id: z.string().describe('工单号'),
    kind: z.enum(['complaint', 'suggestion']),
    category: z.string(),
    categoryText: z.string(),
    title: z.string(),
    stage: z.enum(COMPLAINT_STAGES),
    stageText: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComplaintSummary' });
export type ComplaintSummary = z.infer<typeof ComplaintSummarySchema>;

export const ComplaintDetailSchema = ComplaintSummarySchema.extend({
  content: z.string(),
  photos: z.array(z.string()),
  steps: z.array(ComplaintStepSchema).describe('What has happened, oldest first'),
  loop: z.array(ComplaintLoopStepSchema).describe('接 答 派 办 评, each done, current or pending'),
  canRate: z.boolean().describe('Handled and not yet rated'),
  rating: z.object({ level: z.number().int(), comment: z.string(), at: z.string() }).optional(),
}).meta({ id: 'ComplaintDetail' });
export type ComplaintDetail = z.infer<typeof ComplaintDetailSchema>;

export const ComplaintListSchema = z.object({ items: z.array(ComplaintSummarySchema) }).meta({ id: 'ComplaintList' });
export type ComplaintList = z.infer<typeof ComplaintListSchema>;

export const ComplaintIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{6,40}$/) }).strict();

export const ComplaintRatingRequestSchema = z
  .object({
    level: Level,
    comment: z.string().trim().max(300).default(''),
  })
  .strict()
  .meta({ id: 'ComplaintRatingRequest' });
export type ComplaintRatingRequest = z.infer<typeof ComplaintRatingRequestSchema>;

export const HotTopicSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(['listed', 'monitored', 'delisted']).describe('上榜, 监测, 撤榜'),
    statusText: z.string(),
    heat: z.number().int().describe('How many citizens raised it'),
    department: z.string(),
    listedAt: z.string(),
    resolution: z.string().optional().describe('What was done, once monitored or delisted'),
  })
  .meta({ id: 'HotTopic' });
export type HotTopic = z.infer<typeof HotTopicSchema>;

export const HotTopicListSchema = z
  .object({ items: z.array(HotTopicSchema), updatedAt: z.string() })
  .meta({ id: 'HotTopicList' });
export type HotTopicList = z.infer<typeof HotTopicListSchema>;

export const HotTopicQuerySchema = z
  .object({ status: z.enum(['listed', 'monitored', 'delisted', 'all']).default('all') })
  .strict();
