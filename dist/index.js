import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-674SBAHR.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-DMXRVUX3.js");
  await revokeInPost();
}
export {
  post,
  run
};
