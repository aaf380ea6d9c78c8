import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-AZQYS64A.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-XQLVLLPQ.js");
  await revokeInPost();
}
export {
  post,
  run
};
