import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-DVUKT3BR.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-6CVB4T63.js");
  await revokeInPost();
}
export {
  post,
  run
};
