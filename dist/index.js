import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-75XP3KMR.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-7GVMBR6C.js");
  await revokeInPost();
}
export {
  post,
  run
};
