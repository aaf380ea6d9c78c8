import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-4V4XSV44.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-AGUPQAOZ.js");
  await revokeInPost();
}
export {
  post,
  run
};
