import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-3O6G2NMX.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-YI6I4RNT.js");
  await revokeInPost();
}
export {
  post,
  run
};
