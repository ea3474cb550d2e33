// 实人 (L3) for a verified citizen in the bench and load runs, as the browser build does it:
// a 网证 authorisation the person confirms (here through the sandbox's control route), then completed.

import { json, postJson as post } from './stack.mjs';

/** The jump token at the end of a 网证 authUrl: how the sandbox's control route names the request. */
export const ctidToken = (authUrl) => new URL(authUrl).pathname.split('/').pop();

/** Confirms a started 网证 request as the person would in the app. */
export async function confirmCtid(sandboxUrl, authUrl) {
  await json(await post(`${sandboxUrl}/sandbox/ctid/requests/${ctidToken(authUrl)}/complete`, { outcome: 'pass' }));
}

/** Starts, confirms and completes an in-person check for the account's own verified identity. */
export async function passInPerson(bffUrl, sandboxUrl, auth) {
  const started = await json(await post(`${bffUrl}/api/v1/identity/checks`, { channel: 'ctid' }, auth));
  await confirmCtid(sandboxUrl, started.ctid.authUrl);
  await json(await post(`${bffUrl}/api/v1/identity/checks/${started.checkId}/complete`, {}, auth));
}
