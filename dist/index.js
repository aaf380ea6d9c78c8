import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-2XUZCEUV.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-FX4EHFUU.js");
  await revokeInPost();
}
export {
  post,
  run
};
