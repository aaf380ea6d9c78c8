import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-RJSD3Q3Y.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-MBVFDK53.js");
  await revokeInPost();
}
export {
  post,
  run
};
