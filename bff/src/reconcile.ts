import pino from 'pino';
import { paymentModels } from './components/payments/payment-order.model';
import { paymentsCore } from './components/payments/payments.module';
import { ConfigError, loadConfig } from './config';
import { systemClock, type Clock } from './libraries/clock';
import { connectDatabase } from './libraries/database';
import { createLogger } from './libraries/logger';
import { ApprovalClient } from './upstreams/approval/approval.client';
import { NontaxClient } from './upstreams/nontax/nontax.client';
import { WxpayClient } from './upstreams/wxpay/wxpay.client';

/**
 * 对账 of one Beijing day, by hand: `node bff/dist/reconcile.js --day yyyy-MM-dd [--as-of <ISO instant>]`.
 * `--as-of` runs it as if the clock read that instant: a rehearsal against
 * platforms whose clock was moved (the sandbox after `npm run load`), since
 * both platforms refuse requests stamped far from their own time.
 * Settles what the platforms have and we missed, stores the day's report and
 * prints it (JSON); exits 1 while differences are left for staff, 64 on bad
 * arguments, 78 on bad configuration. The server runs the same every day at
 * RECONCILE_HOUR for the day before.
 */
async function main(): Promise<number> {
  const at = process.argv.indexOf('--day');
  const day = at >= 0 ? process.argv[at + 1] : undefined;
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    process.stderr.write('usage: node bff/dist/reconcile.js --day yyyy-MM-dd\n');
    return 64;
  }
  const asOfAt = process.argv.indexOf('--as-of');
  const asOf = asOfAt >= 0 ? new Date(process.argv[asOfAt + 1] ?? '') : undefined;
  if (asOf && Number.isNaN(asOf.getTime())) {
    process.stderr.write('usage: --as-of takes an ISO instant, e.g. 2026-12-07T02:05:00Z\n');
    return 64;
  }
  const offsetMs = asOf ? asOf.getTime() - Date.now() : 0;
  const clock: Clock = asOf ? { now: () => new Date(Date.now() + offsetMs) } : systemClock;
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 78;
  }
  // Logs go to stderr: stdout carries the report alone.
  const logger = createLogger({ level: config.logLevel, destination: pino.destination({ dest: 2, sync: true }) });
  const connection = await connectDatabase(config.mongodbUri, logger);
  const wxpay = new WxpayClient(config.wxpay, logger, clock);
  const nontax = new NontaxClient(config.nontax, logger, clock);
  const approval = new ApprovalClient(config.gov, logger);
  try {
    const { reconciliation } = paymentsCore({
      models: paymentModels(connection),
      clock,
      logger,
      dataKey: config.dataEncryptionKey,
      wxpay,
      nontax,
      approval,
      publicBaseUrl: config.publicBaseUrl,
    });
    const report = await reconciliation.reconcile(day);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.differences.length > 0 ? 1 : 0;
  } finally {
    await Promise.all([wxpay.close(), nontax.close(), approval.close()]);
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reconciliation failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
