/**
 * Every error the API can answer with. The code is stable (clients branch on
 * it); the message is what a citizen reads, so it says what to do next.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的信息有误，请检查后重新填写' },
  BODY_TOO_LARGE: { status: 413, message: '提交的内容过大，请精简后重试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求格式不受支持，请更新小程序后重试' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的服务不存在，请更新小程序后重试' },
  METHOD_NOT_ALLOWED: { status: 405, message: '请求方式不受支持，请更新小程序后重试' },
  NOT_FOUND: { status: 404, message: '未找到相关记录，请返回刷新后重试' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: '当前来源不允许访问，请通过官方小程序使用' },

  UNAUTHENTICATED: { status: 401, message: '请先登录后再办理' },
  TOKEN_INVALID: { status: 401, message: '登录状态无效，请重新登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  SESSION_REVOKED: { status: 401, message: '该设备已退出登录，请重新登录' },
  REFRESH_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  REFRESH_REUSED: {
    status: 401,
    message: '检测到登录凭证被重复使用，为保护账号安全已退出该设备的登录，请重新登录',
  },

  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效或已使用，请重新打开小程序再试' },
  WECHAT_USER_BLOCKED: { status: 403, message: '该微信账号存在安全风险，暂时无法登录，请拨打 12345 咨询' },
  WECHAT_RATE_LIMITED: { status: 429, message: '登录过于频繁，请稍等一分钟再试' },

  SMS_TOO_FREQUENT: { status: 429, message: '验证码发送过于频繁，请 60 秒后再获取' },
  SMS_DAILY_LIMIT: { status: 429, message: '今日获取验证码次数已达上限，请明天再试' },
  SMS_CODE_INVALID: { status: 400, message: '验证码不正确，请核对短信后重新输入' },
  SMS_CODE_EXPIRED: { status: 400, message: '验证码已失效，请重新获取' },
  SMS_CODE_LOCKED: { status: 429, message: '验证码错误次数过多，请重新获取验证码' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },

  REAL_NAME_REQUIRED: { status: 403, message: '办理前请先完成实名认证' },
  ASSURANCE_REQUIRED: { status: 403, message: '为保护您的个人信息，请先完成本人认证' },
  IDENTITY_BOUND_ELSEWHERE: {
    status: 409,
    message: '该身份已绑定其他账号。如是您本人，请通过“刷脸换绑”将身份绑定到当前账号',
  },
  IDENTITY_NOT_BOUND: { status: 409, message: '当前账号未绑定实名身份' },
  IDENTITY_MOVED: {
    status: 401,
    message: '您的实名身份已通过刷脸认证换绑到另一个账号，本设备已退出登录。如非本人操作，请立即拨打 12345 或 110',
  },
  IDENTITY_UNBOUND: { status: 401, message: '您已解除实名绑定，本设备已退出登录，请重新登录' },
  ACCOUNT_CLOSED: { status: 401, message: '该账号已注销，请重新登录以使用新账号' },
  FORM_IDENTITY_MISMATCH: {
    status: 400,
    message: '申请人的身份信息来自您的实名认证，不能修改；为他人办理请填写在“办理对象”栏目中',
  },
  IDENTITY_MISMATCH: { status: 400, message: '姓名与身份证号码不一致，请核对后重试' },
  IDENTITY_ALREADY_VERIFIED: {
    status: 409,
    message: '该账号已绑定其他实名信息，如需更换请拨打 12345 咨询',
  },
  FACE_CHECK_PENDING: { status: 409, message: '人脸核验尚未完成，请按提示完成后再试' },
  FACE_CHECK_FAILED: { status: 400, message: '认证失败，请重试' },
  FACE_NOT_DETECTED: { status: 400, message: '未检测到人脸，请正对镜头、在光线充足处重试' },
  FACE_NOT_SAME_PERSON: { status: 400, message: '人脸与身份证照片不是同一人，须由本人操作' },
  FACE_LIVENESS_FAILED: { status: 400, message: '活体检测未通过，请按提示眨眼、张嘴后重试' },
  FACE_CHECK_TIMEOUT: { status: 400, message: '认证超时，请重新发起刷脸认证' },
  FACE_CHECK_CANCELLED: { status: 400, message: '您已取消认证，如需继续请重新发起' },
  FACE_CHECK_EXPIRED: { status: 400, message: '认证请求已过期，请重新发起' },
  FACE_CHECK_NOT_FOUND: { status: 404, message: '未找到该认证请求，请在本设备上重新发起认证' },
  FACE_CHECK_CLOCK_SKEW: { status: 400, message: '认证结果的时间与系统时间相差过大，请校准手机时间后重新认证' },
  IN_PERSON_TOO_MANY_TRIES: { status: 429, message: '今日刷脸认证次数已达上限（每天 3 次），请明天再试' },
  IN_PERSON_ID_TOO_MANY_TRIES: { status: 429, message: '该身份今日刷脸认证次数已达上限，请明天再试' },
  WECHAT_ALREADY_LINKED: { status: 409, message: '该微信已关联其他账号，请用该微信登录或更换微信后再试' },
  WECHAT_OPENID_REQUIRED: { status: 409, message: '刷脸认证需要关联微信，请先点击“关联微信”后再试' },
  ACCOUNT_DELETION_NOT_FOUND: { status: 404, message: '没有待注销的申请' },
  IDENTITY_TOO_MANY_TRIES: { status: 429, message: '今日实名认证尝试次数已达上限，请明天再试' },

  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '请求缺少提交标识，请更新小程序后重试' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一提交标识已用于另一份申请，请刷新后重新提交' },
  SUBMISSION_IN_PROGRESS: { status: 409, message: '您的申请正在提交中，请稍候在“我的办件”中查看' },
  MATERIAL_REQUIRED: { status: 400, message: '还有必要材料未提供，请补充后再提交' },
  MATERIAL_NOT_FOUND: { status: 400, message: '所选材料已失效，请重新上传' },
  MATERIAL_REJECTED: { status: 400, message: '材料文件未通过检查，请上传清晰的 JPG、PNG 图片或 PDF 文件' },
  CASE_NOT_FOUND: { status: 404, message: '未找到该办件，请核对办件编号' },
  CASE_STATE_CONFLICT: { status: 409, message: '该办件当前状态不允许此操作，请刷新后查看' },
  CASE_FILED_BY_FAMILY: { status: 403, message: '该办件由家人代您申请，撤回或补正请由代办人操作' },

  DRIVING_LICENCE_NOT_FOUND: { status: 404, message: '未查询到您名下的机动车驾驶证，如有疑问请拨打 12123 咨询' },
  VEHICLE_NOT_FOUND: { status: 404, message: '未找到该车辆，它可能已转出或注销，请返回刷新' },
  DOWNGRADE_NOT_ALLOWED: { status: 409, message: '当前驾驶证不符合自愿降级条件' },
  MORTGAGE_RELEASE_NOT_READY: { status: 409, message: '抵押权人尚未提交解除抵押信息，请联系贷款机构办理后再申请' },
  VIOLATION_NOT_FOUND: { status: 404, message: '未找到该违法记录，它可能不属于您名下的车辆或驾驶证，请返回刷新' },
  VIOLATION_PHOTO_NOT_FOUND: { status: 404, message: '该违法记录没有这张照片，请返回刷新后查看' },
  VIOLATION_ALREADY_HANDLED: { status: 409, message: '该违法记录已处理，请返回刷新后查看决定书并缴纳罚款' },
  VIOLATION_NOT_HANDLEABLE: {
    status: 409,
    message: '该违法记录不能网上处理，请携带驾驶证、行驶证到交警大队或车管所违法处理窗口办理',
  },

  HALL_NOT_FOUND: { status: 404, message: '未找到该办事大厅，请返回重新选择' },
  HALLS_CLOSED: { status: 409, message: '可办理该业务的大厅现在都已下班，请在开放时间前往，或先预约' },
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段或其他大厅' },
  SLOT_UNAVAILABLE: { status: 409, message: '该时段已不可预约，请刷新后重新选择' },
  APPOINTMENT_DUPLICATE: { status: 409, message: '您已预约过该业务，如需更改请先取消原预约或改约' },
  APPOINTMENT_BLOCKED: { status: 409, message: '近期预约后未到（爽约）次数过多，暂时不能预约，请稍后再试' },
  APPOINTMENT_NOT_FOUND: { status: 404, message: '未找到该预约，请返回刷新' },
  APPOINTMENT_STATE_CONFLICT: { status: 409, message: '该预约当前状态不能取消或改约' },
  TICKET_CLOSED: { status: 409, message: '当前不在取号时间内，请在大厅开放时间内（开门前 30 分钟起）取号' },
  TICKET_NOT_FOUND: { status: 404, message: '未找到该排队号' },
  RATING_NOT_ALLOWED: { status: 409, message: '办件办结后才能评价' },
  ALREADY_RATED: { status: 409, message: '该办件已评价过，每件事只能评价一次' },
  RATING_NOT_FOUND: { status: 404, message: '该办件还没有评价' },
  COMPLAINT_NOT_FOUND: { status: 404, message: '未找到该诉求，请返回刷新' },
  COMPLAINT_STATE_CONFLICT: { status: 409, message: '该诉求办理完成后才能评价，且只能评价一次' },

  ITEM_NOT_FOUND: { status: 404, message: '未找到该事项，它可能已调整或下线，请返回重新搜索' },
  PACKAGE_NOT_FOUND: { status: 404, message: '未找到该“一件事”服务，请返回重新选择' },
  DRAFT_NOT_FOUND: { status: 404, message: '没有找到保存的草稿，请重新填写' },
  FAVORITES_LIMIT: { status: 409, message: '收藏已达上限，请先取消一些不常用的收藏' },
  ADDRESS_NOT_FOUND: { status: 404, message: '没有找到这个收件地址，请返回地址簿刷新后重试' },
  ADDRESS_LIMIT: { status: 409, message: '地址簿最多保存 20 个地址，请先删除不用的地址' },
  REGION_UNKNOWN: { status: 400, message: '所选地区暂不支持邮寄，请重新选择省市区' },

  WEBHOOK_SIGNATURE_INVALID: { status: 401, message: '通知签名无效' },

  ALREADY_PAID: { status: 409, message: '该款项已缴纳，无需重复缴费，可在“我的缴费”中查看' },
  FEE_NOT_DUE: { status: 409, message: '该办件当前没有待缴的费用，请刷新办件查看' },
  FINE_NOT_FOUND: { status: 404, message: '未查询到该处罚决定书的缴款信息，请核对决定书编号或稍后再试' },
  PAYMENT_ORDER_NOT_FOUND: { status: 404, message: '未找到该缴费记录，请在“我的缴费”中查看' },
  RECEIPT_NOT_AVAILABLE: { status: 409, message: '支付完成后才能查看电子票据，请稍后刷新' },
  PAYMENT_OPENID_REQUIRED: { status: 409, message: '微信支付需要关联微信，请先在“我的”中关联微信后再试' },
  PAYMENT_IN_PROGRESS: { status: 409, message: '该款项的支付结果正在确认中，请稍候刷新查看' },

  RESIDENCE_NOT_ELIGIBLE: { status: 422, message: '暂不符合办理条件，请查看“我的居住证”中的说明' },
  RESIDENCE_PERMIT_NOT_FOUND: { status: 404, message: '未查询到您的有效居住证，请先申领居住证' },
  WALLET_ITEM_NOT_FOUND: { status: 404, message: '未找到该证照，请返回证照夹刷新后重试' },
  WALLET_ITEM_NOT_SHOWABLE: { status: 409, message: '该证照当前无效（已过期、中止或注销），不能出示' },
  SHARE_NOT_FOUND: { status: 404, message: '未找到该出示记录，请返回刷新后重试' },
  FAMILY_MEMBER_NOT_FOUND: { status: 404, message: '未找到该家人，请返回“我的家人”刷新后重试' },
  FAMILY_MEMBER_EXISTS: { status: 409, message: '该家人已添加或正在等待确认，无需重复添加' },
  FAMILY_LIMIT_REACHED: { status: 409, message: '最多可添加 8 位家人，请先移除不再代办的家人' },
  FAMILY_PROOF_MISSING: {
    status: 422,
    message: '未能通过出生医学证明或户口簿核实您与该儿童的监护关系，请携带证明材料到派出所办理',
  },
  FAMILY_MEMBER_NOT_MINOR: { status: 422, message: '该家人已满 16 周岁，请按成年家人添加，由其本人授权' },
  FAMILY_AUTHORITY_ENDED: {
    status: 403,
    message: '您已不能代该家人办理（授权已结束或尚未确认），请返回“我的家人”查看',
  },
  FAMILY_INVITATION_NOT_FOUND: { status: 404, message: '未找到该授权邀请，可能已处理或已过期' },
  FAMILY_MEMBER_IS_MINOR: {
    status: 422,
    message: '该家人未满 16 周岁，请按未成年子女添加（凭出生医学证明或户口簿核实监护关系）',
  },
  FAMILY_MEMBER_NO_ACCOUNT: {
    status: 409,
    message: '该家人尚未在穗警通完成实名认证，无法在其账号中确认，请改用短信验证码确认',
  },
  FAMILY_CONTACT_UNAVAILABLE: {
    status: 409,
    message: '户籍登记中没有该家人的手机号码，无法发送验证码，请改为由其在穗警通中确认',
  },
  ON_BEHALF_NOT_ALLOWED: { status: 403, message: '该事项须由本人办理，不能由家人代办' },

  UPSTREAM_UNAVAILABLE: { status: 503, message: '相关业务系统暂时无法访问，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '系统正在恢复，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

/** Codes after which a client should try its refresh token once. */
export const REFRESHABLE_AUTH_CODES: readonly ErrorCode[] = ['TOKEN_EXPIRED', 'TOKEN_INVALID', 'UNAUTHENTICATED'];
