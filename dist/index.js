import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-RFUZF662.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-DIUFVZ72.js");
  await revokeInPost();
}
export {
  post,
  run
};
