import type { Server, ServerResponse } from 'node:http';
import type { Connection } from 'mongoose';
import { createApp, databaseModels } from './app';
import type { Config } from './config';
import { systemClock, type Clock } from './libraries/clock';
import { connectDatabase, ensureIndexes, sweepExpired } from './libraries/database';
import type { Logger } from './libraries/logger';
import { createMetrics } from './libraries/metrics';
import { startMetricsServer } from './libraries/metrics-server';
import { ApprovalClient } from './upstreams/approval/approval.client';
import { IdentityClient } from './upstreams/identity/identity.client';
import { TrafficClient } from './upstreams/traffic/traffic.client';
import { HallClient } from './upstreams/hall/hall.client';
import { FeedbackClient } from './upstreams/feedback/feedback.client';
import { CatalogClient } from './upstreams/catalog/catalog.client';
import { CtidClient } from './upstreams/ctid/ctid.client';
import { EmsClient } from './upstreams/ems/ems.client';
import { NontaxClient } from './upstreams/nontax/nontax.client';
import { WxpayClient } from './upstreams/wxpay/wxpay.client';
import { SmsClient } from './upstreams/sms/sms.client';
import { WechatClient } from './upstreams/wechat/wechat.client';

export interface RunningBff {
  url: string;
  /** Where Prometheus scrapes (METRICS_PORT set), on a port of its own; undefined otherwise. */
  metricsUrl: string | undefined;
  port: number;
  server: Server;
  connection: Connection;
  /**
   * Before close, behind a load balancer: for `ms` /readyz answers 503 and every request arriving meanwhile is
   * served with `Connection: close` (its connection is not reused), so none is idle under the balancer at close.
   */
  drain(ms: number): Promise<void>;
  /** Stops taking requests, lets in-flight ones finish (up to the grace), then closes MongoDB and upstream pools. */
  close(graceMs?: number): Promise<void>;
}

/** Connects everything the app depends on and listens: what start.ts and the full-stack tests run. */
export async function startBff(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningBff> {
  const connection = await connectDatabase(config.mongodbUri, logger);
  const metrics = config.metrics ? createMetrics() : undefined;
  // Before the index builds, so the pool connections they open are counted from the start.
  metrics?.watchMongoPool(connection);
  const unsweptTtl = await ensureIndexes(Object.values(databaseModels(connection)), logger);
  const sweeper = sweepExpired(unsweptTtl, () => clock.now(), logger);
  const wechat = new WechatClient(config.wechat, logger, clock);
  const sms = new SmsClient(config.sms, logger);
  const catalog = new CatalogClient(config.catalog, logger);
  const identity = new IdentityClient(config.gov, logger);
  const traffic = new TrafficClient(config.gov, logger);
  const hall = new HallClient(config.gov, logger);
  const feedback = new FeedbackClient(config.gov, logger);
  const approval = new ApprovalClient(config.gov, logger);
  const ctid = new CtidClient(config.ctid, logger, clock);
  const ems = new EmsClient(config.ems, logger);
  const wxpay = new WxpayClient(config.wxpay, logger, clock);
  const nontax = new NontaxClient(config.nontax, logger, clock);
  let draining = false;
  const metricsServer = metrics && config.metrics ? await startMetricsServer(metrics, config.metrics) : undefined;
  const app = createApp({
    config,
    logger,
    connection,
    wechat,
    sms,
    catalog,
    identity,
    approval,
    traffic,
    hall,
    feedback,
    ctid,
    ems,
    wxpay,
    nontax,
    clock,
    draining: () => draining,
    metrics,
  });

  const server = app.listen(config.port, config.host);
  // Ahead of the app's own listener, so the header is there before any answer is written.
  server.prependListener('request', (_request, response: ServerResponse) => {
    if (draining) response.setHeader('Connection', 'close');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  void app.warmUp();
  // Accounts whose cooling-off ended are closed here; a run that fails is finished by a later one.
  const closer = setInterval(() => {
    app.closeDueAccounts().catch((error: unknown) => {
      logger.warn({ err: error }, 'closing due accounts failed; a later run finishes it');
    });
  }, 60_000);
  closer.unref();
  app.startJobs();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | undefined;
  const shutdown = async (graceMs: number) => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(timer);
    clearInterval(closer);
    app.stopJobs();
    sweeper.stop();
    await Promise.all([
      wechat.close(),
      sms.close(),
      catalog.close(),
      identity.close(),
      approval.close(),
      traffic.close(),
      hall.close(),
      feedback.close(),
      ctid.close(),
      ems.close(),
      wxpay.close(),
      nontax.close(),
      metricsServer?.close(),
    ]);
    await connection.close();
  };
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    metricsUrl: metricsServer?.url,
    port,
    server,
    connection,
    async drain(ms: number) {
      if (draining) return;
      draining = true;
      logger.info({ drainMs: ms }, 'draining: /readyz answers 503 until the server closes');
      await new Promise((resolve) => setTimeout(resolve, ms));
    },
    close(graceMs = 10_000) {
      closing ??= shutdown(graceMs);
      return closing;
    },
  };
}
