import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-Q7Z4P43O.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-PR5POQ25.js");
  await revokeInPost();
}
export {
  post,
  run
};
