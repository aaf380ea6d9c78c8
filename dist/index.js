import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
<<<<<<< HEAD
  const { run: main } = await import("./chunks/main-ICMP3IE7.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-2JJV3J6K.js");
=======
<<<<<<< HEAD
  const { run: main } = await import("./chunks/main-2XUZCEUV.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-FX4EHFUU.js");
=======
  const { run: main } = await import("./chunks/main-OKL2ZABA.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-GN7SKUBQ.js");
>>>>>>> 61e883e (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/)
>>>>>>> aa977ff (Inputs as a union per mode (mint/plan, revoke, sweep, audit) and per auth (client-credentials with credentials, github-oidc with oidcAudience); token targets {type:'classic', platformUrl, classicUrl} | {type:'platform', accountUuid, accountApiUrl, environmentId}, revoke and sweep targets likewise; Context generic over the mode's inputs. checkIamInputs returns the IAM request with the default level placed, ensureIam takes it and the account (no re-check of account-urn or of the environment in iam/index.ts and iam/resolve.ts). No non-null assertion left in src/)
  await revokeInPost();
}
export {
  post,
  run
};
