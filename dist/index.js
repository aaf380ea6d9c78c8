import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-Z6N6MOJK.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-ER5PIFUR.js");
  await revokeInPost();
}
export {
  post,
  run
};
