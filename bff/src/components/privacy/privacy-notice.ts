import { IN_PERSON_RECENT_SECONDS, type PrivacyNotice } from '@suijing/shared';
import type { Schema } from 'mongoose';
import { CHECK_TTL_SECONDS } from '../identity/in-person.service';
import type { PaymentModels } from '../payments/payment-order.model';
import { ORDER_TTL_MS } from '../payments/payments.service';
import { CLOSED_ORDER_RETENTION_MS } from '../payments/settlement.service';
import type { SessionModels } from '../sessions/session.model';
import type { TrafficSnapshotModels } from '../traffic/traffic-snapshot.model';
import { SHARE_RETENTION_DAYS } from '../wallet/wallet-share.model';
import { ACCOUNT_DELETION_COOLING_OFF_DAYS } from './account-deletion.service';
import { DATA_USE_RETENTION_DAYS } from './data-use.service';

/** When the text below last changed; clients may show it. */
export const PRIVACY_NOTICE_VERSION = '2026-12-06';

const DAY_SECONDS = 86_400;

/**
 * Paid (and refunded) payment orders are vouchers of money received: kept as
 * 会计凭证, whose 保管期限 under 《会计档案管理办法》 (财政部 国家档案局令第79号,
 * 附表一) is 30 years. Nothing deletes them earlier.
 */
export const ACCOUNTING_RECORD_YEARS = 30;

/** How long things are kept, as the code enforces it: each figure the notice states comes from here. */
export interface RetentionFacts {
  /** A login lasts this long at most (REFRESH_TOKEN_TTL_DAYS). */
  loginDays: number;
  /** An ended or expired login is kept this long for the device list, then deleted (the sessions' TTL index). */
  endedLoginKeptDays: number;
  /** A face / 网证 check in progress, with the sealed name and number, lives this long at most. */
  inPersonCheckMinutes: number;
  /** A passed check counts for this session this long. */
  inPersonValidDays: number;
  /** The last answer of the traffic system, kept sealed for when it is down (its TTL index). */
  trafficSnapshotDays: number;
  dataUseDays: number;
  coolingOffDays: number;
  /** An unpaid payment order is closed this long after it was opened. */
  unpaidOrderMinutes: number;
  /** A closed unpaid order is kept this long after closing, then deleted (purgeAt and its TTL index). */
  closedOrderDays: number;
  /** A paid order is kept this long, as an accounting record. */
  paidOrderYears: number;
}

/** The expireAfterSeconds of the TTL index on `field`, as the database is told to enforce it. */
export function ttlSecondsOf(schema: Schema, field: string): number {
  for (const [fields, options] of schema.indexes()) {
    const seconds = (options as { expireAfterSeconds?: unknown } | undefined)?.expireAfterSeconds;
    if (field in fields && typeof seconds === 'number') return seconds;
  }
  throw new Error(`no TTL index on ${field}`);
}

export function retentionFacts(
  models: SessionModels & TrafficSnapshotModels & PaymentModels,
  options: { refreshTtlDays: number },
): RetentionFacts {
  return {
    loginDays: options.refreshTtlDays,
    endedLoginKeptDays: ttlSecondsOf(models.Session.schema, 'expiresAt') / DAY_SECONDS,
    inPersonCheckMinutes: CHECK_TTL_SECONDS / 60,
    inPersonValidDays: IN_PERSON_RECENT_SECONDS / DAY_SECONDS,
    trafficSnapshotDays: ttlSecondsOf(models.TrafficSnapshot.schema, 'fetchedAt') / DAY_SECONDS,
    dataUseDays: DATA_USE_RETENTION_DAYS,
    coolingOffDays: ACCOUNT_DELETION_COOLING_OFF_DAYS,
    unpaidOrderMinutes: ORDER_TTL_MS / 60_000,
    closedOrderDays:
      (CLOSED_ORDER_RETENTION_MS / 1000 + ttlSecondsOf(models.PaymentOrder.schema, 'purgeAt')) / DAY_SECONDS,
    paidOrderYears: ACCOUNTING_RECORD_YEARS,
  };
}

/**
 * 隐私保护指引: for each kind of personal information, what is collected,
 * why, how long it is kept and who receives it (PIPL 第十七条), the
 * sensitive kinds first, marked, with their necessity and effect (第三十条).
 * Written from what the code does: the figures are the enforced ones.
 */
export function privacyNotice(facts: RetentionFacts): PrivacyNotice {
  return {
    version: PRIVACY_NOTICE_VERSION,
    intro:
      '穗警通依照《中华人民共和国个人信息保护法》处理您的个人信息。本指引逐项说明我们收集哪些信息、为什么收集、保存多久、提供给谁。我们只处理办理您发起的业务所必需的信息，不出售，也不用于营销。',
    categories: [
      {
        key: 'identity',
        title: '姓名和身份证号码',
        sensitive: true,
        collected:
          '实名认证、本人认证时您填写的姓名和身份证号码；代他人预约时您填写的被预约人姓名、身份证号码和手机号码。',
        purpose:
          '向公安人口信息核验您的身份，保证一个人只绑定一个账号，并查询、办理您本人的户政、车驾管等业务。不提供则无法使用需要实名的服务，浏览办事指南、查找大厅等不受影响。',
        retention:
          '加密保存，另存一个不可逆的密钥散列用于查找您本人的记录，保存至您注销账号时删除。身份绑定历史只含号码的散列和打码后的账号，用于发现冒用；被预约人的信息不在穗警通保存。',
        recipients:
          '通过广州市政务数据共享交换平台提供给公安实名认证、车驾管、审批和大厅预约排队系统；本人认证时提供给微信人脸核身（腾讯）或可信身份认证平台（网证）。',
      },
      {
        key: 'face',
        title: '人脸信息（本人认证）',
        sensitive: true,
        collected:
          '本人认证时，由微信人脸核身或“国家网络身份认证”（网证）在其自己的页面采集您的人脸图像，与公安机关的证件照比对。穗警通不接收、不保存人脸图像，只接收“是否本人”的结果和认证时间。',
        purpose:
          '确认正在操作的是您本人：绑定身份、刷脸换绑，以及查看完整证件号码、下载个人信息副本、注销账号之前。不进行本人认证则无法使用这些功能，其他服务不受影响。',
        retention: `认证请求（含加密的姓名和身份证号码）最长保存 ${facts.inPersonCheckMinutes} 分钟，取得结果后立即删除；认证结果（时间和方式）记在本次登录上，${facts.inPersonValidDays} 天内有效，随登录记录删除。`,
        recipients:
          '微信人脸核身（腾讯）或公安部第一研究所的可信身份认证平台（网证），人脸图像由其依照各自的个人信息保护规则处理。',
      },
      {
        key: 'location',
        title: '位置信息',
        sensitive: true,
        collected:
          '您在「线下办事」中允许定位时，手机当时的位置（经纬度）。只在您打开大厅、自助服务点等页面时获取，不在后台持续定位。',
        purpose:
          '按距离排列办事大厅和自助服务点，推荐用时最短的大厅。可以拒绝或在手机设置中随时关闭，拒绝后可按行政区选择大厅，不影响办事。',
        retention:
          '位置只保存在手机内存中，退出小程序即清除；随查询发送到服务器仅用于计算距离，不写入数据库。服务器访问日志只记录约 1 公里精度的位置（经纬度保留两位小数），日志按《网络安全法》的要求保存不少于 6 个月。',
        recipients: '不提供给任何第三方；向大厅排队系统查询时不发送您的位置。',
      },
      {
        key: 'materials',
        title: '上传的证件和材料',
        sensitive: true,
        collected: '办事时您拍照或选择上传的证件照片、证明材料等文件（JPG、PNG 或 PDF）。',
        purpose:
          '作为您申请的材料供公安机关审核。材料可能含有证件、户籍、健康等敏感信息，请只上传办理事项要求的材料；不上传则无法在线提交需要该材料的申请。',
        retention:
          '文件直接存入公安审批系统，由其依照政务档案的规定保存；穗警通只保存文件名、类型、大小、上传时间和校验值，注销账号时删除。',
        recipients: '公安审批系统及承办业务的公安机关。',
      },
      {
        key: 'payments',
        title: '缴费信息',
        sensitive: true,
        collected:
          '在线缴纳交通违法罚款或办事费用时：缴的是什么（处罚决定书编号或办件编号）、金额明细、支付渠道、订单状态和时间、支付平台的交易流水号、退款情况和票据号。微信支付时只保存您微信用户标识的不可逆密钥散列，用于核对付款人是本人；不获取您的银行卡、余额等支付账户信息，支付平台的通知核验后不保存原文。',
        purpose:
          '向微信支付或广东省非税收入征收平台下单，确认缴费结果，出具票据，重复支付或无需缴纳时自动退款，并每日与支付平台对账。不在线缴费可到窗口或银行缴纳，不影响其他服务。',
        retention: `未支付的订单 ${facts.unpaidOrderMinutes} 分钟后关闭，关闭后保存 ${facts.closedOrderDays} 天供您查看和处理争议，然后自动删除。已支付（含已退款）的订单是收款凭证，依照《会计档案管理办法》保存 ${facts.paidOrderYears} 年；注销账号时这些记录保留，但与账号分离，不再能通过任何账号查看。注销时尚有待支付的订单，待其关闭或确认支付后再完成注销，不会丢失款项。`,
        recipients:
          '缴费事项和金额提供给微信支付（财付通）或广东省非税收入征收平台；办事费用的缴费和退款结果提供给公安审批系统；罚款的缴款结果由非税平台告知公安交通管理系统。',
      },
      {
        key: 'phone',
        title: '手机号码',
        sensitive: false,
        collected: '短信验证码登录时您填写的手机号码。',
        purpose: '发送登录验证码、识别您的账号，页面上只显示部分号码。不提供可改用微信登录。',
        retention: '保存至您注销账号时删除。',
        recipients: '发送验证码时提供给短信服务商，不提供给其他方。',
      },
      {
        key: 'wechat',
        title: '微信登录标识',
        sensitive: false,
        collected: '微信一键登录时由微信提供的用户标识（openid），不获取您的微信昵称、头像等资料。',
        purpose: '关联您的账号，发送您订阅的办件进度提醒，刷脸认证时确认是同一微信用户。',
        retention: '保存至您注销账号时删除；微信会话密钥随登录记录保存在服务器上，不发给手机。',
        recipients: '只与微信（腾讯）交互，不提供给其他方。',
      },
      {
        key: 'device',
        title: '登录设备信息',
        sensitive: false,
        collected: '每次登录的设备类型和型号、登录时间和最近使用时间。',
        purpose: '在「登录设备管理」中让您查看和退出其他设备，发现异常登录。',
        retention: `一次登录最长保持 ${facts.loginDays} 天；退出或失效后再保留 ${facts.endedLoginKeptDays} 天供您查看，然后删除。`,
        recipients: '不提供给第三方。',
      },
      {
        key: 'cases',
        title: '办事表单、草稿和办件',
        sensitive: false,
        collected: '您填写的办事表单和保存的草稿、提交的办件及其进度消息、好差评和投诉建议。',
        purpose: '向公安机关提交申请，告诉您办理进度，处理您的评价和诉求。',
        retention:
          '草稿保存至您提交、删除或注销账号；消息保存至注销账号。已提交的办件由公安审批系统依照政务档案的规定保存，注销账号后与账号分离保存。',
        recipients: '公安审批系统；好差评和投诉建议提交给 12345 政务服务便民热线平台。',
      },
      {
        key: 'addresses',
        title: '收件地址',
        sensitive: false,
        collected: '您在「收件地址簿」中保存的收件人姓名、手机号码、所在地区和详细地址。',
        purpose: '办事时选择邮寄领取证件或文书，由中国邮政 EMS 按此投递。不保存地址可选择到大厅领取，不影响办事。',
        retention:
          '收件人、手机号码和详细地址加密保存，列表中只显示打码后的信息；保存至您删除该地址或注销账号时删除。已交寄的邮件所用的地址随办件由公安审批系统和中国邮政 EMS 依照其规定保存。',
        recipients: '只在您选择邮寄时，随办件提供给公安审批系统，由其交中国邮政 EMS 投递；不提供给其他方。',
      },
      {
        key: 'family',
        title: '家人信息（家人代办）',
        sensitive: true,
        collected:
          '添加家人时您填写的家人姓名、身份证号码和与您的关系；核实监护关系时查询的该儿童和您本人的出生医学证明、户口簿电子证照（只用于比对，不保存）；向成年家人发送验证码时户籍登记的手机号码（只保存打码后的号码）。',
        purpose:
          '核实您是儿童的监护人，或取得成年家人本人的同意（短信验证码或其本人在穗警通中确认），之后在事项允许代办时为家人申请、预约，查看其办件和证照。不添加家人不影响您本人办事。',
        retention:
          '家人的姓名和身份证号码加密保存，另存一个不可逆的密钥散列用于查找；验证码只保存密钥散列，10 分钟内有效。您移除家人或家人撤回授权后立即不能再代办；注销账号时删除您添加的家人记录，他人代您办理的授权同时撤回。每一次代办都记入该家人的「个人信息使用记录」，写明代办人。',
        recipients:
          '核实时提供给公安人口信息和电子证照库；验证码由短信服务商发送到家人户籍登记的手机；代家人办理时，家人的信息随申请或预约提供给公安审批系统或大厅预约系统，并注明代办人。',
      },
      {
        key: 'wallet',
        title: '证照出示记录（证照夹）',
        sensitive: false,
        collected:
          '您在证照夹中「出示」证照时选择的内容（如姓名、是否持有有效居住证）、用途和有效时长；核验方打开链接时填写的核验方名称和核验时间。证照本身不另存，每次打开证照夹时从各发证系统查询。',
        purpose:
          '让您选择的核验方（如房东、用人单位）在有效时间内只看到您选择的内容，并让您在「出示记录」和「个人信息使用记录」中看到谁在何时核验过。不出示不影响您查看证照。',
        retention: `所出示的内容和核验方名称加密保存，出示链接只保存其不可逆的散列；链接到期或被您撤回后不能再查看，记录再保存 ${SHARE_RETENTION_DAYS} 天后自动删除，注销账号时立即删除。`,
        recipients: '只提供给持有您出示链接的核验方，且只有您选择的内容；不提供给其他方。',
      },
      {
        key: 'records',
        title: '车辆、驾驶证和交通违法信息',
        sensitive: false,
        collected: '您查看时从公安交通管理系统查询到的名下车辆、驾驶证、交通违法和电子驾驶证信息。',
        purpose: '向您展示并办理车驾管业务。',
        retention: `最近一次查询结果加密保存 ${facts.trafficSnapshotDays} 天，供交通管理系统暂时不可用时显示，到期自动删除，注销账号时立即删除。`,
        recipients: '只从公安交通管理系统读取，不提供给其他方。',
      },
      {
        key: 'data-use',
        title: '个人信息使用记录',
        sensitive: false,
        collected: '每次查询您的车辆、驾驶证、证件号码等信息时，记录时间、用途、设备和账号，不记录查询到的内容。',
        purpose: '让您在「个人信息使用记录」中核对何时、哪台设备使用了您的信息，及时发现冒用。',
        retention: `保存 ${facts.dataUseDays} 天后自动删除；注销账号后也保留至期满，以便追查冒用。`,
        recipients: '不提供给第三方。',
      },
    ],
    sensitive:
      '身份证号码、人脸信息、位置信息、上传的材料、缴费信息和家人（尤其是儿童）的信息属于敏感个人信息。我们只在您主动进行实名认证、本人认证、定位、上传、缴费或添加家人时，为上述用途处理；全程加密传输，证件号码加密保存，日志中的证件号码和手机号码一律打码。',
    rights: [
      '查看和复制：在「我的 › 下载个人信息副本」获取穗警通保存的与您有关的全部信息（需本人认证）。',
      '了解使用情况：在「我的 › 个人信息使用记录」查看您的信息何时被查询，以及家人何时代您办理了什么。',
      '家人：在「我的 › 我的家人」中查看和移除您代办的家人，查看谁可以代您办理，并随时撤回授权。',
      '撤回同意：可随时在手机设置中关闭定位，在「登录设备管理」中退出设备，或在「我的 › 实名与绑定」中解除绑定。',
      `删除：在「我的 › 注销账号」申请注销，${facts.coolingOffDays} 天冷静期内可撤销；期满后删除账号、身份、草稿、收藏、收件地址、家人记录、出示记录、材料记录和消息；已提交的办件和已支付的缴费记录依法保留，与账号分离。`,
    ],
    contact: '对本指引或您的个人信息处理有疑问或投诉，可在「我的 › 我的诉求」提出，或拨打 12345 政务服务便民热线。',
  };
}
