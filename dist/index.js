import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-N5CIGUCX.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-NG64H6V5.js");
  await revokeInPost();
}
export {
  post,
  run
};
