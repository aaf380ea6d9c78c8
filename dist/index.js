import "./chunks/chunk-YSH2IDXS.js";

// src/bundle.ts
async function run() {
  const { run: main } = await import("./chunks/main-ICMP3IE7.js");
  await main();
}
async function post() {
  const { post: revokeInPost } = await import("./chunks/post-2JJV3J6K.js");
  await revokeInPost();
}
export {
  post,
  run
};
