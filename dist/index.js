import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-F643CNBX.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-77OI3M3B.js");
  await revokeInPost();
}
export {
  post,
  run
};
