import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-65EKOIOF.js");
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
