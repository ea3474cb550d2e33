export default async function globalTeardown(): Promise<void> {
  await globalThis.__SUIJING_MONGO__?.stop();
}
