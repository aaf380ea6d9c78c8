import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-CQKDTS6W.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-YRZS6ZTS.js");
  await revokeInPost();
}
export {
  post,
  run
};
